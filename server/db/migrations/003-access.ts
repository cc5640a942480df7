/**
 * Third step: who may do what. Accounts with scrypt password hashes, server-side sessions, paired
 * displays and API tokens. Secrets handed to people (session ids, display keys, tokens) are
 * random and long, so only their SHA-256 is kept: a copy of the file lets nobody in.
 */
export const sql = `
CREATE TABLE accounts (
  id                   INTEGER PRIMARY KEY,
  username             TEXT NOT NULL UNIQUE,
  display_name         TEXT NOT NULL,
  role                 TEXT NOT NULL,
  advisor_id           INTEGER REFERENCES advisors(id),
  password_hash        TEXT NOT NULL,
  must_change_password INTEGER NOT NULL,
  active               INTEGER NOT NULL,
  version              INTEGER NOT NULL,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
) STRICT;

CREATE TABLE sessions (
  id_hash      TEXT PRIMARY KEY,
  account_id   INTEGER NOT NULL REFERENCES accounts(id),
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_by_account ON sessions(account_id);

CREATE TABLE displays (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  visibility   TEXT NOT NULL,
  language     TEXT NOT NULL,
  advisor_ids  TEXT NOT NULL,
  key_hash     TEXT NOT NULL UNIQUE,
  revoked      INTEGER NOT NULL,
  version      INTEGER NOT NULL,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT
) STRICT;

CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  role         TEXT NOT NULL,
  advisor_id   INTEGER REFERENCES advisors(id),
  token_hash   TEXT NOT NULL UNIQUE,
  revoked      INTEGER NOT NULL,
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  last_used_at TEXT
) STRICT;
`;

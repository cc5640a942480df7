/**
 * The manager's console: when each account last signed in (bookkeeping, like a session's last use:
 * written on sign-in, never audited), and the retention policy for the audit log, one row.
 */
export const sql = `
ALTER TABLE accounts ADD COLUMN last_sign_in_at TEXT;

CREATE TABLE retention (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  audit_days INTEGER NOT NULL,
  version    INTEGER NOT NULL
) STRICT;
INSERT INTO retention (id, audit_days, version) VALUES (1, 400, 1);

CREATE INDEX audit_by_actor ON audit_log(actor);
`;

/**
 * Letters and texts (issue 14, point 4). The manager's letter settings (templates, hotline, the
 * SMS gateway's hook) are one row; each batch of letters or texts and each message in it is kept as
 * it went out, with the list entry it was for. A text's hook state lives on its row, so a message
 * the gateway did not take is still there after a restart and is sent again, never lost.
 */
export const sql = `
CREATE TABLE letter_settings (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  settings   TEXT NOT NULL,
  version    INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;

CREATE TABLE contact_batches (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL,
  language        TEXT NOT NULL,
  at              TEXT NOT NULL,
  by              TEXT NOT NULL,
  follow_up_date  TEXT NOT NULL
) STRICT;

CREATE TABLE contact_sends (
  id            INTEGER PRIMARY KEY,
  batch_id      INTEGER NOT NULL REFERENCES contact_batches(id),
  entry_id      INTEGER NOT NULL REFERENCES call_entries(id),
  kind          TEXT NOT NULL,
  language      TEXT NOT NULL,
  phone         TEXT NOT NULL,
  plate         TEXT NOT NULL,
  message       TEXT NOT NULL,
  hook_state    TEXT NOT NULL,
  hook_attempts INTEGER NOT NULL,
  hook_error    TEXT NOT NULL,
  -- epoch ms; the hook sends a pending text once the server's clock has passed it
  hook_due_at   INTEGER,
  at            TEXT NOT NULL
) STRICT;
CREATE INDEX contact_sends_by_batch ON contact_sends(batch_id);
CREATE INDEX contact_sends_by_entry ON contact_sends(entry_id, kind);
CREATE INDEX contact_sends_pending ON contact_sends(hook_due_at) WHERE hook_state = 'pending';
`;

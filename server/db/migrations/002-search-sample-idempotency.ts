/**
 * Second step: a plate search key (so "a12345" finds 京A·12345), a mark on the sample board's rows
 * so one command can remove them, and the table that makes a retried command apply once.
 */
export const sql = `
ALTER TABLE appointments ADD COLUMN plate_key TEXT NOT NULL DEFAULT '';
UPDATE appointments SET plate_key = upper(replace(replace(plate, '·', ''), ' ', ''));
CREATE INDEX appointments_by_plate ON appointments(plate_key);

ALTER TABLE appointments ADD COLUMN is_sample INTEGER NOT NULL DEFAULT 0;
ALTER TABLE advisors ADD COLUMN is_sample INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bays ADD COLUMN is_sample INTEGER NOT NULL DEFAULT 0;

CREATE TABLE idempotency (
  request_id TEXT PRIMARY KEY,
  actor_id   TEXT NOT NULL,
  response   TEXT NOT NULL,
  at         TEXT NOT NULL
) STRICT;
`;

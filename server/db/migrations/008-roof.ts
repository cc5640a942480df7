/**
 * The roof sign (issue 13 point 7): every card gets a queue number unique for its day, one series
 * for appointments and one for walk-ins. The numbers are handed out from a counter per day and
 * series that only goes up, so a number once given (and maybe printed) is never given again that
 * day, even after its card was cancelled or moved to another day. Cards that exist already are
 * numbered in time order, and each day's counter starts after the highest number it holds.
 */
export const sql = `
ALTER TABLE appointments ADD COLUMN queue_number INTEGER;

CREATE TABLE queue_numbers (
  date    TEXT NOT NULL,
  walk_in INTEGER NOT NULL,
  last    INTEGER NOT NULL,
  PRIMARY KEY (date, walk_in)
) STRICT;

UPDATE appointments SET queue_number = numbered.n
  FROM (SELECT id, row_number() OVER (PARTITION BY date, walk_in ORDER BY start_time, id) AS n FROM appointments) AS numbered
  WHERE appointments.id = numbered.id;

INSERT INTO queue_numbers (date, walk_in, last)
  SELECT date, walk_in, max(queue_number) FROM appointments GROUP BY date, walk_in;

CREATE UNIQUE INDEX appointments_queue_number ON appointments(date, walk_in, queue_number);
`;

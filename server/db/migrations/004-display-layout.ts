/**
 * A paired TV's layout (advisor rows × hours, the flight-board list, or whichever suits the day) and
 * its now-window (hours before and after the present), chosen by the manager in the displays panel.
 */
export const sql = `
ALTER TABLE displays ADD COLUMN layout TEXT NOT NULL DEFAULT 'auto';
ALTER TABLE displays ADD COLUMN window_before REAL NOT NULL DEFAULT 1;
ALTER TABLE displays ADD COLUMN window_after REAL NOT NULL DEFAULT 3;
`;

/**
 * The manager's console: when each account last signed in, for the people list. Bookkeeping, like
 * a session's last use: written on sign-in, never audited.
 */
export const sql = `
ALTER TABLE accounts ADD COLUMN last_sign_in_at TEXT;
`;

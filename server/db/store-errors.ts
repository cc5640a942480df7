/** Node's socket errors when the database server is not there or went away. */
const NETWORK = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND"]);
/** PostgreSQL's own word that it is shutting down or starting: admin_shutdown, crash_shutdown, cannot_connect_now. */
const SHUTTING_DOWN = new Set(["57P01", "57P02", "57P03"]);

/**
 * Whether `err` says the database cannot be reached (a PostgreSQL server down, restarting, or cut
 * off), rather than that the work itself was wrong: the sender is told to try again in a moment,
 * not that the server failed. SQLite, in the process itself, never answers so.
 */
export function databaseUnreachable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && (NETWORK.has(code) || SHUTTING_DOWN.has(code) || code.startsWith("08"))) return true;
  // node-postgres ends a connection the server closed with these, without a code
  return /^Connection terminated|^timeout exceeded when trying to connect/.test(err.message);
}

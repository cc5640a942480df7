import { createHash } from "node:crypto";
import type { Db } from "../../server/db/open-database.js";
import type { Sql } from "../../server/db/sql.js";

/**
 * Everything a refused or malformed request must leave alone: every row of the board, the audit
 * and change logs, accounts, displays and tokens. Sessions and last-seen stamps are bookkeeping of
 * who is connected, so they are left out.
 */
const QUERIES = [
  "SELECT * FROM settings",
  "SELECT * FROM advisors ORDER BY id",
  "SELECT * FROM bays ORDER BY id",
  "SELECT * FROM appointments ORDER BY id",
  "SELECT * FROM audit_log ORDER BY id",
  "SELECT * FROM change_log ORDER BY revision",
  "SELECT * FROM idempotency ORDER BY request_id",
  "SELECT * FROM accounts ORDER BY id",
  "SELECT id, name, visibility, language, advisor_ids, key_hash, revoked, version FROM displays ORDER BY id",
  "SELECT id, name, role, advisor_id, token_hash, revoked FROM api_tokens ORDER BY id",
  "SELECT * FROM customers ORDER BY id",
  "SELECT * FROM vehicles ORDER BY id",
  "SELECT * FROM appointment_links ORDER BY appointment_id",
  "SELECT * FROM call_entries ORDER BY id",
  "SELECT * FROM call_generations ORDER BY list, period",
  "SELECT * FROM call_rules",
  "SELECT * FROM letter_settings",
  "SELECT * FROM contact_batches ORDER BY id",
  // the hook's progress (hook_state, attempts, error, due) is the gateway's answer, written after the request that queued it
  "SELECT id, batch_id, entry_id, kind, language, phone, plate, message, at FROM contact_sends ORDER BY id",
];

export function dbFingerprint(db: Db): string {
  const hash = createHash("sha256");
  for (const q of QUERIES) hash.update(q).update(JSON.stringify(db.prepare(q).all()));
  return hash.digest("hex");
}

/** The same fingerprint on either engine, through the SQL executor (a PostgreSQL site's pool, or SQLite). */
export async function sqlFingerprint(sql: Sql): Promise<string> {
  const hash = createHash("sha256");
  for (const q of QUERIES) hash.update(q).update(JSON.stringify(await sql.prepare(q).all()));
  return hash.digest("hex");
}

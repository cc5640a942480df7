import Database from "better-sqlite3";
import { isDeepStrictEqual } from "node:util";
import { AppointmentRepo } from "../../server/db/appointment-repo.js";
import { AuditRepo } from "../../server/db/audit-repo.js";
import { ChangeLogRepo } from "../../server/db/change-log-repo.js";
import { sqliteSql, type Sql } from "../../server/db/sql.js";
import type { Appointment } from "../../shared/schemas/appointment.js";

/**
 * What must hold of a magboard database after anything (a crash, a storm of edits): SQLite's own
 * integrity check, each card's audit history being a gap-free chain that ends in the row as stored,
 * and the revision counter matching the change log. Returns every violation, empty when all hold.
 */
export async function databaseViolations(file: string): Promise<string[]> {
  const db = new Database(file, { fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    return [...(integrity === "ok" ? [] : [`integrity_check: ${String(integrity)}`]), ...(await storedViolations(sqliteSql(db)))];
  } finally {
    db.close();
  }
}

/** The same checks but SQLite's own, on either engine (a test server's `sql`). */
export async function storedViolations(sql: Sql): Promise<string[]> {
  const problems: string[] = [];
  const cards = new AppointmentRepo(sql);
  const audit = new AuditRepo(sql);
  const ids = await sql.prepare<{ id: number }>("SELECT id FROM appointments ORDER BY id").all();
  for (const { id } of ids) {
    const row = (await cards.get(id))!;
    const history = await audit.forEntity("appointment", id);
    if (history.length !== row.version) problems.push(`card ${id}: version ${row.version} but ${history.length} audit entries`);
    history.forEach((e, i) => {
      const after = e.after as Appointment;
      if (after.version !== i + 1) problems.push(`card ${id}: audit entry ${i + 1} has version ${after.version}`);
      const before = i === 0 ? null : history[i - 1]!.after;
      if (!isDeepStrictEqual(e.before, before)) problems.push(`card ${id}: audit entry ${i + 1} does not start where entry ${i} ended`);
    });
    const last = history.at(-1)?.after;
    if (!isDeepStrictEqual(last, row)) problems.push(`card ${id}: the row differs from its last audit entry`);
  }
  const revision = await new ChangeLogRepo(sql).revision();
  const log = (await sql.prepare<{ revision: number }>("SELECT revision FROM change_log ORDER BY revision").all()).map((r) => r.revision);
  if (log.length > 0 && log.at(-1) !== revision) problems.push(`revision ${revision} but the change log ends at ${log.at(-1)}`);
  log.forEach((r, i) => {
    if (i > 0 && r !== log[i - 1]! + 1) problems.push(`change log jumps from ${log[i - 1]} to ${r}`);
  });
  const auditMax = (await sql.prepare<{ r: number | null }>("SELECT max(revision) AS r FROM audit_log").get())?.r ?? 0;
  if (auditMax > revision) problems.push(`audit reaches revision ${auditMax} beyond the board's ${revision}`);
  return problems;
}

/** The cards of one date as the database holds them, read through the server's own mapping. */
export async function cardsInDatabase(file: string, date: string): Promise<Appointment[]> {
  const db = new Database(file, { fileMustExist: true });
  try {
    return new AppointmentRepo(sqliteSql(db)).forDate(date);
  } finally {
    db.close();
  }
}

/** The audit entries of one card, oldest first. */
export async function auditOf(file: string, id: number) {
  const db = new Database(file, { fileMustExist: true });
  try {
    return new AuditRepo(sqliteSql(db)).forEntity("appointment", id);
  } finally {
    db.close();
  }
}

import type { Retention } from "../../shared/schemas/retention.js";
import type { Sql } from "./sql.js";

/** One audit or change-log row as it is stored, for moving to the archive unchanged. */
export type StoredRow = Record<string, string | number | null>;

/**
 * The retention policy, and the only statements that take rows out of the audit log and the change
 * log: the archiving job's, after it has written them to the archive files (server/ops/archiving.ts).
 * The audit log is otherwise append-only.
 */
export class RetentionRepo {
  private readonly getStmt;
  private readonly setStmt;
  private readonly oldAudit;
  private readonly dropAudit;
  private readonly oldChanges;
  private readonly dropChanges;
  private readonly countStmt;

  constructor(sql: Sql) {
    this.getStmt = sql.prepare<{ audit_days: number; version: number }>("SELECT audit_days, version FROM retention WHERE id = 1");
    this.setStmt = sql.prepare("UPDATE retention SET audit_days = ?, version = ? WHERE id = 1");
    // ids grow with time, so the oldest rows are the first by id and the scan stops at the cut
    this.oldAudit = sql.prepare<StoredRow>("SELECT * FROM audit_log WHERE at < ? ORDER BY id LIMIT ?");
    this.dropAudit = sql.prepare("DELETE FROM audit_log WHERE id <= ? AND at < ?");
    this.oldChanges = sql.prepare<StoredRow>("SELECT * FROM change_log WHERE revision <= ? ORDER BY revision LIMIT ?");
    this.dropChanges = sql.prepare("DELETE FROM change_log WHERE revision <= ?");
    this.countStmt = sql.prepare<{ audit: number; changes: number }>("SELECT (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM change_log) AS changes");
  }

  async get(): Promise<Retention> {
    const r = await this.getStmt.get();
    return r ? { auditDays: r.audit_days, version: r.version } : { auditDays: 400, version: 0 };
  }

  async set(r: Retention): Promise<void> {
    await this.setStmt.run([r.auditDays, r.version]);
  }

  /** The oldest audit rows made before `beforeIso`, at most `limit`, oldest first. */
  async auditBefore(beforeIso: string, limit: number): Promise<StoredRow[]> {
    return this.oldAudit.all([beforeIso, limit]);
  }

  async removeAuditThrough(id: number, beforeIso: string): Promise<void> {
    await this.dropAudit.run([id, beforeIso]);
  }

  /** Change-log rows at or below `revision`, at most `limit`, oldest first. */
  async changesThrough(revision: number, limit: number): Promise<StoredRow[]> {
    return this.oldChanges.all([revision, limit]);
  }

  async removeChangesThrough(revision: number): Promise<void> {
    await this.dropChanges.run([revision]);
  }

  /** Rows now in the audit log and the change log. */
  async counts(): Promise<{ audit: number; changes: number }> {
    return (await this.countStmt.get())!;
  }
}

import type { Db } from "./open-database.js";

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string;
  actor: string;
  action: string;
  entity: "appointment" | "advisor" | "bay" | "settings" | "account" | "display" | "token" | "customer" | "vehicle" | "call_entry" | "call_rules";
  entityId: number | null;
  date: string | null;
  before: unknown;
  after: unknown;
  revision: number;
}

interface AuditRow {
  id: number;
  at: string;
  actor_id: string;
  actor: string;
  action: string;
  entity: AuditEntry["entity"];
  entity_id: number | null;
  date: string | null;
  before: string | null;
  after: string | null;
  revision: number;
}

const fromRow = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  actorId: r.actor_id,
  actor: r.actor,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  date: r.date,
  before: r.before === null ? null : JSON.parse(r.before),
  after: r.after === null ? null : JSON.parse(r.after),
  revision: r.revision,
});

/** Append-only: there is no update or delete statement here on purpose. */
export class AuditRepo {
  private readonly insertStmt;
  private readonly byDate;
  private readonly byEntity;
  private readonly accessStmt;
  private readonly byId;
  private readonly latestStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO audit_log (at, actor_id, actor, action, entity, entity_id, date, before, after, revision)
       VALUES (@at, @actor_id, @actor, @action, @entity, @entity_id, @date, @before, @after, @revision)`,
    );
    this.byDate = db.prepare<[string], AuditRow>("SELECT * FROM audit_log WHERE date = ? ORDER BY id");
    this.byEntity = db.prepare<[string, number], AuditRow>("SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id");
    this.accessStmt = db.prepare<[number], AuditRow>(
      "SELECT * FROM audit_log WHERE entity IN ('account', 'display', 'token') ORDER BY id DESC LIMIT ?",
    );
    this.byId = db.prepare<[number], AuditRow>("SELECT * FROM audit_log WHERE id = ?");
    // site-wide entries (entity_id NULL) are few, and audit_by_entity finds them without reading the whole log
    this.latestStmt = db.prepare<[string], AuditRow>(
      "SELECT * FROM audit_log WHERE entity = 'settings' AND entity_id IS NULL AND action = ? ORDER BY id DESC LIMIT 1",
    );
  }

  append(e: Omit<AuditEntry, "id">): void {
    this.insertStmt.run({
      at: e.at,
      actor_id: e.actorId,
      actor: e.actor,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      date: e.date,
      before: e.before === null ? null : JSON.stringify(e.before),
      after: e.after === null ? null : JSON.stringify(e.after),
      revision: e.revision,
    });
  }

  get(id: number): AuditEntry | undefined {
    const row = this.byId.get(id);
    return row && fromRow(row);
  }

  /** The newest site-wide settings entry of one action, e.g. the last `sample.seed`. */
  latestSiteWide(action: string): AuditEntry | undefined {
    const row = this.latestStmt.get(action);
    return row && fromRow(row);
  }

  forDate(date: string): AuditEntry[] {
    return this.byDate.all(date).map(fromRow);
  }

  /** The latest changes to accounts, displays and tokens, newest first. */
  accessChanges(limit: number): AuditEntry[] {
    return this.accessStmt.all(limit).map(fromRow);
  }

  forEntity(entity: AuditEntry["entity"], id: number): AuditEntry[] {
    return this.byEntity.all(entity, id).map(fromRow);
  }
}

import { containing, endingWith, startingWith, type Query, type Sql } from "./sql.js";

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string;
  actor: string;
  action: string;
  entity: "appointment" | "advisor" | "bay" | "settings" | "account" | "display" | "token" | "customer" | "vehicle" | "call_entry" | "call_rules" | "letter_settings" | "contact_send";
  entityId: number | null;
  date: string | null;
  before: unknown;
  after: unknown;
  revision: number;
}

export interface AuditRow {
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
  /** Only the fields of the before that differ from the after (then `before` is NULL); absent in rows archived before it existed. */
  before_changes?: string | null;
  revision: number;
}

/** What the history viewer asks the log for; every part is optional. */
export interface AuditSearch {
  /** Made at or after this instant (ISO) and before `toIso`. */
  fromIso?: string;
  toIso?: string;
  cardId?: number;
  /** The end of a card's plate search key (plate-repo's plate_key), e.g. "A12345" or "12345". */
  plateKey?: string;
  /** Part of the actor's name. */
  person?: string;
  /** The action, or every action under it: "appointment.move", or "account" for account.*. */
  kind?: string;
  /** Exactly these actions. */
  actions?: string[];
  limit: number;
}

type Fields = Record<string, unknown>;
const isRecord = (v: unknown): v is Fields => typeof v === "object" && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => a === b || (typeof a === "object" && typeof b === "object" && JSON.stringify(a) === JSON.stringify(b));

/**
 * How an entry's before is stored: when before and after are records with the same fields, only the
 * fields that differ (a move is its time, version and stamp, not the whole card again); otherwise whole.
 */
export function storedBefore(before: unknown, after: unknown): { before: string | null; changes: string | null } {
  if (before === null) return { before: null, changes: null };
  if (isRecord(before) && isRecord(after)) {
    const keys = Object.keys(before);
    // a field left undefined would vanish from the JSON and read back as the after's
    if (keys.length === Object.keys(after).length && keys.every((k) => k in after && before[k] !== undefined)) {
      const changes: Fields = {};
      for (const k of keys) if (!same(before[k], after[k])) changes[k] = before[k];
      return { before: null, changes: JSON.stringify(changes) };
    }
  }
  return { before: JSON.stringify(before), changes: null };
}

export const auditFromRow = (r: AuditRow): AuditEntry => {
  const after: unknown = r.after === null ? null : JSON.parse(r.after);
  const changes = r.before_changes ?? null;
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    date: r.date,
    before: changes !== null ? { ...(after as Fields), ...(JSON.parse(changes) as Fields) } : r.before === null ? null : JSON.parse(r.before),
    after,
    revision: r.revision,
  };
};

/** Append-only: there is no update or delete statement here on purpose. */
export class AuditRepo {
  private readonly insertStmt;
  private readonly byDate;
  private readonly byEntity;
  private readonly accessStmt;
  private readonly byId;
  private readonly latestStmt;
  private readonly searches = new Map<string, Query<AuditRow>>();

  constructor(private readonly sql: Sql) {
    this.insertStmt = sql.prepare(
      `INSERT INTO audit_log (at, actor_id, actor, action, entity, entity_id, date, before, before_changes, after, revision)
       VALUES (@at, @actor_id, @actor, @action, @entity, @entity_id, @date, @before, @before_changes, @after, @revision)`,
    );
    this.byDate = sql.prepare<AuditRow>("SELECT * FROM audit_log WHERE date = ? ORDER BY id");
    this.byEntity = sql.prepare<AuditRow>("SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id");
    this.accessStmt = sql.prepare<AuditRow>(
      "SELECT * FROM audit_log WHERE entity IN ('account', 'display', 'token') ORDER BY id DESC LIMIT ?",
    );
    this.byId = sql.prepare<AuditRow>("SELECT * FROM audit_log WHERE id = ?");
    // site-wide entries (entity_id NULL) are few, and audit_by_entity finds them without reading the whole log
    this.latestStmt = sql.prepare<AuditRow>(
      "SELECT * FROM audit_log WHERE entity = 'settings' AND entity_id IS NULL AND action = ? ORDER BY id DESC LIMIT 1",
    );
  }

  async append(e: Omit<AuditEntry, "id">): Promise<void> {
    const stored = storedBefore(e.before, e.after);
    await this.insertStmt.run({
      at: e.at,
      actor_id: e.actorId,
      actor: e.actor,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      date: e.date,
      before: stored.before,
      before_changes: stored.changes,
      after: e.after === null ? null : JSON.stringify(e.after),
      revision: e.revision,
    });
  }

  async get(id: number): Promise<AuditEntry | undefined> {
    const row = await this.byId.get([id]);
    return row && auditFromRow(row);
  }

  /** The newest site-wide settings entry of one action, e.g. the last `sample.seed`. */
  async latestSiteWide(action: string): Promise<AuditEntry | undefined> {
    const row = await this.latestStmt.get([action]);
    return row && auditFromRow(row);
  }

  async forDate(date: string): Promise<AuditEntry[]> {
    return (await this.byDate.all([date])).map(auditFromRow);
  }

  /** The latest changes to accounts, displays and tokens, newest first. */
  async accessChanges(limit: number): Promise<AuditEntry[]> {
    return (await this.accessStmt.all([limit])).map(auditFromRow);
  }

  /** The newest entries matching every filter given, newest first. */
  async search(f: AuditSearch): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const add = (clause: string, ...values: (string | number)[]) => {
      where.push(clause);
      params.push(...values);
    };
    if (f.fromIso !== undefined) add("at >= ?", f.fromIso);
    if (f.toIso !== undefined) add("at < ?", f.toIso);
    if (f.cardId !== undefined) add("entity = 'appointment' AND entity_id = ?", f.cardId);
    if (f.plateKey !== undefined) add("entity = 'appointment' AND entity_id IN (SELECT id FROM appointments WHERE plate_key LIKE ? ESCAPE '\\')", endingWith(f.plateKey));
    if (f.person !== undefined) add("lower(actor) LIKE lower(?) ESCAPE '\\'", containing(f.person));
    if (f.kind !== undefined) add("(action = ? OR action LIKE ? ESCAPE '\\')", f.kind, startingWith(`${f.kind}.`));
    if (f.actions !== undefined) add(`action IN (${f.actions.map(() => "?").join(", ")})`, ...f.actions);
    const text = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT ?`;
    // a handful of shapes, each prepared once
    let stmt = this.searches.get(text);
    if (!stmt) {
      stmt = this.sql.prepare<AuditRow>(text);
      this.searches.set(text, stmt);
    }
    return (await stmt.all([...params, f.limit])).map(auditFromRow);
  }

  async forEntity(entity: AuditEntry["entity"], id: number): Promise<AuditEntry[]> {
    return (await this.byEntity.all([entity, id])).map(auditFromRow);
  }
}

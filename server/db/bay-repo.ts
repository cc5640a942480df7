import type { Sql } from "./sql.js";
import type { Bay } from "../../shared/schemas/bay.js";

interface BayRow {
  id: number;
  name: string;
  kind: Bay["kind"];
  active: number;
  version: number;
}

const fromRow = (r: BayRow): Bay => ({ id: r.id, name: r.name, kind: r.kind, active: r.active === 1, version: r.version });

export class BayRepo {
  private readonly allStmt;
  private readonly byId;
  private readonly insertStmt;
  private readonly updateStmt;

  constructor(sql: Sql) {
    this.allStmt = sql.prepare<BayRow>("SELECT * FROM bays ORDER BY id");
    this.byId = sql.prepare<BayRow>("SELECT * FROM bays WHERE id = ?");
    this.insertStmt = sql.prepare<{ id: number }>(
      `INSERT INTO bays (name, kind, active, version, created_at, updated_at, is_sample)
       VALUES (@name, @kind, @active, @version, @now, @now, @is_sample) RETURNING id`,
    );
    this.updateStmt = sql.prepare(
      "UPDATE bays SET name = @name, kind = @kind, active = @active, version = @version, updated_at = @now WHERE id = @id",
    );
  }

  async all(): Promise<Bay[]> {
    return (await this.allStmt.all()).map(fromRow);
  }

  async get(id: number): Promise<Bay | undefined> {
    const r = await this.byId.get([id]);
    return r && fromRow(r);
  }

  async insert(b: Omit<Bay, "id">, now: string, isSample = false): Promise<Bay> {
    const row = await this.insertStmt.get({ name: b.name, kind: b.kind, active: Number(b.active), version: b.version, now, is_sample: Number(isSample) });
    return { ...b, id: row!.id };
  }

  async update(b: Bay, now: string): Promise<void> {
    await this.updateStmt.run({ id: b.id, name: b.name, kind: b.kind, active: Number(b.active), version: b.version, now });
  }
}

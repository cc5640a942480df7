import type { Sql } from "./sql.js";
import type { Advisor } from "../../shared/schemas/advisor.js";

interface AdvisorRow {
  id: number;
  name: string;
  color: string;
  display_order: number;
  active: number;
  days_on_duty: string;
  job_categories: string;
  version: number;
}

const fromRow = (r: AdvisorRow): Advisor => ({
  id: r.id,
  name: r.name,
  color: r.color,
  displayOrder: r.display_order,
  active: r.active === 1,
  daysOnDuty: [...r.days_on_duty].map(Number),
  jobCategories: JSON.parse(r.job_categories) as string[],
  version: r.version,
});

const toParams = (a: Advisor, now: string) => ({
  id: a.id,
  name: a.name,
  color: a.color,
  display_order: a.displayOrder,
  active: Number(a.active),
  days_on_duty: a.daysOnDuty.join(""),
  job_categories: JSON.stringify(a.jobCategories),
  version: a.version,
  now,
});

export class AdvisorRepo {
  private readonly allStmt;
  private readonly byId;
  private readonly insertStmt;
  private readonly updateStmt;

  constructor(sql: Sql) {
    this.allStmt = sql.prepare<AdvisorRow>("SELECT * FROM advisors ORDER BY display_order, id");
    this.byId = sql.prepare<AdvisorRow>("SELECT * FROM advisors WHERE id = ?");
    this.insertStmt = sql.prepare<{ id: number }>(
      `INSERT INTO advisors (name, color, display_order, active, days_on_duty, job_categories, version, created_at, updated_at, is_sample)
       VALUES (@name, @color, @display_order, @active, @days_on_duty, @job_categories, @version, @now, @now, @is_sample) RETURNING id`,
    );
    this.updateStmt = sql.prepare(
      `UPDATE advisors SET name = @name, color = @color, display_order = @display_order, active = @active,
       days_on_duty = @days_on_duty, job_categories = @job_categories, version = @version, updated_at = @now WHERE id = @id`,
    );
  }

  async all(): Promise<Advisor[]> {
    return (await this.allStmt.all()).map(fromRow);
  }

  async get(id: number): Promise<Advisor | undefined> {
    const r = await this.byId.get([id]);
    return r && fromRow(r);
  }

  async insert(a: Omit<Advisor, "id">, now: string, isSample = false): Promise<Advisor> {
    const { id: _i, ...p } = toParams({ ...a, id: 0 }, now);
    const row = await this.insertStmt.get({ ...p, is_sample: Number(isSample) });
    return { ...a, id: row!.id };
  }

  async update(a: Advisor, now: string): Promise<void> {
    await this.updateStmt.run(toParams(a, now));
  }
}

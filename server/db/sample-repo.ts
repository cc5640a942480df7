import type { Sql } from "./sql.js";

/** Removal of the sample board: rows marked `is_sample` when the first start seeded them. */
export class SampleRepo {
  private readonly countStmt;
  private readonly deleteAppointments;
  private readonly deleteAdvisors;
  private readonly deactivateAdvisors;
  private readonly deleteBays;
  private readonly deactivateBays;

  constructor(sql: Sql) {
    this.countStmt = sql.prepare<{ n: number }>(
      "SELECT (SELECT count(*) FROM appointments WHERE is_sample = 1) + (SELECT count(*) FROM advisors WHERE is_sample = 1) + (SELECT count(*) FROM bays WHERE is_sample = 1) AS n",
    );
    this.deleteAppointments = sql.prepare("DELETE FROM appointments WHERE is_sample = 1");
    // advisors and bays that real bookings already use stay, switched off, so those bookings keep their names
    const used = (col: string) => `id IN (SELECT ${col} FROM appointments WHERE ${col} IS NOT NULL)`;
    this.deleteAdvisors = sql.prepare(`DELETE FROM advisors WHERE is_sample = 1 AND NOT ${used("advisor_id")}`);
    this.deactivateAdvisors = sql.prepare(`UPDATE advisors SET active = 0, is_sample = 0, version = version + 1 WHERE is_sample = 1`);
    this.deleteBays = sql.prepare(`DELETE FROM bays WHERE is_sample = 1 AND NOT ${used("bay_id")}`);
    this.deactivateBays = sql.prepare(`UPDATE bays SET active = 0, is_sample = 0, version = version + 1 WHERE is_sample = 1`);
  }

  async count(): Promise<number> {
    return (await this.countStmt.get())?.n ?? 0;
  }

  async removeAll(): Promise<{ appointments: number; advisors: number; bays: number }> {
    const appointments = (await this.deleteAppointments.run()).changes;
    const advisors = (await this.deleteAdvisors.run()).changes;
    await this.deactivateAdvisors.run();
    const bays = (await this.deleteBays.run()).changes;
    await this.deactivateBays.run();
    return { appointments, advisors, bays };
  }
}

import type { Sql } from "./sql.js";
import type { Settings } from "../../shared/schemas/settings.js";

interface SettingsRow {
  site_name: string;
  time_zone: string;
  open_time: string;
  close_time: string;
  slot_minutes: number;
  late_grace_minutes: number;
  no_show_after_minutes: number;
  advisor_capacity_per_slot: number;
  language: Settings["language"];
  greeting_limit_minutes: number;
  job_categories: string;
  version: number;
}

export interface StoredSettings {
  settings: Settings;
  version: number;
}

const toParams = (s: Settings, version: number, now: string, by: string) => ({
  site_name: s.siteName,
  time_zone: s.timeZone,
  open_time: s.openTime,
  close_time: s.closeTime,
  slot_minutes: s.slotMinutes,
  late_grace_minutes: s.lateGraceMinutes,
  no_show_after_minutes: s.noShowAfterMinutes,
  advisor_capacity_per_slot: s.advisorCapacityPerSlot,
  language: s.language,
  greeting_limit_minutes: s.greetingLimitMinutes,
  job_categories: JSON.stringify(s.jobCategories),
  version,
  now,
  by,
});

export class SettingsRepo {
  private readonly getStmt;
  private readonly upsertStmt;
  /** Read on every command and by the clock; cached because only this repo writes it. */
  private cached: StoredSettings | undefined;

  /** `cache` false: every read asks the database (repositories used outside a transaction while other nodes may write). */
  constructor(
    sql: Sql,
    private readonly cache = true,
  ) {
    this.getStmt = sql.prepare<SettingsRow>("SELECT * FROM settings WHERE id = 1");
    this.upsertStmt = sql.prepare(
      `INSERT INTO settings (id, site_name, time_zone, open_time, close_time, slot_minutes, late_grace_minutes,
         no_show_after_minutes, advisor_capacity_per_slot, language, greeting_limit_minutes, job_categories, version, updated_at, updated_by)
       VALUES (1, @site_name, @time_zone, @open_time, @close_time, @slot_minutes, @late_grace_minutes,
         @no_show_after_minutes, @advisor_capacity_per_slot, @language, @greeting_limit_minutes, @job_categories, @version, @now, @by)
       ON CONFLICT (id) DO UPDATE SET site_name = excluded.site_name, time_zone = excluded.time_zone,
         open_time = excluded.open_time, close_time = excluded.close_time, slot_minutes = excluded.slot_minutes,
         late_grace_minutes = excluded.late_grace_minutes, no_show_after_minutes = excluded.no_show_after_minutes,
         advisor_capacity_per_slot = excluded.advisor_capacity_per_slot, language = excluded.language,
         greeting_limit_minutes = excluded.greeting_limit_minutes, job_categories = excluded.job_categories,
         version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    );
  }

  async get(): Promise<StoredSettings | undefined> {
    if (this.cached) return this.cached;
    const r = await this.getStmt.get();
    if (!r) return undefined;
    const stored: StoredSettings = {
      version: r.version,
      settings: {
        siteName: r.site_name,
        timeZone: r.time_zone,
        openTime: r.open_time,
        closeTime: r.close_time,
        slotMinutes: r.slot_minutes as Settings["slotMinutes"],
        lateGraceMinutes: r.late_grace_minutes,
        noShowAfterMinutes: r.no_show_after_minutes,
        advisorCapacityPerSlot: r.advisor_capacity_per_slot,
        language: r.language,
        greetingLimitMinutes: r.greeting_limit_minutes,
        jobCategories: JSON.parse(r.job_categories) as Settings["jobCategories"],
      },
    };
    if (this.cache) this.cached = stored;
    return stored;
  }

  async require(): Promise<StoredSettings> {
    const s = await this.get();
    if (!s) throw new Error("settings row missing: the database was not initialised");
    return s;
  }

  async save(s: Settings, version: number, now: string, by: string): Promise<void> {
    await this.upsertStmt.run(toParams(s, version, now, by));
    if (this.cache) this.cached = { settings: s, version };
  }

  /** A rolled-back transaction may have left the cache ahead of the file. */
  forget(): void {
    this.cached = undefined;
  }
}

import type { Settings } from "../../shared/schemas/settings.js";
import { DEFAULT_JOB_CATEGORIES } from "../../shared/schemas/job-category.js";
import type { FixtureName } from "../../shared/schemas/sample.js";
import { localParts } from "../../shared/rules/zoned-time.js";
import type { Board } from "../board/board.js";

export interface SiteDefaults {
  timeZone: string;
  /** Seed today's (and tomorrow's) sample board when the database is new: true for the sample, or a named fixture. */
  sample: boolean | FixtureName;
  /** The store's name on its boards; a group's site starts with the name it was registered under. */
  siteName?: string;
}

const SEED_ACTOR = { id: "system:sample", name: "示例数据", role: "system" as const };

/** A new database gets its settings row and, unless asked not to, a live sample day. */
export async function initialiseSite(board: Board, defaults: SiteDefaults): Promise<void> {
  const settings: Settings = {
    siteName: defaults.siteName ?? "magboard 预约管理板",
    timeZone: defaults.timeZone,
    openTime: "08:00",
    closeTime: "20:00",
    slotMinutes: 60,
    lateGraceMinutes: 15,
    noShowAfterMinutes: 60,
    advisorCapacityPerSlot: 1,
    language: "zh-CN",
    greetingLimitMinutes: 3,
    jobCategories: [...DEFAULT_JOB_CATEGORIES],
  };
  const fresh = await board.executeSystem({ type: "site.init", settings }, SEED_ACTOR);
  if (fresh && defaults.sample) {
    const today = localParts(board.now(), defaults.timeZone).date;
    await board.executeSystem({ type: "sample.seed", date: today, fixture: defaults.sample === true ? "sample" : defaults.sample }, SEED_ACTOR);
  }
}

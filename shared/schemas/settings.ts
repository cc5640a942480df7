import * as z from "zod";
import { LanguageSchema, LocalTimeSchema, TimeZoneSchema, requiredText } from "./common.js";
import { minutesOfDay } from "../rules/time-of-day.js";
import { JobCategoryListSchema } from "./job-category.js";

const SettingsShape = z.strictObject({
  siteName: requiredText(100),
  timeZone: TimeZoneSchema,
  openTime: LocalTimeSchema,
  closeTime: LocalTimeSchema,
  slotMinutes: z.union([z.literal(30), z.literal(60)], { error: "must be 30 or 60" }),
  lateGraceMinutes: z.number().int().min(0).max(240),
  noShowAfterMinutes: z.number().int().min(1).max(24 * 60),
  advisorCapacityPerSlot: z.number().int().min(1).max(20),
  language: LanguageSchema,
  /** 迎接: minutes from arrival within which the advisor comes out to greet (the paper process's 3). */
  greetingLimitMinutes: z.number().int().min(1).max(60),
  jobCategories: JobCategoryListSchema,
});

type SettingsLike = Pick<z.infer<typeof SettingsShape>, "openTime" | "closeTime" | "lateGraceMinutes" | "noShowAfterMinutes">;

function checkSettingsOrder(s: SettingsLike, ctx: z.RefinementCtx): void {
  if (minutesOfDay(s.closeTime) <= minutesOfDay(s.openTime)) {
    ctx.addIssue({ code: "custom", path: ["closeTime"], message: "must be later than openTime" });
  }
  if (s.noShowAfterMinutes <= s.lateGraceMinutes) {
    ctx.addIssue({ code: "custom", path: ["noShowAfterMinutes"], message: "must be greater than lateGraceMinutes" });
  }
}

export const SettingsSchema = SettingsShape.superRefine(checkSettingsOrder);
export type Settings = z.infer<typeof SettingsSchema>;

/** A settings change names only the fields it changes; the merged result is checked again. */
export const SettingsPatchSchema = SettingsShape.partial();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export function mergeSettings(current: Settings, patch: SettingsPatch): z.ZodSafeParseResult<Settings> {
  return SettingsSchema.safeParse({ ...current, ...patch });
}

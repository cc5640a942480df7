import { format } from "date-fns";
import { enUS, zhCN } from "date-fns/locale";
import { TZDate } from "@date-fns/tz";
import type { Language } from "../schemas/common.js";

const LOCALES = { "zh-CN": zhCN, en: enUS } as const;

const LONG_DATE: Record<Language, string> = {
  "zh-CN": "yyyy年M月d日 EEEE",
  en: "EEEE, d MMMM yyyy",
};

/** A local date (YYYY-MM-DD) with its weekday, as a header shows it: 2026年11月27日 星期五. */
export function formatLongDate(lang: Language, date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  // a calendar date has no zone; building and formatting it in the same (runtime) zone keeps it that date
  return format(new Date(y, m - 1, d), LONG_DATE[lang], { locale: LOCALES[lang] });
}

/** What a wall clock in `timeZone` reads at `instant`, to the second. */
export function formatClock(instant: number, timeZone: string): string {
  return format(new TZDate(instant, timeZone), "HH:mm:ss");
}

/** Hours and minutes in `timeZone`, for arrival times and the "data as of" banner. */
export function formatTimeOfDay(instant: number, timeZone: string): string {
  return format(new TZDate(instant, timeZone), "HH:mm");
}

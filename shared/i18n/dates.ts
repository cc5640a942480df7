import type { Language } from "../schemas/common.js";

// Intl rather than date-fns' `format`: the wall display's bundle carried 8 KB gzip of date-fns'
// formatters and locales for three fixed patterns that the browser (and Node's ICU) already knows.

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per pattern and zone (a site has one zone, so this stays a handful of entries). */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${options.timeZone ?? ""}|${options.second ? "s" : options.weekday ? "d" : "m"}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formats.set(key, found);
  }
  return found;
}

function parts(f: Intl.DateTimeFormat, instant: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(instant)) out[p.type] = p.value;
  return out;
}

/** A local date (YYYY-MM-DD) with its weekday, as a header shows it: 2026年11月27日 星期五. */
export function formatLongDate(lang: Language, date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  // a calendar date has no zone: built and read in UTC it stays that date wherever the screen is
  const p = parts(formatter(lang, { timeZone: "UTC", year: "numeric", month: lang === "en" ? "long" : "numeric", day: "numeric", weekday: "long" }), Date.UTC(y, m - 1, d));
  return lang === "en" ? `${p.weekday}, ${p.day} ${p.month} ${p.year}` : `${p.year}年${p.month}月${p.day}日 ${p.weekday}`;
}

function timeOfDay(instant: number, timeZone: string, seconds: boolean): string {
  const p = parts(formatter("en-GB", { timeZone, hourCycle: "h23", hour: "2-digit", minute: "2-digit", ...(seconds ? { second: "2-digit" } : {}) }), instant);
  return seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
}

/** What a wall clock in `timeZone` reads at `instant`, to the second. */
export function formatClock(instant: number, timeZone: string): string {
  return timeOfDay(instant, timeZone, true);
}

/** Hours and minutes in `timeZone`, for arrival times and the "data as of" banner. */
export function formatTimeOfDay(instant: number, timeZone: string): string {
  return timeOfDay(instant, timeZone, false);
}

import { TZDate } from "@date-fns/tz";
import { minutesOfDay } from "./time-of-day.js";

/**
 * The instant at which a local date and wall-clock time happen in a zone. A time that does not
 * exist (skipped by a daylight-saving jump) resolves forward, as a clock on the wall would show it.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const key = `${timeZone} ${date} ${time}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
    const mins = minutesOfDay(time);
    ms = new TZDate(y, mo - 1, d, Math.floor(mins / 60), mins % 60, timeZone).getTime();
    // bounded: a page or server that runs for weeks must not grow; a few days of cards fit many times over
    if (instants.size >= MAX_INSTANTS) instants.clear();
    instants.set(key, ms);
  }
  return new Date(ms);
}

/**
 * A TZDate costs about 30 µs and the clock asks for every awaited card's start on every change
 * (900 per change on a 300-card day); the answer for a date, time and zone never changes.
 */
const instants = new Map<string, number>();
const MAX_INSTANTS = 4096;

export interface LocalParts {
  readonly date: string;
  readonly time: string;
  /** 0 = Sunday … 6 = Saturday */
  readonly weekday: number;
  readonly minutesOfDay: number;
}

/** What a wall clock in `timeZone` reads at `instant`. */
export function localParts(instant: Date | number, timeZone: string): LocalParts {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  // the TV asks for the same minute several times in every render (its pager, its past hours, the
  // now line), and a TZDate costs tens of µs, several times that on a slow TV: the last answer is kept
  if (last !== null && last.ms === ms && last.timeZone === timeZone) return last.parts;
  const z = new TZDate(ms, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  const h = z.getHours();
  const m = z.getMinutes();
  const parts: LocalParts = {
    date: `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`,
    time: `${pad(h)}:${pad(m)}`,
    weekday: z.getDay(),
    minutesOfDay: h * 60 + m,
  };
  last = { ms, timeZone, parts };
  return parts;
}

let last: { ms: number; timeZone: string; parts: LocalParts } | null = null;

/** The local date `days` after `date` (calendar arithmetic, independent of any zone). */
export function addDays(date: string, days: number): string {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, mo - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday for a local date. */
export function weekdayOf(date: string): number {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
}

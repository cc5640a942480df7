import { addDays, weekdayOf } from "./zoned-time.js";

/** The spans a report covers: one day, the week (Monday to Sunday) or the calendar month holding a date. */
export const REPORT_PERIODS = ["day", "week", "month"] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export interface DateRange {
  from: string;
  to: string;
}

/** The local dates a period covers around `date` (a local date of the site; weeks start on Monday, as a Chinese calendar does). */
export function periodRange(period: ReportPeriod, date: string): DateRange {
  switch (period) {
    case "day":
      return { from: date, to: date };
    case "week": {
      const from = addDays(date, -((weekdayOf(date) + 6) % 7));
      return { from, to: addDays(from, 6) };
    }
    case "month": {
      const from = `${date.slice(0, 7)}-01`;
      const next = addDays(from, 32).slice(0, 7);
      return { from, to: addDays(`${next}-01`, -1) };
    }
  }
}

/** Every local date from `from` to `to`, both included. */
export function datesOf(range: DateRange): string[] {
  const out: string[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The months (YYYY-MM) a range touches, first and last: what the call-in figures are kept by. */
export function monthsOf(range: DateRange): DateRange {
  return { from: range.from.slice(0, 7), to: range.to.slice(0, 7) };
}

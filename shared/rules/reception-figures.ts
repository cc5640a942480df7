import type { Advisor } from "../schemas/advisor.js";
import type { Appointment } from "../schemas/appointment.js";
import { minutesToGreeting } from "./greeting.js";
import { defuseFormula } from "../csv-formula.js";
import { customerCame } from "./status.js";
import { cameLate } from "./lateness.js";

/** One row of the manager's reception figures: an advisor's, or the total (advisorId null). */
export interface ReceptionFigureRow {
  advisorId: number | null;
  advisorName: string;
  /** Appointments whose customer came (arrived, in service or finished); walk-ins are counted apart. */
  arrivals: number;
  walkIns: number;
  /** Minutes from arrival to 已出迎, over every greeted customer (appointments and walk-ins); null with none. */
  greetingMedianMinutes: number | null;
  greetingP90Minutes: number | null;
  /** Of the customers whose greeting is decided (greeted, or past the limit without), the share greeted within the limit; null with none. */
  greetedWithinLimitShare: number | null;
  /** Appointments that came after the grace (延时到店), and the median minutes late of those. */
  lateArrivals: number;
  lateMedianMinutes: number | null;
  noShows: number;
  /** arrivals / (arrivals + no-shows), appointments only; null when neither happened. */
  showRate: number | null;
}

export interface ReceptionFigures {
  from: string;
  to: string;
  greetingLimitMinutes: number;
  advisors: ReceptionFigureRow[];
  total: ReceptionFigureRow;
}

/** The median: the middle value, or the mean of the two middle ones. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]!;
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

function rowOf(advisorId: number | null, advisorName: string, cards: readonly Appointment[], limit: number): ReceptionFigureRow {
  const booked = cards.filter((a) => !a.walkIn && a.status !== "cancelled");
  const arrivals = booked.filter(customerCame);
  const walkIns = cards.filter((a) => a.walkIn && a.status !== "cancelled");
  const received = [...arrivals, ...walkIns.filter(customerCame)];
  const waits = received.map(minutesToGreeting).filter((m): m is number => m !== null);
  const decided = received.filter((a) => a.greetedAt !== null || a.greetingOverdueAt !== null);
  const within = decided.filter((a) => {
    const m = minutesToGreeting(a);
    return m !== null && m <= limit;
  });
  const late = arrivals.filter(cameLate);
  const noShows = booked.filter((a) => a.status === "no_show").length;
  return {
    advisorId,
    advisorName,
    arrivals: arrivals.length,
    walkIns: walkIns.length,
    greetingMedianMinutes: round1(median(waits)),
    greetingP90Minutes: round1(percentile(waits, 90)),
    greetedWithinLimitShare: decided.length === 0 ? null : within.length / decided.length,
    lateArrivals: late.length,
    lateMedianMinutes: round1(median(late.map((a) => a.arrivedLateMinutes!))),
    noShows,
    showRate: arrivals.length + noShows === 0 ? null : arrivals.length / (arrivals.length + noShows),
  };
}

/**
 * The manager's reception figures for the cards of a range of days: per advisor (every advisor
 * who had a card, in display order) and in total. Computed from the steps as stamped (已到店 and
 * 已出迎 by the pipeline, 延时到店 and 爽约 by the server's clock), never from a screen's guess.
 */
export function receptionFigures(cards: readonly Appointment[], advisors: readonly Advisor[], limit: number, from: string, to: string): ReceptionFigures {
  const withCards = new Set(cards.map((a) => a.advisorId));
  const rows = [...advisors]
    .filter((a) => withCards.has(a.id))
    .sort((a, b) => a.displayOrder - b.displayOrder || a.id - b.id)
    .map((a) => rowOf(a.id, a.name, cards.filter((c) => c.advisorId === a.id), limit));
  return { from, to, greetingLimitMinutes: limit, advisors: rows, total: rowOf(null, "", cards, limit) };
}

const CSV_COLUMNS: (keyof ReceptionFigureRow)[] = [
  "advisorName", "arrivals", "walkIns", "greetingMedianMinutes", "greetingP90Minutes", "greetedWithinLimitShare",
  "lateArrivals", "lateMedianMinutes", "noShows", "showRate",
];

/** The figures as CSV (UTF-8 with BOM for Excel), one row per advisor and a total row; shares as percentages. */
export function receptionFiguresCsv(f: ReceptionFigures, headers: Record<keyof ReceptionFigureRow, string>, totalLabel: string): string {
  const cell = (row: ReceptionFigureRow, k: keyof ReceptionFigureRow): string => {
    const v = k === "advisorName" && row.advisorId === null ? totalLabel : row[k];
    if (v === null) return "";
    if ((k === "greetedWithinLimitShare" || k === "showRate") && typeof v === "number") return `${Math.round(v * 1000) / 10}%`;
    const s = String(v);
    // a name is the only free text; quote it, and defuse a leading formula character
    return k === "advisorName" ? `"${defuseFormula(s).replaceAll('"', '""')}"` : s;
  };
  const lines = [CSV_COLUMNS.map((k) => headers[k]).join(","), ...[...f.advisors, f.total].map((r) => CSV_COLUMNS.map((k) => cell(r, k)).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

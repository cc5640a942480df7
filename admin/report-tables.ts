import type { Language } from "../shared/schemas/common.js";
import type { CallListFigures } from "../shared/schemas/call-lists.js";
import type { FigureTable } from "../shared/csv/figure-table.js";
import type { LoadRow, OutcomeRow, ReportFigures } from "../shared/rules/report-figures.js";
import type { ReceptionFigures } from "../shared/rules/reception-figures.js";
import type { MessageKey } from "../shared/i18n/messages.js";
import { say, type AnyMessageKey } from "../shared/i18n/report-messages.js";

/** The colours a series takes, from the page's design tokens (so dark and light themes both hold). */
export type Tone = "ok" | "bad" | "warn" | "info" | "muted";

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  tone: Tone;
}

/** What one chart draws: a value per category (an advisor, a day, a source) for each series. */
export interface ChartSpec {
  kind: "bars" | "lines";
  categories: string[];
  series: ChartSeries[];
  /** Values are shares (0–1), drawn and labelled as percentages. */
  percent: boolean;
  /** A dashed line across the chart at this value (the greeting limit). */
  limit?: number;
}

/** A share as the tables and CSVs show it: one decimal, "–" when there is no base to share. */
export const percent = (v: number | null): string => (v === null ? "–" : `${(Math.round(v * 1000) / 10).toFixed(1)}%`);
const num = (v: number | null): string | number => (v === null ? "–" : v);

const OUTCOME_KEYS: AnyMessageKey[] = [
  "reports.col.bookings", "reports.col.cancelled", "reports.col.arrived", "reports.col.late", "reports.col.noShows", "reports.col.open",
  "reports.col.showRate", "reports.col.noShowRate", "reports.col.lateRate",
];

const outcomeCells = (r: OutcomeRow) => [r.bookings, r.cancelled, r.arrived, r.late, r.noShows, r.open, percent(r.showRate), percent(r.noShowRate), percent(r.lateRate)];

/** Outcomes by advisor (with the total) or by day. */
export function outcomeTable(l: Language, rows: OutcomeRow[], first: AnyMessageKey, total?: OutcomeRow): FigureTable {
  const body = rows.map((r) => [r.label, ...outcomeCells(r)]);
  if (total) body.push([say(l, "reports.total"), ...outcomeCells(total)]);
  return { head: [say(l, first), ...OUTCOME_KEYS.map((k) => say(l, k))], rows: body };
}

export function outcomeChart(l: Language, rows: OutcomeRow[], kind: ChartSpec["kind"]): ChartSpec {
  return {
    kind,
    percent: true,
    categories: rows.map((r) => (kind === "lines" ? r.label.slice(5) : r.label)),
    series: [
      { label: say(l, "reports.col.showRate"), values: rows.map((r) => r.showRate), tone: "ok" },
      { label: say(l, "reports.col.noShowRate"), values: rows.map((r) => r.noShowRate), tone: "bad" },
      { label: say(l, "reports.col.lateRate"), values: rows.map((r) => r.lateRate), tone: "warn" },
    ],
  };
}

/** Bookings by source or by initiator: count and share. */
export function countTable(l: Language, f: ReportFigures, by: "sources" | "initiators"): { table: FigureTable; chart: ChartSpec } {
  const rows = f[by];
  const name = (key: string) => say(l, (by === "sources" ? `admin.source.${key}` : `admin.initiatedBy.${key}`) as MessageKey);
  return {
    table: {
      head: [say(l, by === "sources" ? "reports.col.source" : "reports.col.initiator"), say(l, "reports.col.bookings"), say(l, "reports.col.share")],
      rows: rows.map((r) => [name(r.key), r.bookings, percent(r.share)]),
    },
    chart: { kind: "bars", percent: false, categories: rows.map((r) => name(r.key)), series: [{ label: say(l, "reports.col.bookings"), values: rows.map((r) => r.bookings), tone: "info" }] },
  };
}

/** The day-before confirmation rate by day and in total. */
export function confirmationTable(l: Language, f: ReportFigures): { table: FigureTable; chart: ChartSpec } {
  const { days, total } = f.confirmation;
  const rows = days.map((d) => [d.key, d.bookings, d.confirmedDayBefore, percent(d.rate)]);
  rows.push([say(l, "reports.total"), total.bookings, total.confirmedDayBefore, percent(total.rate)]);
  const single = days.length === 1;
  return {
    table: { head: [say(l, "reports.col.date"), say(l, "reports.col.bookings"), say(l, "reports.col.confirmed"), say(l, "reports.col.rate")], rows },
    chart: {
      kind: single ? "bars" : "lines",
      percent: true,
      categories: days.map((d) => d.key.slice(5)),
      series: [{ label: say(l, "reports.col.rate"), values: days.map((d) => d.rate), tone: "info" }],
    },
  };
}

/** A heat map's grid as a table: a row per advisor or bay, a column per hour, and the row's cards in total. */
export function loadTable(l: Language, hours: string[], rows: LoadRow[], first: AnyMessageKey): FigureTable {
  return {
    head: [say(l, first), ...hours, say(l, "reports.col.hourTotal")],
    rows: rows.map((r) => [r.name, ...r.cells, r.total]),
  };
}

/** The reception figures (issue 13): per advisor and in total, with the greeting times drawn against the limit. */
export function receptionTable(l: Language, f: ReceptionFigures): { table: FigureTable; chart: ChartSpec } {
  const rows = [...f.advisors, f.total];
  const name = (r: (typeof rows)[number]) => (r.advisorId === null ? say(l, "figures.total") : r.advisorName);
  return {
    table: {
      head: [
        say(l, "reports.col.advisor"), say(l, "figures.arrivals"), say(l, "figures.walkIns"), say(l, "figures.greetingMedian"), say(l, "figures.greetingP90"),
        say(l, "figures.greetedWithin"), say(l, "figures.lateArrivals"), say(l, "figures.lateMedian"), say(l, "figures.noShows"), say(l, "figures.showRate"),
      ],
      rows: rows.map((r) => [
        name(r), r.arrivals, r.walkIns, num(r.greetingMedianMinutes), num(r.greetingP90Minutes), percent(r.greetedWithinLimitShare),
        r.lateArrivals, num(r.lateMedianMinutes), r.noShows, percent(r.showRate),
      ]),
    },
    chart: {
      kind: "bars",
      percent: false,
      limit: f.greetingLimitMinutes,
      categories: rows.map(name),
      series: [
        { label: say(l, "figures.greetingMedian"), values: rows.map((r) => r.greetingMedianMinutes), tone: "info" },
        { label: say(l, "figures.greetingP90"), values: rows.map((r) => r.greetingP90Minutes), tone: "warn" },
      ],
    },
  };
}

const CALL_COLUMNS = ["size", "contacted", "booked", "declined", "unreachable", "showedUp"] as const;

/** The call-in figures (issue 14) per list and month, and the lists' totals over the months drawn. */
export function callInTable(l: Language, figures: CallListFigures[]): { table: FigureTable; chart: ChartSpec } {
  const listName = (list: string) => say(l, `callin.list.${list}` as MessageKey);
  const lists = [...new Set(figures.map((f) => f.list))];
  const sum = (list: string, k: (typeof CALL_COLUMNS)[number]) => figures.filter((f) => f.list === list).reduce((s, f) => s + f[k], 0);
  const tones: Record<string, Tone> = { size: "muted", contacted: "info", booked: "ok", showedUp: "warn" };
  return {
    table: {
      head: [say(l, "reports.col.list"), say(l, "reports.col.month"), ...CALL_COLUMNS.map((k) => say(l, `reports.col.${k}`))],
      rows: figures.map((f) => [listName(f.list), f.month, ...CALL_COLUMNS.map((k) => f[k])]),
    },
    chart: {
      kind: "bars",
      percent: false,
      categories: lists.map(listName),
      series: (["size", "contacted", "booked", "showedUp"] as const).map((k) => ({ label: say(l, `reports.col.${k}`), values: lists.map((list) => sum(list, k)), tone: tones[k]! })),
    },
  };
}

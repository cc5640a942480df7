import type { Advisor } from "../schemas/advisor.js";
import { APPOINTMENT_SOURCES, type Appointment } from "../schemas/appointment.js";
import type { Bay } from "../schemas/bay.js";
import type { Settings } from "../schemas/settings.js";
import { countsAgainstCapacity, customerCame } from "./status.js";
import { cameLate, isAwaited } from "./lateness.js";
import { confirmedDayBefore } from "./confirmation.js";
import { datesOf, type DateRange } from "./report-period.js";
import { formatMinutesOfDay, minutesOfDay } from "./time-of-day.js";

/**
 * What became of the bookings of an advisor, a day or the whole range. A booking is a card that
 * was not a walk-in (散客) and not cancelled. The rates share one base, the bookings whose outcome
 * is known (came or no-show): show + no-show = 100 %, and the late rate is the part of that base
 * that came after the grace. Cards still expected are counted as open and left out of every rate.
 */
export interface OutcomeRow {
  /** The advisor's id, the date, or "total". */
  key: string;
  /** The advisor's name or the date; "" for the total. */
  label: string;
  bookings: number;
  cancelled: number;
  arrived: number;
  late: number;
  noShows: number;
  open: number;
  showRate: number | null;
  noShowRate: number | null;
  lateRate: number | null;
}

/** Bookings (as above) of one source or one initiator, and their share of all bookings. */
export interface CountRow {
  key: string;
  bookings: number;
  share: number | null;
}

/** The day-before confirmation (预约确认) of the bookings of a day or the range: confirmed before their day began. */
export interface ConfirmationRow {
  /** The date, or "total". */
  key: string;
  bookings: number;
  confirmedDayBefore: number;
  rate: number | null;
}

/** One row of the load heat map: the cards on the board in each hour, summed over the range's days. */
export interface LoadRow {
  id: number;
  name: string;
  cells: number[];
  total: number;
}

export interface ReportFigures {
  from: string;
  to: string;
  /** Calendar days in the range, and of those the days that had any card. */
  days: number;
  daysWithCards: number;
  outcomes: { total: OutcomeRow; advisors: OutcomeRow[]; days: OutcomeRow[] };
  sources: CountRow[];
  initiators: CountRow[];
  confirmation: { total: ConfirmationRow; days: ConfirmationRow[] };
  /** Hours are the opening hours (widened to any card outside them), each "HH:00" starting its column. */
  load: { hours: string[]; advisors: LoadRow[]; bays: LoadRow[] };
}

const isBooking = (a: Appointment) => !a.walkIn && a.status !== "cancelled";
const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function outcomeOf(key: string, label: string, cards: readonly Appointment[]): OutcomeRow {
  const bookings = cards.filter(isBooking);
  const arrived = bookings.filter(customerCame).length;
  const late = bookings.filter(cameLate).length;
  const noShows = bookings.filter((a) => a.status === "no_show").length;
  const decided = arrived + noShows;
  return {
    key,
    label,
    bookings: bookings.length,
    cancelled: cards.filter((a) => !a.walkIn && a.status === "cancelled").length,
    arrived,
    late,
    noShows,
    open: bookings.filter((a) => isAwaited(a.status)).length,
    showRate: share(arrived, decided),
    noShowRate: share(noShows, decided),
    lateRate: share(late, decided),
  };
}

function confirmationOf(key: string, cards: readonly Appointment[], timeZone: string): ConfirmationRow {
  const bookings = cards.filter(isBooking);
  const confirmed = bookings.filter((a) => confirmedDayBefore(a, timeZone)).length;
  return { key, bookings: bookings.length, confirmedDayBefore: confirmed, rate: share(confirmed, bookings.length) };
}

function countsBy<K extends string>(keys: readonly K[], cards: readonly Appointment[], of: (a: Appointment) => K): CountRow[] {
  const bookings = cards.filter(isBooking);
  return keys.map((key) => {
    const n = bookings.filter((a) => of(a) === key).length;
    return { key, bookings: n, share: share(n, bookings.length) };
  });
}

function groupBy<K>(cards: readonly Appointment[], of: (a: Appointment) => K): Map<K, Appointment[]> {
  const out = new Map<K, Appointment[]>();
  for (const a of cards) {
    const k = of(a);
    const list = out.get(k);
    if (list) list.push(a);
    else out.set(k, [a]);
  }
  return out;
}

/** The hour columns: the opening hours, widened to any counted card before or after them. */
function hourColumns(cards: readonly Appointment[], settings: Pick<Settings, "openTime" | "closeTime">): number[] {
  let first = Math.floor(minutesOfDay(settings.openTime) / 60);
  let last = Math.ceil(minutesOfDay(settings.closeTime) / 60) - 1;
  for (const a of cards) {
    const start = minutesOfDay(a.startTime);
    first = Math.min(first, Math.floor(start / 60));
    last = Math.max(last, Math.min(23, Math.ceil((start + a.durationMinutes) / 60) - 1));
  }
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Cards in each hour: a card counts in every hour its time on the board touches, as it stands in those columns. */
function loadRow(id: number, name: string, cards: readonly Appointment[], hours: readonly number[]): LoadRow {
  const cells = hours.map(() => 0);
  for (const a of cards) {
    const start = minutesOfDay(a.startTime);
    const end = start + Math.max(1, a.durationMinutes);
    hours.forEach((h, i) => {
      if (start < (h + 1) * 60 && end > h * 60) cells[i]!++;
    });
  }
  return { id, name, cells, total: cards.length };
}

export interface ReportInput {
  range: DateRange;
  cards: readonly Appointment[];
  advisors: readonly Advisor[];
  bays: readonly Bay[];
  settings: Pick<Settings, "timeZone" | "openTime" | "closeTime">;
}

/**
 * The manager's report for a range of days, from the cards as the pipeline and the server's clock
 * left them (arrived, late and no-show as stamped, never a screen's guess). Every advisor and bay
 * that had a card is a row, in the board's order; every day of the range is a row, cards or not.
 */
export function reportFigures({ range, cards, advisors, bays, settings }: ReportInput): ReportFigures {
  const dates = datesOf(range);
  const inRange = cards.filter((a) => a.date >= range.from && a.date <= range.to);
  const byAdvisor = groupBy(inRange, (a) => a.advisorId);
  const byDate = groupBy(inRange, (a) => a.date);
  const orderedAdvisors = [...advisors].filter((a) => byAdvisor.has(a.id)).sort((a, b) => a.displayOrder - b.displayOrder || a.id - b.id);

  const onBoard = inRange.filter((a) => countsAgainstCapacity(a.status));
  const hours = hourColumns(onBoard, settings);
  const advisorLoad = groupBy(onBoard, (a) => a.advisorId);
  const bayLoad = groupBy(onBoard, (a) => a.bayId);

  return {
    from: range.from,
    to: range.to,
    days: dates.length,
    daysWithCards: byDate.size,
    outcomes: {
      total: outcomeOf("total", "", inRange),
      advisors: orderedAdvisors.map((a) => outcomeOf(String(a.id), a.name, byAdvisor.get(a.id) ?? [])),
      days: dates.map((d) => outcomeOf(d, d, byDate.get(d) ?? [])),
    },
    sources: countsBy(APPOINTMENT_SOURCES, inRange, (a) => a.source),
    initiators: countsBy(["dealer", "customer"] as const, inRange, (a) => a.initiatedBy),
    confirmation: {
      total: confirmationOf("total", inRange, settings.timeZone),
      days: dates.map((d) => confirmationOf(d, byDate.get(d) ?? [], settings.timeZone)),
    },
    load: {
      hours: hours.map((h) => formatMinutesOfDay(h * 60)),
      advisors: orderedAdvisors.filter((a) => advisorLoad.has(a.id)).map((a) => loadRow(a.id, a.name, advisorLoad.get(a.id)!, hours)),
      bays: [...bays].filter((b) => bayLoad.has(b.id)).sort((a, b) => a.id - b.id).map((b) => loadRow(b.id, b.name, bayLoad.get(b.id)!, hours)),
    },
  };
}

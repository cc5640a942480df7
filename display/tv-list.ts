import type { Appointment } from "../shared/schemas/appointment.js";
import { TV } from "./tv-metrics.js";
import { compareTimes } from "../shared/rules/time-of-day.js";

/** On the flight-board list: still expected (late ones first, by their time) or just arrived and waiting for their advisor. */
export function onList(a: Appointment): boolean {
  return a.status === "booked" || a.status === "confirmed" || a.status === "arrived";
}

/** The list's lines in time order: the earliest still expected or waiting first, then the next hours. */
export function listLines(appointments: readonly Appointment[], advisorIds: ReadonlySet<number> | null): Appointment[] {
  return appointments
    .filter((a) => onList(a) && (advisorIds === null || advisorIds.has(a.advisorId)))
    .sort((x, y) => compareTimes(x.startTime, y.startTime) || x.id - y.id);
}

/** What is off the list: in service, done, no-show (cancelled cards are off the board altogether). */
export interface OffList {
  inService: number;
  completed: number;
  noShow: number;
}

export function offList(appointments: readonly Appointment[], advisorIds: ReadonlySet<number> | null): OffList {
  const counts: OffList = { inService: 0, completed: 0, noShow: 0 };
  for (const a of appointments) {
    if (advisorIds !== null && !advisorIds.has(a.advisorId)) continue;
    if (a.status === "in_service") counts.inService++;
    else if (a.status === "completed") counts.completed++;
    else if (a.status === "no_show") counts.noShow++;
  }
  return counts;
}

/** How many lines fit a board `height` em tall, under the heading and above the footnote. */
export function linesPerPage(height: number): number {
  return Math.max(1, Math.floor(height / TV.listLine) - 2);
}

/** The list cut into pages. */
export function listPages<T>(lines: readonly T[], perPage: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));
  return pages.length > 0 ? pages : [[]];
}

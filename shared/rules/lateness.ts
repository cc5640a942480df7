import type { Appointment, AppointmentStatus } from "../schemas/appointment.js";
import type { Settings } from "../schemas/settings.js";
import { zonedInstant } from "./zoned-time.js";
import { awaitsGreeting, greetingDueAt, type GreetingTiming } from "./greeting.js";
import { customerCame } from "./status.js";

const MINUTE = 60_000;

type Timing = Pick<Appointment, "date" | "startTime" | "status" | "lateAt" | "walkIn" | "noShowDelayMinutes">;
type Rules = Pick<Settings, "timeZone" | "lateGraceMinutes" | "noShowAfterMinutes">;
type ClockRules = Rules & Pick<Settings, "greetingLimitMinutes">;
/** What the server's clock reads of a card to know its next timed change. */
export type ClockTiming = Timing & GreetingTiming;

/** Statuses in which the customer is still expected at the gate. */
export function isAwaited(status: AppointmentStatus): boolean {
  return status === "booked" || status === "confirmed";
}

export function startInstant(a: Pick<Appointment, "date" | "startTime">, timeZone: string): Date {
  return zonedInstant(a.date, a.startTime, timeZone);
}

/** Grace and no-show are spans of real time after the start, so a DST jump never stretches them. */
export function lateDueAt(a: Pick<Appointment, "date" | "startTime">, s: Rules): number {
  return startInstant(a, s.timeZone).getTime() + s.lateGraceMinutes * MINUTE;
}

/** A late customer who said they are on the way (在路上) pushes the no-show back by the minutes they gave. */
export function noShowDueAt(a: Pick<Appointment, "date" | "startTime" | "noShowDelayMinutes">, s: Rules): number {
  return startInstant(a, s.timeZone).getTime() + (s.noShowAfterMinutes + a.noShowDelayMinutes) * MINUTE;
}

/** A walk-in (散客) came without a time to keep: it is never late and never a no-show. */
function keepsTime(a: Pick<Timing, "status" | "walkIn">): boolean {
  return isAwaited(a.status) && !a.walkIn;
}

/**
 * Whether the server's clock watches a card in the window it read up to `until` (expected at the
 * gate by then) and from `arrivedFrom` (arrived, its greeting not yet timed out). The clock's full
 * read selects the same cards in SQL (appointment-repo.ts, CLOCK_WATCHES); after a change it judges
 * the changed card by this, from the change itself, rather than reading it back.
 * test/server/clock-window.test.ts holds the two to the same answer.
 */
export function clockWatches(a: ClockTiming, window: { until: string; arrivedFrom: string }): boolean {
  if (keepsTime(a)) return a.date <= window.until;
  return awaitsGreeting(a) && a.greetingOverdueAt === null && a.date >= window.arrivedFrom;
}

export type Transition = { kind: "late" | "no_show" | "greeting_overdue"; at: number };

/** The next clock-driven change of this card, or null when the clock has nothing more to do. */
export function nextTransition(a: ClockTiming, s: ClockRules): Transition | null {
  if (keepsTime(a)) {
    if (a.lateAt === null) return { kind: "late", at: lateDueAt(a, s) };
    return { kind: "no_show", at: noShowDueAt(a, s) };
  }
  const greeting = a.greetingOverdueAt === null ? greetingDueAt(a, s) : null;
  return greeting === null ? null : { kind: "greeting_overdue", at: greeting };
}

/** Every transition due at `now` (a card whose late and no-show both passed while the server slept gets both). */
export function dueTransitions(a: ClockTiming, s: ClockRules, now: number): Transition["kind"][] {
  const out: Transition["kind"][] = [];
  if (keepsTime(a)) {
    if (a.lateAt === null && lateDueAt(a, s) <= now) out.push("late");
    if (noShowDueAt(a, s) <= now) out.push("no_show");
    return out;
  }
  const greeting = a.greetingOverdueAt === null ? greetingDueAt(a, s) : null;
  if (greeting !== null && greeting <= now) out.push("greeting_overdue");
  return out;
}

/** Whole minutes past the start at `now` (0 before the start). */
export function minutesLate(a: Pick<Appointment, "date" | "startTime">, timeZone: string, now: number): number {
  return Math.max(0, Math.floor((now - startInstant(a, timeZone).getTime()) / MINUTE));
}

/** Minutes past the start an arrival came, when it came after the grace; null when on time. */
export function arrivedLateMinutes(a: Pick<Appointment, "date" | "startTime">, s: Rules, arrivedAt: number): number | null {
  if (arrivedAt <= lateDueAt(a, s)) return null;
  return minutesLate(a, s.timeZone, arrivedAt);
}

/** Whether the customer came after the grace (延时到店 at arrival), as the pipeline stamped it when they came. */
export function cameLate(a: Pick<Appointment, "status" | "arrivedAt" | "arrivedLateMinutes">): boolean {
  return customerCame(a) && a.arrivedLateMinutes !== null;
}

/** Minutes until the grace runs out, for the countdown a card shows before it turns late; null outside that window. */
export function graceMinutesLeft(a: Timing, s: Rules, now: number): number | null {
  if (!isAwaited(a.status) || a.lateAt !== null) return null;
  const start = startInstant(a, s.timeZone).getTime();
  const due = start + s.lateGraceMinutes * MINUTE;
  if (now < start || now >= due) return null;
  return Math.ceil((due - now) / MINUTE);
}

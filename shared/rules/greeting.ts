import type { Appointment } from "../schemas/appointment.js";
import type { Settings } from "../schemas/settings.js";

const MINUTE = 60_000;

export type GreetingTiming = Pick<Appointment, "status" | "arrivedAt" | "greetedAt" | "greetingOverdueAt">;
type Rules = Pick<Settings, "greetingLimitMinutes">;

/** An arrived customer no advisor has come out to greet yet (迎接). */
export function awaitsGreeting(a: GreetingTiming): boolean {
  return a.status === "arrived" && a.arrivedAt !== null && a.greetedAt === null;
}

/** When the greeting falls past the site's limit (default 3 minutes after arrival); null when nobody waits. */
export function greetingDueAt(a: GreetingTiming, s: Rules): number | null {
  if (!awaitsGreeting(a)) return null;
  return Date.parse(a.arrivedAt!) + s.greetingLimitMinutes * MINUTE;
}

/** Whole minutes the customer has waited for the greeting at `now`; null when nobody waits. */
export function greetingWaitMinutes(a: GreetingTiming, now: number): number | null {
  if (!awaitsGreeting(a)) return null;
  return Math.max(0, Math.floor((now - Date.parse(a.arrivedAt!)) / MINUTE));
}

/**
 * Overdue is the server clock's mark (`greetingOverdueAt`), exactly as lateness is: every screen
 * agrees with the clock that marked it, whatever its own clock says.
 */
export function isGreetingOverdue(a: GreetingTiming): boolean {
  return awaitsGreeting(a) && a.greetingOverdueAt !== null;
}

/** Minutes from arrival to greeting, for the figures; null when not (yet) greeted. */
export function minutesToGreeting(a: Pick<Appointment, "arrivedAt" | "greetedAt">): number | null {
  if (a.arrivedAt === null || a.greetedAt === null) return null;
  return Math.max(0, (Date.parse(a.greetedAt) - Date.parse(a.arrivedAt)) / MINUTE);
}

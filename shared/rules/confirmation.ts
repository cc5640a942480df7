import type { Appointment } from "../schemas/appointment.js";
import type { Settings } from "../schemas/settings.js";
import { minutesOfDay } from "./time-of-day.js";
import { zonedInstant } from "./zoned-time.js";

/** The day-before call's outcomes besides confirm, change and cancel (which change the card itself). */
export const CONFIRMATION_OUTCOMES = ["no_answer", "texted"] as const;
export type ConfirmationOutcome = (typeof CONFIRMATION_OUTCOMES)[number];

/** How often an unanswered customer is tried before a text is sent instead. */
export const MAX_CONFIRMATION_TRIES = 3;
/** Try an unanswered customer again after this long. */
export const RETRY_AFTER_MS = 60 * 60_000;

export interface ConfirmationCall {
  appointmentId: number;
  attempts: number;
  outcome: ConfirmationOutcome;
  at: string;
  by: string;
}

/** Whether a card still needs its day-before call now: booked, and not tried within the retry time (a text ends the tries). */
export function callDue(card: Pick<Appointment, "status">, call: ConfirmationCall | undefined, now: number): boolean {
  if (card.status !== "booked") return false;
  if (!call) return true;
  if (call.outcome === "texted" || call.attempts >= MAX_CONFIRMATION_TRIES) return false;
  return now - Date.parse(call.at) >= RETRY_AFTER_MS;
}

/** Cards of tomorrow not confirmed yet (booked; cancelled and no-show ones do not count). */
export const unconfirmed = (cards: readonly Pick<Appointment, "status">[]): number => cards.filter((a) => a.status === "booked").length;

/** From the site's closing time on, the editor says how many of tomorrow's cards are still unconfirmed. */
export const pastClosing = (localMinutes: number, settings: Pick<Settings, "closeTime">): boolean => localMinutes >= minutesOfDay(settings.closeTime);

/** Whether a card was confirmed before its own day began in the site's zone: the day-before call (预约确认) did its work. */
export function confirmedDayBefore(a: Pick<Appointment, "date" | "confirmedAt">, timeZone: string): boolean {
  return a.confirmedAt !== null && Date.parse(a.confirmedAt) < zonedInstant(a.date, "00:00", timeZone).getTime();
}

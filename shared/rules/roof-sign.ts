import type { Appointment } from "../schemas/appointment.js";

/** 7 → "007": three digits read at a glance; a day past 999 cards simply shows all its digits. */
export function padQueueNumber(n: number): string {
  return String(n).padStart(3, "0");
}

/**
 * The cards of a day that get a roof sign in the day-before batch: every appointment still coming
 * (a cancelled card has no car to put a sign on), in the order the cars are due, then by number.
 */
export function roofSignBatch(cards: readonly Appointment[]): Appointment[] {
  return cards
    .filter((a) => a.status !== "cancelled" && a.status !== "no_show")
    .sort((a, b) => a.startTime.localeCompare(b.startTime) || Number(a.walkIn) - Number(b.walkIn) || (a.queueNumber ?? 0) - (b.queueNumber ?? 0) || a.id - b.id);
}

/** How many A4 sheets a batch takes: two A5 landscape signs to a sheet. */
export function roofSheetCount(signs: number): number {
  return Math.ceil(signs / 2);
}

import type { Appointment, AppointmentStatus } from "../schemas/appointment.js";
import type { StatusAction } from "../schemas/commands.js";

/** Which statuses each action may start from, and where it leads. */
export const STATUS_TRANSITIONS: Record<StatusAction, { from: readonly AppointmentStatus[]; to: AppointmentStatus }> = {
  confirm: { from: ["booked"], to: "confirmed" },
  // a customer marked no-show who turns up after all is received like anyone else
  arrive: { from: ["booked", "confirmed", "no_show"], to: "arrived" },
  // 已出迎: the advisor came out to the arrived customer; the status stays arrived, the step is stamped
  greet: { from: ["arrived"], to: "arrived" },
  start: { from: ["arrived"], to: "in_service" },
  complete: { from: ["arrived", "in_service"], to: "completed" },
  no_show: { from: ["booked", "confirmed"], to: "no_show" },
  cancel: { from: ["booked", "confirmed", "no_show"], to: "cancelled" },
  // a mistaken arrival, cancel or no-show is put back to booked
  reopen: { from: ["arrived", "no_show", "cancelled"], to: "booked" },
};

export function canApply(action: StatusAction, status: AppointmentStatus): boolean {
  return STATUS_TRANSITIONS[action].from.includes(status);
}

/**
 * Why an action cannot be applied to this card, as the field to name; null when it can. Beyond the
 * status, the steps after arrival go in order (已到店 → 已出迎 → 维修中 → 已完工): a customer is
 * greeted once, and the repair starts only after the greeting, so the figures time the right step.
 */
export function refusalOf(action: StatusAction, card: Pick<Appointment, "status" | "greetedAt">): "status" | "greetedAt" | null {
  if (!canApply(action, card.status)) return "status";
  if (action === "greet" && card.greetedAt !== null) return "greetedAt";
  if (action === "start" && card.greetedAt === null) return "greetedAt";
  return null;
}

/** The step a card is at, one name each on every screen (shared/i18n/messages/steps.ts). */
export type Step = "awaited" | "arrived" | "greeted" | "in_service" | "completed" | "no_show" | "cancelled";

export function stepOf(card: Pick<Appointment, "status" | "greetedAt">): Step {
  switch (card.status) {
    case "booked":
    case "confirmed":
      return "awaited";
    case "arrived":
      return card.greetedAt === null ? "arrived" : "greeted";
    default:
      return card.status;
  }
}

/**
 * Whether the customer came: the card was marked 已到店 and is arrived, in service or finished. A
 * no-show or a cancelled card that had been marked arrived by mistake (and reopened) did not come.
 * The reception figures and the reports count arrivals with this one rule.
 */
export function customerCame(a: Pick<Appointment, "status" | "arrivedAt">): boolean {
  return a.arrivedAt !== null && (a.status === "arrived" || a.status === "in_service" || a.status === "completed");
}

/**
 * Cards with nothing left to happen on the board: completed (the car has left its bay), no-show
 * and cancelled. They hold no bay and carry no overlap marks of their own: there is nothing left
 * to do about them.
 */
export function isClosed(status: AppointmentStatus): boolean {
  return status === "cancelled" || status === "completed" || status === "no_show";
}

/**
 * What counts against an advisor's capacity in a slot (and the day's load): every customer the
 * advisor received or still expects there. A completed card used its slot; a no-show freed it (the
 * site's no-show rule exists to free the slot); a cancelled card is off the board.
 */
export function countsAgainstCapacity(status: AppointmentStatus): boolean {
  return status !== "no_show" && status !== "cancelled";
}

/**
 * Which cards may be moved (dragged on the board, or given another date, time, advisor or bay):
 * all but completed and cancelled ones, which stay where they happened. A no-show may be moved: a
 * customer who calls after missing the appointment is rebooked, and the move books them again.
 */
export function mayMove(status: AppointmentStatus): boolean {
  return status !== "completed" && status !== "cancelled";
}

import type { AppointmentStatus } from "../schemas/appointment.js";
import type { StatusAction } from "../schemas/commands.js";

/** Which statuses each action may start from, and where it leads. */
export const STATUS_TRANSITIONS: Record<StatusAction, { from: readonly AppointmentStatus[]; to: AppointmentStatus }> = {
  confirm: { from: ["booked"], to: "confirmed" },
  // a customer marked no-show who turns up after all is received like anyone else
  arrive: { from: ["booked", "confirmed", "no_show"], to: "arrived" },
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

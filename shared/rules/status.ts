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

/** Cards that no longer take part in the day: they cannot be dragged and do not count against capacity. */
export function isClosed(status: AppointmentStatus): boolean {
  return status === "cancelled" || status === "completed" || status === "no_show";
}

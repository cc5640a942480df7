import type { Appointment } from "../shared/schemas/appointment.js";

/** Cancelled and completed cards stay where they are; the server refuses to move them too. */
export function isMovable(a: Pick<Appointment, "status">): boolean {
  return a.status !== "cancelled" && a.status !== "completed";
}

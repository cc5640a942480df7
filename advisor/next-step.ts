import type { AppointmentStatus } from "../shared/schemas/appointment.js";

export type AdvisorStep = "arrive" | "start" | "complete";

/** The one thing an advisor does next with a card: receive the customer, start the work, finish it. */
export function nextStep(status: AppointmentStatus): AdvisorStep | null {
  switch (status) {
    case "booked":
    case "confirmed":
    case "no_show":
      return "arrive";
    case "arrived":
      return "start";
    case "in_service":
      return "complete";
    case "completed":
    case "cancelled":
      return null;
  }
}

import type { Appointment } from "../shared/schemas/appointment.js";
import { stepOf } from "../shared/rules/status.js";

export type AdvisorStep = "arrive" | "greet" | "start" | "complete";

/** The one thing an advisor does next with a card: receive the customer, greet them, start the repair, finish it. */
export function nextStep(card: Pick<Appointment, "status" | "greetedAt">): AdvisorStep | null {
  switch (stepOf(card)) {
    case "awaited":
    case "no_show":
      return "arrive";
    case "arrived":
      return "greet";
    case "greeted":
      return "start";
    case "in_service":
      return "complete";
    case "completed":
    case "cancelled":
      return null;
  }
}

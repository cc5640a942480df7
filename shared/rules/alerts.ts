import type { Actor } from "../schemas/actor.js";
import type { Appointment } from "../schemas/appointment.js";

export type ArrivalAlertKind = "complaint" | "repeat_repair";

type AlertCard = Pick<Appointment, "status" | "preparation" | "alertAcknowledgedAt">;

/**
 * The alert a card raises on arrival (履约准备 marked it): a complaint customer (抱怨) calls the
 * service manager to attend the reception; a repeat-repair customer (返修) calls the manager and
 * the card's advisor. It stands from arrival until someone it calls acknowledges it.
 */
export function arrivalAlert(a: AlertCard): ArrivalAlertKind | null {
  if (a.alertAcknowledgedAt !== null) return null;
  if (a.status !== "arrived" && a.status !== "in_service") return null;
  if (a.preparation.complaint) return "complaint";
  if (a.preparation.repeatRepair) return "repeat_repair";
  return null;
}

/** Whom an alert calls, and so who sees it and may acknowledge it: managers always; the card's own advisor for a repeat repair. */
export function alertCalls(actor: Pick<Actor, "role" | "advisorId">, card: AlertCard & Pick<Appointment, "advisorId">): boolean {
  const kind = arrivalAlert(card);
  if (kind === null) return false;
  if (actor.role === "manager") return true;
  return kind === "repeat_repair" && actor.role === "advisor" && actor.advisorId !== undefined && actor.advisorId === card.advisorId;
}

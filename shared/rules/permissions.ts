import type { Actor, Role } from "../schemas/actor.js";
import type { Command } from "../schemas/commands.js";
import type { Appointment } from "../schemas/appointment.js";
import { alertCalls } from "./alerts.js";

/** Whether an actor may run a command; the pipeline asks this once, for REST and socket alike. */
export function mayRun(actor: Actor, cmd: Command, card?: Pick<Appointment, "advisorId" | "status" | "preparation" | "alertAcknowledgedAt">): boolean {
  const advisorOfCard = card?.advisorId;
  // an arrival alert is acknowledged by someone it calls: a manager, or a repeat repair's own advisor
  if (cmd.type === "appointment.acknowledge_alert") return card !== undefined && (actor.role === "manager" || alertCalls(actor, card));
  // anyone signed in as themselves may change their own password (the pipeline checks the current one)
  if (cmd.type === "account.set_password" && actor.accountId !== undefined && actor.accountId === cmd.id) return true;
  switch (actor.role) {
    case "manager":
      return true;
    case "desk":
      return cmd.type.startsWith("appointment.");
    case "advisor":
      return (
        cmd.type === "appointment.status" &&
        (cmd.action === "arrive" || cmd.action === "greet" || cmd.action === "start" || cmd.action === "complete") &&
        actor.advisorId !== undefined &&
        actor.advisorId === advisorOfCard
      );
    case "display":
    case "system":
      return false;
  }
}

/** What can be read besides the (masked) public display: the day in full, or the records behind it. */
export type ReadScope =
  /** the day's board unmasked: GET /api/board, the /staff namespace */
  | "board"
  /** audit log, CSV export, search, one card's detail and history */
  | "records"
  /** accounts, paired displays, API tokens */
  | "access"
  /** the manager's reception figures (issue 13) */
  | "figures";

export function mayRead(role: Role, scope: ReadScope): boolean {
  switch (scope) {
    case "board":
      return role === "manager" || role === "desk" || role === "advisor" || role === "display";
    case "records":
      return role === "manager" || role === "desk" || role === "advisor";
    case "access":
    case "figures":
      return role === "manager";
  }
}

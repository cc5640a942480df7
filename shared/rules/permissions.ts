import type { Actor } from "../schemas/actor.js";
import type { Command } from "../schemas/commands.js";

/** Whether an actor may run a command; the pipeline asks this once, for REST and socket alike. */
export function mayRun(actor: Actor, cmd: Command, advisorOfCard?: number): boolean {
  switch (actor.role) {
    case "manager":
      return true;
    case "desk":
      return cmd.type.startsWith("appointment.");
    case "advisor":
      return (
        cmd.type === "appointment.status" &&
        (cmd.action === "arrive" || cmd.action === "start" || cmd.action === "complete") &&
        actor.advisorId !== undefined &&
        actor.advisorId === advisorOfCard
      );
    case "display":
    case "system":
      return false;
  }
}

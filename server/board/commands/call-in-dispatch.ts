import type { Command } from "../../../shared/schemas/commands.js";
import type { Appointment } from "../../../shared/schemas/appointment.js";
import type { ImportRecord } from "../../../shared/protocol.js";
import type { CommandContext, HandlerOutput } from "../command-context.js";
import { createVehicle, importRegister, registerBooking, serviceDone, updateCustomer, updateVehicle } from "./register-commands.js";
import { confirmationCall } from "./confirmation-commands.js";
import { addEntry, bookFromEntry, claimNext, generateByHand, recordOutcome, release, updateRules } from "./call-commands.js";

const CALL_IN_TYPES = new Set<string>([
  "customer.update", "vehicle.create", "vehicle.update", "register.import", "call.rules", "call.generate", "call.add", "call.claim",
  "call.release", "call.outcome", "call.book", "appointment.confirmation_call",
]);

type CallInCommand = Extract<Command, { type: `customer.${string}` | `vehicle.${string}` | `register.${string}` | `call.${string}` | "appointment.confirmation_call" }>;

export const isCallInCommand = (cmd: Command): cmd is CallInCommand => CALL_IN_TYPES.has(cmd.type);

export async function dispatchCallIn(ctx: CommandContext, cmd: CallInCommand): Promise<HandlerOutput> {
  switch (cmd.type) {
    case "customer.update":
      return updateCustomer(ctx, cmd);
    case "vehicle.create":
      return createVehicle(ctx, cmd);
    case "vehicle.update":
      return updateVehicle(ctx, cmd);
    case "register.import":
      return importRegister(ctx, cmd);
    case "call.rules":
      return updateRules(ctx, cmd);
    case "call.generate":
      return generateByHand(ctx, cmd);
    case "call.add":
      return addEntry(ctx, cmd);
    case "call.claim":
      return claimNext(ctx, cmd);
    case "call.release":
      return release(ctx, cmd);
    case "call.outcome":
      return recordOutcome(ctx, cmd);
    case "call.book":
      return bookFromEntry(ctx, cmd);
    case "appointment.confirmation_call":
      return confirmationCall(ctx, cmd);
  }
}

/**
 * What a board command means for the register, in the same transaction: a new booking's vehicle
 * is linked (and a customer new to the register added); a completed card is the vehicle's last service.
 */
export async function registerEffects(ctx: CommandContext, cmd: Command, out: HandlerOutput): Promise<HandlerOutput> {
  if (cmd.type === "appointment.create") return { ...out, audit: [...out.audit, ...await registerBooking(ctx, out.record as Appointment, null)] };
  if (cmd.type === "appointment.import") {
    const added: HandlerOutput["audit"] = [];
    for (const a of (out.record as ImportRecord).imported) added.push(...(await registerBooking(ctx, a, null)));
    return { ...out, audit: [...out.audit, ...added] };
  }
  if (cmd.type === "appointment.status" && cmd.action === "complete") return { ...out, audit: [...out.audit, ...await serviceDone(ctx, out.record as Appointment)] };
  return out;
}

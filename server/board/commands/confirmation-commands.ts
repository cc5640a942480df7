import type { Command } from "../../../shared/schemas/commands.js";
import type { ConfirmationCall } from "../../../shared/rules/confirmation.js";
import { DomainError, notFound } from "../domain-error.js";
import type { CommandContext, HandlerOutput } from "../command-context.js";

type Cmd = Extract<Command, { type: "appointment.confirmation_call" }>;

/** 无人接听 counts a try (the list brings the customer back after the retry time); 已发短信 ends the tries. */
export async function confirmationCall(ctx: CommandContext, cmd: Cmd): Promise<HandlerOutput> {
  const card = await ctx.repos.appointments.get(cmd.id);
  if (!card) throw notFound("appointment", cmd.id);
  if (card.status !== "booked") throw new DomainError("invalid_transition", `appointment ${card.id} is ${card.status}, not waiting for its call`, "status", card);
  const before = await ctx.repos.calls.confirmationCall(card.id) ?? null;
  const after: ConfirmationCall = { appointmentId: card.id, attempts: (before?.attempts ?? 0) + 1, outcome: cmd.outcome, at: ctx.nowIso, by: ctx.actor.name };
  await ctx.repos.calls.putConfirmationCall(after);
  return {
    record: after,
    ops: [],
    dates: [card.date],
    audit: [{ action: `appointment.confirmation_${cmd.outcome}`, entity: "appointment", entityId: card.id, date: card.date, before, after }],
  };
}

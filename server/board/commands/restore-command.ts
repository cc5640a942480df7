import { AppointmentSchema, type Appointment } from "../../../shared/schemas/appointment.js";
import type { Command } from "../../../shared/schemas/commands.js";
import { DomainError } from "../domain-error.js";
import { expectVersion, type CommandContext, type HandlerOutput } from "../command-context.js";
import { checkReferences, load, output, stamp } from "./appointment-commands.js";

type RestoreCommand = Extract<Command, { type: "appointment.restore" }>;

/**
 * Undo, taken from the audit log: the card goes back to what the entry's `before` says. Only the
 * card's latest change can be undone this way; if anyone changed the card after that entry, the
 * undo is refused with the card as it is now, exactly like a stale edit.
 */
export async function restoreAppointment(ctx: CommandContext, cmd: RestoreCommand): Promise<HandlerOutput> {
  const current = await load(ctx, cmd.id);
  expectVersion(current, cmd.version, "appointment");
  const entry = await ctx.repos.audit.get(cmd.auditId);
  if (!entry || entry.entity !== "appointment" || entry.entityId !== cmd.id) {
    throw new DomainError("invalid_payload", `auditId ${cmd.auditId} is not a change of appointment ${cmd.id}`, "auditId");
  }
  const after = AppointmentSchema.safeParse(entry.after);
  if (!after.success || after.data.version !== current.version) {
    throw new DomainError(
      "version_conflict",
      "the appointment was changed again after that change, so it cannot be undone",
      "auditId",
      current,
    );
  }
  const before = AppointmentSchema.safeParse(entry.before);
  if (!before.success) {
    throw new DomainError("invalid_transition", "a new booking cannot be undone; cancel it instead", "auditId", current);
  }
  await checkReferences(ctx, before.data, "");
  const restored: Appointment = stamp(ctx, {
    ...before.data,
    id: current.id,
    version: current.version,
    createdAt: current.createdAt,
    createdBy: current.createdBy,
    queueNumber: await restoredQueueNumber(ctx, before.data, current),
  });
  await ctx.repos.appointments.update(restored, current);
  return output(ctx, "appointment.restore", current, restored);
}

/**
 * Undo keeps the number while the card stays on its day. Undoing a move to another day gives back
 * the number the card held there: the counter never handed it out again, so it is still the card's
 * alone (an entry from before queue numbers existed has none, and takes the next one).
 */
async function restoredQueueNumber(ctx: CommandContext, before: Appointment, current: Appointment): Promise<number | null> {
  if (before.date === current.date) return current.queueNumber;
  return before.queueNumber ?? await ctx.repos.queueNumbers.next(before.date, before.walkIn);
}

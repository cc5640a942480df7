import type { Appointment, AppointmentEdit, AppointmentFields } from "../../../shared/schemas/appointment.js";
import type { Command } from "../../../shared/schemas/commands.js";
import { STATUS_TRANSITIONS, refusalOf } from "../../../shared/rules/status.js";
import { arrivedLateMinutes } from "../../../shared/rules/lateness.js";
import { changesPlacement, moveCard, type Placement } from "../../../shared/rules/move.js";
import { overlapsOf, type Overlap } from "../../../shared/rules/overlaps.js";
import { formatMinutesOfDay, minutesOfDay, slotIndexOf } from "../../../shared/rules/time-of-day.js";
import { DomainError, notFound } from "../domain-error.js";
import { expectVersion, type CommandContext, type HandlerOutput } from "../command-context.js";

type Cmd<T extends Command["type"]> = Extract<Command, { type: T }>;

export async function load(ctx: CommandContext, id: number): Promise<Appointment> {
  const named = ctx.named?.appointment;
  const a = named?.id === id ? named : await ctx.repos.appointments.get(id);
  if (!a) throw notFound("appointment", id);
  return a;
}

/** An unknown advisor, bay or job category is bad input naming its field, not a missing resource. */
export async function checkReferences(ctx: CommandContext, fields: Partial<Pick<AppointmentFields, "advisorId" | "bayId" | "jobCategory">>, prefix: string): Promise<void> {
  if (fields.jobCategory !== undefined && fields.jobCategory !== null) {
    const known = (await ctx.repos.settings.require()).settings.jobCategories;
    if (!known.some((c) => c.code === fields.jobCategory)) {
      throw new DomainError("invalid_payload", `${prefix}jobCategory names no job category (${fields.jobCategory})`, `${prefix}jobCategory`);
    }
  }
  if (fields.advisorId !== undefined && !await ctx.repos.advisors.get(fields.advisorId)) {
    throw new DomainError("invalid_payload", `${prefix}advisorId names no advisor (${fields.advisorId})`, `${prefix}advisorId`);
  }
  if (fields.bayId !== undefined && fields.bayId !== null && !await ctx.repos.bays.get(fields.bayId)) {
    throw new DomainError("invalid_payload", `${prefix}bayId names no bay (${fields.bayId})`, `${prefix}bayId`);
  }
}

export async function output(ctx: CommandContext, action: string, before: Appointment | null, after: Appointment): Promise<HandlerOutput> {
  const dates = [...new Set([before?.date, after.date].filter((d): d is string => d !== undefined))];
  return {
    record: after,
    ops: [{ kind: "appointment", appointment: after }],
    dates,
    audit: [{ action, entity: "appointment", entityId: after.id, date: after.date, before, after }],
    overlaps: await overlapsNow(ctx, after),
  };
}

/**
 * The card's overlaps as every screen marks them (shared/rules/overlaps.ts), among the only cards
 * that can share them: its bay's that are in the bay while it is, its advisor's in its slot.
 */
async function overlapsNow(ctx: CommandContext, a: Appointment): Promise<Overlap[]> {
  const settings = (await ctx.repos.settings.require()).settings;
  const start = minutesOfDay(a.startTime);
  const slot = slotIndexOf(a.startTime, settings);
  const slotFrom = slot === null ? null : minutesOfDay(settings.openTime) + slot * settings.slotMinutes;
  const end = Math.max(start + a.durationMinutes, slotFrom === null ? 0 : slotFrom + settings.slotMinutes);
  const candidates = await ctx.repos.appointments.overlapCandidates({
    date: a.date,
    // past midnight every later start of the day qualifies
    before: end >= 24 * 60 ? "24:00" : formatMinutesOfDay(end),
    advisorId: a.advisorId,
    from: slotFrom === null ? "24:00" : formatMinutesOfDay(slotFrom),
    bayId: a.bayId,
    bayFrom: start,
  });
  const advisor = await ctx.repos.advisors.get(a.advisorId);
  return overlapsOf(a, candidates, advisor ? [advisor] : [], settings);
}

export function stamp(ctx: CommandContext, a: Appointment): Appointment {
  return { ...a, version: a.version + 1, updatedAt: ctx.nowIso, updatedBy: ctx.actor.name };
}

/**
 * A change of date, time, advisor or bay is a move, whichever command carries it: the shared rule
 * decides which cards may move and what a move makes of them (a no-show is booked again, a late
 * mark stays only if the new time's grace has passed too).
 */
async function move(ctx: CommandContext, before: Appointment, edited: Appointment, target: Partial<Placement>): Promise<Appointment> {
  const moved = moveCard(edited, target, (await ctx.repos.settings.require()).settings, ctx.now);
  if (!moved) throw new DomainError("invalid_transition", `a ${before.status} appointment cannot be moved`, "status", before);
  return moved.date === before.date ? moved : { ...moved, queueNumber: await ctx.repos.queueNumbers.next(moved.date, moved.walkIn) };
}

/**
 * A card as booking makes it: booked, nothing happened yet, version 1, stamped by the actor, and
 * the next queue number of its day. The number is given here, at booking, rather than in time order
 * at printing: it exists from the first moment (the confirmation call can name it, any sign can be
 * printed any time, a reprint shows the same number) and printing stays a read, not a write.
 */
export async function freshCard(ctx: CommandContext, fields: AppointmentFields, walkIn = false): Promise<Appointment> {
  return {
    id: 0,
    ...fields,
    status: "booked",
    lateAt: null,
    arrivedAt: null,
    arrivedLateMinutes: null,
    walkIn,
    queueNumber: await ctx.repos.queueNumbers.next(fields.date, walkIn),
    greetedAt: null,
    greetingOverdueAt: null,
    expectedAt: null,
    noShowDelayMinutes: 0,
    alertAcknowledgedAt: null,
    alertAcknowledgedBy: "",
    confirmedAt: null,
    startedAt: null,
    completedAt: null,
    cancelledAt: null,
    version: 1,
    createdAt: ctx.nowIso,
    createdBy: ctx.actor.name,
    updatedAt: ctx.nowIso,
    updatedBy: ctx.actor.name,
  };
}

export async function createAppointment(ctx: CommandContext, cmd: Cmd<"appointment.create">): Promise<HandlerOutput> {
  await checkReferences(ctx, cmd.input, "input.");
  const created = await ctx.repos.appointments.insert(await freshCard(ctx, cmd.input));
  return output(ctx, "appointment.create", null, created);
}

function applyEdit(a: Appointment, changes: AppointmentEdit): Appointment {
  const { preparation, ...rest } = changes;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return { ...a, ...defined, preparation: { ...a.preparation, ...preparation } };
}

export async function updateAppointment(ctx: CommandContext, cmd: Cmd<"appointment.update">): Promise<HandlerOutput> {
  const before = await load(ctx, cmd.id);
  expectVersion(before, cmd.version, "appointment");
  await checkReferences(ctx, cmd.changes, "changes.");
  const { date, startTime, advisorId, bayId } = cmd.changes;
  const placement = { date, startTime, advisorId, bayId };
  const edited = stamp(ctx, applyEdit(before, cmd.changes));
  const after = changesPlacement(before, placement) ? await move(ctx, before, edited, placement) : edited;
  await ctx.repos.appointments.update(after, before);
  return output(ctx, "appointment.update", before, after);
}

export async function moveAppointment(ctx: CommandContext, cmd: Cmd<"appointment.move">): Promise<HandlerOutput> {
  const before = await load(ctx, cmd.id);
  expectVersion(before, cmd.version, "appointment");
  const { type: _t, id: _i, version: _v, ...target } = cmd;
  await checkReferences(ctx, target, "");
  const after = await move(ctx, before, stamp(ctx, before), target);
  await ctx.repos.appointments.update(after, before);
  return output(ctx, "appointment.move", before, after);
}

export async function changeStatus(ctx: CommandContext, cmd: Cmd<"appointment.status">): Promise<HandlerOutput> {
  const before = await load(ctx, cmd.id);
  expectVersion(before, cmd.version, "appointment");
  const refused = refusalOf(cmd.action, before);
  if (refused === "status") {
    throw new DomainError("invalid_transition", `cannot ${cmd.action} an appointment that is ${before.status}`, "status", before);
  }
  if (refused === "greetedAt") {
    const why = cmd.action === "greet" ? "the customer was already greeted" : "the customer has not been greeted yet (已出迎 first)";
    throw new DomainError("invalid_transition", `cannot ${cmd.action}: ${why}`, "greetedAt", before);
  }
  let after: Appointment = stamp(ctx, { ...before, status: STATUS_TRANSITIONS[cmd.action].to });
  switch (cmd.action) {
    case "arrive": {
      const settings = (await ctx.repos.settings.require()).settings;
      after = { ...after, arrivedAt: ctx.nowIso, arrivedLateMinutes: arrivedLateMinutes(before, settings, ctx.now) };
      break;
    }
    case "confirm":
      after = { ...after, confirmedAt: ctx.nowIso };
      break;
    case "greet":
      after = { ...after, greetedAt: ctx.nowIso };
      break;
    case "start":
      after = { ...after, startedAt: ctx.nowIso };
      break;
    case "complete":
      after = { ...after, completedAt: ctx.nowIso };
      break;
    case "cancel":
      after = { ...after, cancelledAt: ctx.nowIso };
      break;
    case "reopen":
      after = { ...after, arrivedAt: null, arrivedLateMinutes: null, greetedAt: null, greetingOverdueAt: null, alertAcknowledgedAt: null, alertAcknowledgedBy: "", startedAt: null, cancelledAt: null, lateAt: null };
      break;
    case "no_show":
      break;
  }
  await ctx.repos.appointments.update(after, before);
  return output(ctx, `appointment.${cmd.action}`, before, after);
}

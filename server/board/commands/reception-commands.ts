import type { Appointment } from "../../../shared/schemas/appointment.js";
import type { Command } from "../../../shared/schemas/commands.js";
import { isAwaited } from "../../../shared/rules/lateness.js";
import { arrivalAlert } from "../../../shared/rules/alerts.js";
import { suggestAdvisor, suggestBay } from "../../../shared/rules/reception.js";
import { localParts } from "../../../shared/rules/zoned-time.js";
import { DomainError } from "../domain-error.js";
import { expectVersion, type CommandContext, type HandlerOutput } from "../command-context.js";
import { checkReferences, freshCard, load, output, stamp } from "./appointment-commands.js";

type Cmd<T extends Command["type"]> = Extract<Command, { type: T }>;

const MINUTE = 60_000;

/**
 * 散客接待: the card is made at the server's time in the site's zone, already arrived and marked
 * walk-in, so the clock never marks it late or no-show but does time its greeting. The advisor and
 * bay are the guide's choice, or the shared suggestion when the guide left them to magboard.
 */
export async function receiveWalkIn(ctx: CommandContext, cmd: Cmd<"appointment.walk_in">): Promise<HandlerOutput> {
  const settings = (await ctx.repos.settings.require()).settings;
  const { advisorId, bayId, ...fields } = cmd.input;
  await checkReferences(ctx, { advisorId, bayId, jobCategory: fields.jobCategory }, "input.");
  const { date, time } = localParts(ctx.now, settings.timeZone);
  const day = await ctx.repos.appointments.forDate(date);
  const advisor = advisorId ?? suggestAdvisor(await ctx.repos.advisors.all(), day, fields.jobCategory, date, time)?.id;
  if (advisor === undefined) throw new DomainError("invalid_payload", "input.advisorId: no advisor is on duty today; name one", "input.advisorId");
  const bay = bayId !== undefined ? bayId : (suggestBay(await ctx.repos.bays.all(), day, fields.jobCategory, settings.jobCategories, time, fields.durationMinutes)?.id ?? null);
  const card: Appointment = {
    ...await freshCard(ctx, {
      ...fields,
      date,
      startTime: time,
      advisorId: advisor,
      bayId: bay,
      vehicleModel: "",
      mileageKm: null,
      source: "customer_inquiry",
      initiatedBy: "customer",
      estimatedMinutes: null,
      estimatedAmount: null,
      preparation: { partsNeeded: false, partsReady: false, repeatRepair: false, complaint: false, needsRoadTest: false },
    }, true),
    status: "arrived",
    arrivedAt: ctx.nowIso,
  };
  return output(ctx, "appointment.walk_in", null, await ctx.repos.appointments.insert(card));
}

/** 在路上: the customer is expected in `minutes`; the card shows when, and the no-show waits that much longer. */
export async function markOnTheWay(ctx: CommandContext, cmd: Cmd<"appointment.on_the_way">): Promise<HandlerOutput> {
  const before = await load(ctx, cmd.id);
  expectVersion(before, cmd.version, "appointment");
  if (!isAwaited(before.status) || before.walkIn) {
    throw new DomainError("invalid_transition", `an appointment that is ${before.status} is not awaited`, "status", before);
  }
  const after = stamp(ctx, {
    ...before,
    expectedAt: new Date(ctx.now + cmd.minutes * MINUTE).toISOString(),
    noShowDelayMinutes: before.noShowDelayMinutes + cmd.minutes,
  });
  await ctx.repos.appointments.update(after, before);
  return output(ctx, "appointment.on_the_way", before, after);
}

/** 抱怨 / 返修 on arrival: someone it calls has seen it and is on the way; every screen stops alerting. */
export async function acknowledgeAlert(ctx: CommandContext, cmd: Cmd<"appointment.acknowledge_alert">): Promise<HandlerOutput> {
  const before = await load(ctx, cmd.id);
  expectVersion(before, cmd.version, "appointment");
  if (arrivalAlert(before) === null) {
    throw new DomainError("invalid_transition", "this appointment has no arrival alert standing", "status", before);
  }
  const after = stamp(ctx, { ...before, alertAcknowledgedAt: ctx.nowIso, alertAcknowledgedBy: ctx.actor.name });
  await ctx.repos.appointments.update(after, before);
  return output(ctx, "appointment.acknowledge_alert", before, after);
}

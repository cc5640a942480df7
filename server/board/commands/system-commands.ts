import type { Appointment } from "../../../shared/schemas/appointment.js";
import { AppointmentInputSchema } from "../../../shared/schemas/appointment.js";
import { AdvisorInputSchema } from "../../../shared/schemas/advisor.js";
import { BayInputSchema } from "../../../shared/schemas/bay.js";
import type { SystemCommand } from "../../../shared/schemas/commands.js";
import { arrivedLateMinutes, dueTransitions, lateDueAt, startInstant } from "../../../shared/rules/lateness.js";
import { localParts } from "../../../shared/rules/zoned-time.js";
import { sampleCards, SAMPLE_ADVISORS, SAMPLE_BAYS } from "../../sample/sample-board.js";
import type { CommandContext, HandlerOutput } from "../command-context.js";
import { freshCard } from "./appointment-commands.js";
import { initAccounts } from "./access-commands.js";

type Sys<T extends SystemCommand["type"]> = Extract<SystemCommand, { type: T }>;

const MINUTE = 60_000;

function stamp(ctx: CommandContext, a: Appointment): Appointment {
  return { ...a, version: a.version + 1, updatedAt: ctx.nowIso, updatedBy: ctx.actor.name };
}

function cardOutput(action: string, before: Appointment, after: Appointment): HandlerOutput {
  return {
    record: after,
    ops: [{ kind: "appointment", appointment: after }],
    dates: [after.date],
    audit: [{ action, entity: "appointment", entityId: after.id, date: after.date, before, after }],
  };
}

/** The clock's marks; null (nothing written) when the card is no longer due. */
function markLate(ctx: CommandContext, cmd: Sys<"appointment.mark_late">): HandlerOutput | null {
  const before = ctx.repos.appointments.get(cmd.id);
  const settings = ctx.repos.settings.require().settings;
  if (!before || !dueTransitions(before, settings, ctx.now).includes("late")) return null;
  const after = stamp(ctx, { ...before, lateAt: new Date(lateDueAt(before, settings)).toISOString() });
  ctx.repos.appointments.update(after);
  return cardOutput("appointment.mark_late", before, after);
}

function markNoShow(ctx: CommandContext, cmd: Sys<"appointment.mark_no_show">): HandlerOutput | null {
  const before = ctx.repos.appointments.get(cmd.id);
  const settings = ctx.repos.settings.require().settings;
  if (!before || !dueTransitions(before, settings, ctx.now).includes("no_show")) return null;
  const after = stamp(ctx, { ...before, status: "no_show" });
  ctx.repos.appointments.update(after);
  return cardOutput("appointment.mark_no_show", before, after);
}

function initSite(ctx: CommandContext, cmd: Sys<"site.init">): HandlerOutput | null {
  if (ctx.repos.settings.get()) return null;
  ctx.repos.settings.save(cmd.settings, 1, ctx.nowIso, ctx.actor.name);
  return {
    record: cmd.settings,
    ops: [{ kind: "settings", settings: cmd.settings, version: 1 }],
    dates: null,
    audit: [{ action: "site.init", entity: "settings", entityId: null, date: null, before: null, after: cmd.settings }],
  };
}

/** What the sample card's story says happened before now: arrived, in service, finished or not shown. */
function sampleHistory(card: Appointment, then: Appointment["status"], ctx: CommandContext): Appointment {
  const settings = ctx.repos.settings.require().settings;
  const start = startInstant(card, settings.timeZone).getTime();
  const arrived = Math.min(ctx.now, start - 5 * MINUTE + ((card.id * 7) % 25) * MINUTE);
  const iso = (t: number) => new Date(t).toISOString();
  switch (then) {
    case "arrived":
    case "in_service":
    case "completed":
      return {
        ...card,
        status: then,
        arrivedAt: iso(arrived),
        arrivedLateMinutes: arrivedLateMinutes(card, settings, arrived),
        startedAt: then === "arrived" ? null : iso(arrived + 10 * MINUTE),
        completedAt: then === "completed" ? iso(Math.min(ctx.now, arrived + 70 * MINUTE)) : null,
        confirmedAt: iso(start - 24 * 60 * MINUTE),
      };
    case "confirmed":
      return { ...card, status: then, confirmedAt: iso(Math.min(ctx.now, start - 20 * 60 * MINUTE)) };
    case "no_show":
      return { ...card, status: then, lateAt: iso(lateDueAt(card, settings)) };
    default:
      return card;
  }
}

function seedSample(ctx: CommandContext, cmd: Sys<"sample.seed">): HandlerOutput {
  const { repos } = ctx;
  const settings = repos.settings.require().settings;
  const advisors = SAMPLE_ADVISORS.map((a) => repos.advisors.insert({ ...AdvisorInputSchema.parse(a), version: 1 }, ctx.nowIso, true));
  const bays = SAMPLE_BAYS.map((b) => repos.bays.insert({ ...BayInputSchema.parse(b), version: 1 }, ctx.nowIso, true));
  const nowLocal = localParts(ctx.now, settings.timeZone);
  const nowMinutes = nowLocal.date === cmd.date ? nowLocal.minutesOfDay : -1;
  const cards = sampleCards(settings.openTime, settings.closeTime, nowMinutes).map((c) => {
    const input = AppointmentInputSchema.parse({
      ...c.input,
      date: cmd.date,
      advisorId: advisors[c.advisor]!.id,
      bayId: c.bay === null ? null : bays[c.bay]!.id,
    });
    const inserted = repos.appointments.insert(freshCard(ctx, input), true);
    const told = sampleHistory(inserted, c.then, ctx);
    if (told !== inserted) repos.appointments.update(told);
    return told;
  });
  return {
    record: settings,
    ops: [{ kind: "resync" }],
    dates: null,
    audit: [
      {
        action: "sample.seed",
        entity: "settings",
        entityId: null,
        date: cmd.date,
        before: null,
        after: { advisors: advisors.length, bays: bays.length, appointments: cards.length },
      },
    ],
  };
}

function removeSample(ctx: CommandContext): HandlerOutput | null {
  if (ctx.repos.sample.count() === 0) return null;
  const removed = ctx.repos.sample.removeAll();
  return {
    record: ctx.repos.settings.require().settings,
    ops: [{ kind: "resync" }],
    dates: null,
    audit: [{ action: "sample.remove", entity: "settings", entityId: null, date: null, before: null, after: removed }],
  };
}

export function runSystemCommand(ctx: CommandContext, cmd: SystemCommand): HandlerOutput | null {
  switch (cmd.type) {
    case "appointment.mark_late":
      return markLate(ctx, cmd);
    case "appointment.mark_no_show":
      return markNoShow(ctx, cmd);
    case "site.init":
      return initSite(ctx, cmd);
    case "sample.seed":
      return seedSample(ctx, cmd);
    case "sample.remove":
      return removeSample(ctx);
    case "account.init":
      return initAccounts(ctx, cmd.passwordHash, cmd.mustChangePassword);
  }
}

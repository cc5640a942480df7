import type { Appointment } from "../../../shared/schemas/appointment.js";
import type { SystemCommand } from "../../../shared/schemas/commands.js";
import { dueTransitions, lateDueAt } from "../../../shared/rules/lateness.js";
import { greetingDueAt } from "../../../shared/rules/greeting.js";
import { generateDue } from "./call-commands.js";
import type { CommandContext, HandlerOutput } from "../command-context.js";
import { initAccounts } from "./access-commands.js";
import { removeSample, seedFixture } from "./sample-commands.js";

type Sys<T extends SystemCommand["type"]> = Extract<SystemCommand, { type: T }>;

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
async function markLate(ctx: CommandContext, cmd: Sys<"appointment.mark_late">): Promise<HandlerOutput | null> {
  const before = await ctx.repos.appointments.get(cmd.id);
  const settings = (await ctx.repos.settings.require()).settings;
  if (!before || !dueTransitions(before, settings, ctx.now).includes("late")) return null;
  const after = stamp(ctx, { ...before, lateAt: new Date(lateDueAt(before, settings)).toISOString() });
  await ctx.repos.appointments.update(after, before);
  return cardOutput("appointment.mark_late", before, after);
}

async function markNoShow(ctx: CommandContext, cmd: Sys<"appointment.mark_no_show">): Promise<HandlerOutput | null> {
  const before = await ctx.repos.appointments.get(cmd.id);
  const settings = (await ctx.repos.settings.require()).settings;
  if (!before || !dueTransitions(before, settings, ctx.now).includes("no_show")) return null;
  const after = stamp(ctx, { ...before, status: "no_show" });
  await ctx.repos.appointments.update(after, before);
  return cardOutput("appointment.mark_no_show", before, after);
}

async function markGreetingOverdue(ctx: CommandContext, cmd: Sys<"appointment.mark_greeting_overdue">): Promise<HandlerOutput | null> {
  const before = await ctx.repos.appointments.get(cmd.id);
  const settings = (await ctx.repos.settings.require()).settings;
  if (!before || !dueTransitions(before, settings, ctx.now).includes("greeting_overdue")) return null;
  const after = stamp(ctx, { ...before, greetingOverdueAt: new Date(greetingDueAt(before, settings)!).toISOString() });
  await ctx.repos.appointments.update(after, before);
  return cardOutput("appointment.mark_greeting_overdue", before, after);
}

async function initSite(ctx: CommandContext, cmd: Sys<"site.init">): Promise<HandlerOutput | null> {
  if (await ctx.repos.settings.get()) return null;
  await ctx.repos.settings.save(cmd.settings, 1, ctx.nowIso, ctx.actor.name);
  return {
    record: cmd.settings,
    ops: [{ kind: "settings", settings: cmd.settings, version: 1 }],
    dates: null,
    audit: [{ action: "site.init", entity: "settings", entityId: null, date: null, before: null, after: cmd.settings }],
  };
}

export async function runSystemCommand(ctx: CommandContext, cmd: SystemCommand): Promise<HandlerOutput | null> {
  switch (cmd.type) {
    case "appointment.mark_late":
      return markLate(ctx, cmd);
    case "appointment.mark_no_show":
      return markNoShow(ctx, cmd);
    case "appointment.mark_greeting_overdue":
      return markGreetingOverdue(ctx, cmd);
    case "site.init":
      return initSite(ctx, cmd);
    case "sample.seed":
      return seedFixture(ctx, cmd);
    case "sample.remove":
      return removeSample(ctx);
    case "account.init":
      return initAccounts(ctx, cmd.passwordHash, cmd.mustChangePassword);
    case "call.generate_due":
      return generateDue(ctx, cmd);
  }
}

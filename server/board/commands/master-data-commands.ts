import type { Advisor } from "../../../shared/schemas/advisor.js";
import type { Bay } from "../../../shared/schemas/bay.js";
import type { Command } from "../../../shared/schemas/commands.js";
import { mergeSettings } from "../../../shared/schemas/settings.js";
import { DomainError, notFound } from "../domain-error.js";
import { expectVersion, type CommandContext, type HandlerOutput } from "../command-context.js";

type Cmd<T extends Command["type"]> = Extract<Command, { type: T }>;

/** A patch's fields that were given (a field left out stays as it is). */
export function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** An advisor's specialties must be categories the site has. */
async function checkCategories(ctx: CommandContext, codes: readonly string[] | undefined, field: string): Promise<void> {
  if (codes === undefined) return;
  const known = new Set((await ctx.repos.settings.require()).settings.jobCategories.map((c) => c.code));
  const unknown = codes.find((c) => !known.has(c));
  if (unknown !== undefined) throw new DomainError("invalid_payload", `${field} names no job category (${unknown})`, field);
}

export async function createAdvisor(ctx: CommandContext, cmd: Cmd<"advisor.create">): Promise<HandlerOutput> {
  await checkCategories(ctx, cmd.input.jobCategories, "input.jobCategories");
  const advisor = await ctx.repos.advisors.insert({ ...cmd.input, version: 1 }, ctx.nowIso);
  return advisorOutput("advisor.create", null, advisor);
}

export async function updateAdvisor(ctx: CommandContext, cmd: Cmd<"advisor.update">): Promise<HandlerOutput> {
  const before = await ctx.repos.advisors.get(cmd.id);
  if (!before) throw notFound("advisor", cmd.id);
  expectVersion(before, cmd.version, "advisor");
  await checkCategories(ctx, cmd.changes.jobCategories, "changes.jobCategories");
  const after: Advisor = { ...before, ...defined(cmd.changes), version: before.version + 1 };
  await ctx.repos.advisors.update(after, ctx.nowIso);
  return advisorOutput("advisor.update", before, after);
}

function advisorOutput(action: string, before: Advisor | null, after: Advisor): HandlerOutput {
  return {
    record: after,
    ops: [{ kind: "advisor", advisor: after }],
    dates: null,
    audit: [{ action, entity: "advisor", entityId: after.id, date: null, before, after }],
  };
}

export async function createBay(ctx: CommandContext, cmd: Cmd<"bay.create">): Promise<HandlerOutput> {
  const bay = await ctx.repos.bays.insert({ ...cmd.input, version: 1 }, ctx.nowIso);
  return bayOutput("bay.create", null, bay);
}

export async function updateBay(ctx: CommandContext, cmd: Cmd<"bay.update">): Promise<HandlerOutput> {
  const before = await ctx.repos.bays.get(cmd.id);
  if (!before) throw notFound("bay", cmd.id);
  expectVersion(before, cmd.version, "bay");
  const after: Bay = { ...before, ...defined(cmd.changes), version: before.version + 1 };
  await ctx.repos.bays.update(after, ctx.nowIso);
  return bayOutput("bay.update", before, after);
}

function bayOutput(action: string, before: Bay | null, after: Bay): HandlerOutput {
  return {
    record: after,
    ops: [{ kind: "bay", bay: after }],
    dates: null,
    audit: [{ action, entity: "bay", entityId: after.id, date: null, before, after }],
  };
}

export async function updateSettings(ctx: CommandContext, cmd: Cmd<"settings.update">): Promise<HandlerOutput> {
  const before = await ctx.repos.settings.require();
  expectVersion(before, cmd.version, "settings");
  const merged = mergeSettings(before.settings, defined(cmd.changes));
  if (!merged.success) {
    const e = DomainError.fromZod(merged.error);
    throw new DomainError("invalid_payload", `changes.${e.message}`, `changes.${e.field}`);
  }
  const version = before.version + 1;
  await ctx.repos.settings.save(merged.data, version, ctx.nowIso, ctx.actor.name);
  return {
    record: merged.data,
    ops: [{ kind: "settings", settings: merged.data, version }],
    dates: null,
    audit: [{ action: "settings.update", entity: "settings", entityId: null, date: null, before: before.settings, after: merged.data }],
  };
}

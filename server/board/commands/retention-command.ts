import type { Command } from "../../../shared/schemas/commands.js";
import type { Retention } from "../../../shared/schemas/retention.js";
import { expectVersion, type CommandContext, type HandlerOutput } from "../command-context.js";

/** The manager sets how long the audit log stays online; the archiving job applies it on its next run. */
export async function updateRetention(ctx: CommandContext, cmd: Extract<Command, { type: "retention.update" }>): Promise<HandlerOutput> {
  const before = await ctx.repos.retention.get();
  expectVersion(before, cmd.version, "retention");
  const after: Retention = { auditDays: cmd.changes.auditDays, version: before.version + 1 };
  await ctx.repos.retention.set(after);
  return { record: after, ops: [], dates: null, audit: [{ action: "retention.update", entity: "settings", entityId: null, date: null, before, after }] };
}

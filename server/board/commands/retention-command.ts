import type { Command } from "../../../shared/schemas/commands.js";
import type { Retention } from "../../../shared/schemas/retention.js";
import { expectVersion, type CommandContext, type HandlerOutput } from "../command-context.js";

/** The manager sets how long the audit log stays online; the archiving job applies it on its next run. */
export function updateRetention(ctx: CommandContext, cmd: Extract<Command, { type: "retention.update" }>): HandlerOutput {
  const before = ctx.repos.retention.get();
  expectVersion(before, cmd.version, "retention");
  const after: Retention = { auditDays: cmd.changes.auditDays, version: before.version + 1 };
  ctx.repos.retention.set(after);
  return { record: after, ops: [], dates: null, audit: [{ action: "retention.update", entity: "settings", entityId: null, date: null, before, after }] };
}

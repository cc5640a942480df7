import type { Command } from "../../../shared/schemas/commands.js";
import type { CallEntry } from "../../../shared/schemas/call-lists.js";
import { LetterSettingsSchema, type ContactBatch } from "../../../shared/schemas/letters.js";
import { addDays, localParts } from "../../../shared/rules/zoned-time.js";
import { DomainError, notFound } from "../domain-error.js";
import { expectVersion, type AuditDraft, type CommandContext, type HandlerOutput } from "../command-context.js";
import { composeMessage, factsOf } from "../letter-facts.js";
import { defined } from "./master-data-commands.js";

type LetterCommand = Extract<Command, { type: `letters.${string}` }>;
type Cmd<T extends LetterCommand["type"]> = Extract<LetterCommand, { type: T }>;

export const isLetterCommand = (cmd: Command): cmd is LetterCommand => cmd.type.startsWith("letters.");

export async function dispatchLetters(ctx: CommandContext, cmd: LetterCommand): Promise<HandlerOutput> {
  switch (cmd.type) {
    case "letters.settings":
      return updateLetterSettings(ctx, cmd);
    case "letters.send":
      return sendContacts(ctx, cmd);
    case "letters.retry_text":
      return retryText(ctx, cmd);
  }
}

async function updateLetterSettings(ctx: CommandContext, cmd: Cmd<"letters.settings">): Promise<HandlerOutput> {
  const current = await ctx.repos.letters.settings();
  expectVersion(current, cmd.version, "letter settings");
  // each field was checked when the command was parsed; the whole is checked again as it will be stored
  const merged = LetterSettingsSchema.safeParse({ ...current.settings, ...defined(cmd.changes) });
  if (!merged.success) {
    const e = DomainError.fromZod(merged.error);
    throw new DomainError("invalid_payload", `changes.${e.message}`, `changes.${e.field}`);
  }
  await ctx.repos.letters.putSettings(merged.data, current.version + 1, ctx.nowIso, ctx.actor.name);
  return {
    record: { ...merged.data, version: current.version + 1 },
    ops: [],
    dates: [],
    audit: [{ action: "letters.settings", entity: "letter_settings", entityId: null, date: null, before: current.settings, after: merged.data }],
  };
}

/**
 * A batch of letters or texts: each is filled from the register as it is now and kept as it went
 * out, recorded on its entry (contacted now), and the entry's next call is put `followUpDays` on by
 * the server's clock, which is the follow-up call the letter announces. A text with a hook set up is
 * left pending for the hook, which sends it after the commit and never inside this transaction.
 */
async function sendContacts(ctx: CommandContext, cmd: Cmd<"letters.send">): Promise<HandlerOutput> {
  const { settings } = await ctx.repos.letters.settings();
  if (settings.hotline === "") throw new DomainError("invalid_payload", "hotline must be set before letters or texts go out", "hotline");
  const site = (await ctx.repos.settings.require()).settings;
  const language = cmd.language ?? site.language;
  const today = localParts(ctx.now, site.timeZone).date;
  const followUpDate = addDays(today, settings.followUpDays);
  const batchId = await ctx.repos.letters.insertBatch({ kind: cmd.kind, language, at: ctx.nowIso, by: ctx.actor.name, followUpDate });
  const audit: AuditDraft[] = [];
  const hooked = cmd.kind === "text" && settings.hookUrl !== "";
  for (const [i, id] of cmd.entryIds.entries()) {
    const field = `entryIds.${i}`;
    const before = await ctx.repos.calls.get(id);
    if (!before || before.state !== "open") throw new DomainError("invalid_payload", `${field} names no open list entry (${id})`, field);
    const vehicle = await ctx.repos.register.vehicle(before.vehicleId);
    if (!vehicle) throw new DomainError("invalid_payload", `${field} names an entry without a vehicle (${id})`, field);
    const facts = await factsOf(ctx.repos, vehicle, before.dueDate, settings.serviceIntervalKm);
    if (cmd.kind === "text" && facts.phone === "") throw new DomainError("invalid_payload", `${field}: the customer of entry ${id} has no phone for a text`, field);
    const { message } = composeMessage(cmd.kind, facts, settings, site.siteName, language, today);
    const send = await ctx.repos.letters.insertSend(
      { batchId, entryId: id, kind: cmd.kind, language, phone: facts.phone, plate: vehicle.plate, message, hookState: hooked ? "pending" : "none", at: ctx.nowIso },
      hooked ? ctx.now : null,
    );
    const after: CallEntry = { ...before, lastContactAt: ctx.nowIso, nextTryDate: followUpDate, version: before.version + 1, updatedAt: ctx.nowIso };
    await ctx.repos.calls.update(after);
    audit.push({ action: `call.${cmd.kind}_sent`, entity: "call_entry", entityId: id, date: null, before, after: { ...after, sendId: send.id, batchId } });
  }
  const record: Omit<ContactBatch, "sends"> & { count: number } = { id: batchId, kind: cmd.kind, language, at: ctx.nowIso, by: ctx.actor.name, followUpDate, count: cmd.entryIds.length };
  return { record, ops: [], dates: [], audit, textsQueued: hooked };
}

async function retryText(ctx: CommandContext, cmd: Cmd<"letters.retry_text">): Promise<HandlerOutput> {
  const before = await ctx.repos.letters.send(cmd.id);
  if (!before || before.kind !== "text") throw notFound("text", cmd.id);
  if (before.hookState !== "failed") throw new DomainError("invalid_transition", `text ${cmd.id} is ${before.hookState}, not failed`, "status", before);
  if ((await ctx.repos.letters.settings()).settings.hookUrl === "") throw new DomainError("invalid_payload", "hookUrl must be set to send texts again", "hookUrl");
  await ctx.repos.letters.setHookState(before.id, "pending", 0, "", ctx.now);
  const after = { ...before, hookState: "pending" as const, hookAttempts: 0, hookError: "" };
  return { record: after, ops: [], dates: [], audit: [{ action: "letters.retry_text", entity: "contact_send", entityId: before.id, date: null, before, after }], textsQueued: true };
}

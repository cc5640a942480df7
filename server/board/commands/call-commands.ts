import type { Command, SystemCommand } from "../../../shared/schemas/commands.js";
import type { Appointment } from "../../../shared/schemas/appointment.js";
import { DueRulesSchema, type CallEntry, type CallList } from "../../../shared/schemas/call-lists.js";
import { contactedRecently, dueDateOn, dueForCall, periodOf, sourceOfList, takenByOther } from "../../../shared/rules/due-lists.js";
import { addDays, localParts } from "../../../shared/rules/zoned-time.js";
import { DomainError, notFound } from "../domain-error.js";
import { expectVersion, type AuditDraft, type CommandContext, type HandlerOutput } from "../command-context.js";
import { createAppointment } from "./appointment-commands.js";
import { registerBooking } from "./register-commands.js";

type Cmd<T extends Command["type"]> = Extract<Command, { type: T }>;

const today = async (ctx: CommandContext): Promise<string> => localParts(ctx.now, (await ctx.repos.settings.require()).settings.timeZone).date;

const entryAudit = (action: string, before: CallEntry | null, after: CallEntry): AuditDraft => ({
  action,
  entity: "call_entry",
  entityId: after.id,
  date: null,
  before,
  after,
});

const entryOutput = (record: HandlerOutput["record"], audit: AuditDraft[]): HandlerOutput => ({ record, ops: [], dates: [], audit });

async function load(ctx: CommandContext, id: number): Promise<CallEntry> {
  const named = ctx.named?.call;
  const e = named?.id === id ? named : await ctx.repos.calls.get(id);
  if (!e) throw notFound("call entry", id);
  return e;
}

/** Outcomes and bookings need the entry still open and not in a colleague's hands. */
function workable(ctx: CommandContext, e: CallEntry, version: number): void {
  expectVersion(e, version, "call entry");
  if (e.state !== "open") throw new DomainError("invalid_transition", `call entry ${e.id} is ${e.state}`, "state", e);
  if (takenByOther(e, ctx.actor.id, ctx.now)) throw new DomainError("invalid_transition", `call entry ${e.id} is being called by ${e.claimedName}`, "claimedBy", e);
}

/**
 * Lists `list` by its rule on today's date. A vehicle already on the list for the same due date or
 * with an open entry, booked already, or contacted on any list lately is not listed again.
 */
async function generate(ctx: CommandContext, list: CallList, period: string, day: string): Promise<CallEntry[]> {
  const { rules } = await ctx.repos.calls.rules();
  const listed = await ctx.repos.calls.listed(list);
  const booked = await ctx.repos.calls.bookedVehicles(day);
  const contacts = await ctx.repos.calls.lastContacts();
  const made: CallEntry[] = [];
  for (const v of await ctx.repos.register.vehicles()) {
    const due = dueDateOn(list, v, rules, day);
    if (due === null || listed.open.has(v.id) || listed.keys.has(`${v.id}|${due}`) || booked.has(v.id)) continue;
    if (contactedRecently(contacts.get(v.id) ?? null, rules, ctx.now)) continue;
    made.push(
      await ctx.repos.calls.insert({
        list, period, vehicleId: v.id, customerId: v.customerId, advisorId: v.advisorId, reason: "", dueDate: due, state: "open", outcome: null,
        outcomeNote: "", attempts: 0, nextTryDate: null, lastContactAt: null, appointmentId: null, claimedBy: null, claimedName: null,
        claimedUntil: null, version: 1, createdAt: ctx.nowIso, updatedAt: ctx.nowIso,
      }),
    );
  }
  return made;
}

const generationOutput = (list: CallList, period: string, made: CallEntry[]): HandlerOutput =>
  entryOutput({ list, period, entries: made }, made.map((e) => entryAudit(`call.generate`, null, e)));

/** By hand: whenever the manager or the desk asks, for today's period; never recorded as the clock's run. */
export async function generateByHand(ctx: CommandContext, cmd: Cmd<"call.generate">): Promise<HandlerOutput> {
  if (!periodIsGenerated(cmd.list)) throw new DomainError("invalid_payload", `list ${cmd.list} is filled by hand or CSV, not by rule`, "list");
  const day = await today(ctx);
  const period = periodOf(cmd.list, day);
  return generationOutput(cmd.list, period, await generate(ctx, cmd.list, period, day));
}

const periodIsGenerated = (list: CallList): boolean => !["parts_arrived", "unresolved_fault", "campaign"].includes(list);

/** The clock's run for (list, period): at most once, whatever restarts or second servers happen. */
export async function generateDue(ctx: CommandContext, cmd: Extract<SystemCommand, { type: "call.generate_due" }>): Promise<HandlerOutput | null> {
  if (await ctx.repos.calls.generated(cmd.list, cmd.period)) return null;
  const made = await generate(ctx, cmd.list, cmd.period, cmd.today);
  // the primary key refuses a second (list, period) even from another process; the throw rolls this back
  await ctx.repos.calls.recordGeneration(cmd.list, cmd.period, ctx.nowIso, ctx.actor.name, made.length);
  return generationOutput(cmd.list, cmd.period, made);
}

export async function addEntry(ctx: CommandContext, cmd: Cmd<"call.add">): Promise<HandlerOutput> {
  const vehicle = await ctx.repos.register.vehicle(cmd.input.vehicleId);
  if (!vehicle) throw new DomainError("invalid_payload", `input.vehicleId names no vehicle (${cmd.input.vehicleId})`, "input.vehicleId");
  const advisorId = cmd.input.advisorId ?? vehicle.advisorId;
  if (advisorId !== null && !await ctx.repos.advisors.get(advisorId)) throw new DomainError("invalid_payload", `input.advisorId names no advisor (${advisorId})`, "input.advisorId");
  const e = await ctx.repos.calls.insert({
    list: cmd.input.list, period: await today(ctx), vehicleId: vehicle.id, customerId: vehicle.customerId, advisorId, reason: cmd.input.reason,
    dueDate: cmd.input.dueDate, state: "open", outcome: null, outcomeNote: "", attempts: 0, nextTryDate: null, lastContactAt: null,
    appointmentId: null, claimedBy: null, claimedName: null, claimedUntil: null, version: 1, createdAt: ctx.nowIso, updatedAt: ctx.nowIso,
  });
  return entryOutput(e, [entryAudit("call.add", null, e)]);
}

/**
 * Gives the caller the next entry to call: one they hold already, else the first that is due today
 * and free (never taken, or its taker's time ran out). The write lock makes two callers' claims
 * one after the other, so they never get the same entry.
 */
export async function claimNext(ctx: CommandContext, cmd: Cmd<"call.claim">): Promise<HandlerOutput> {
  const { rules } = await ctx.repos.calls.rules();
  const day = await today(ctx);
  const mine = (e: CallEntry) => ctx.actor.role !== "advisor" || e.advisorId === ctx.actor.advisorId;
  const open = (await ctx.repos.calls.list(cmd.list, false)).filter((e) => dueForCall(e, day) && mine(e));
  const held = open.find((e) => e.claimedBy === ctx.actor.id && (e.claimedUntil ?? 0) > ctx.now);
  const next = held ?? open.find((e) => !takenByOther(e, ctx.actor.id, ctx.now));
  if (!next) throw new DomainError("not_found", `no free entry on the ${cmd.list} list`);
  const after: CallEntry = { ...next, claimedBy: ctx.actor.id, claimedName: ctx.actor.name, claimedUntil: ctx.now + rules.claimMinutes * 60_000, version: next.version + 1, updatedAt: ctx.nowIso };
  await ctx.repos.calls.update(after);
  return entryOutput(after, [entryAudit("call.claim", next, after)]);
}

export async function release(ctx: CommandContext, cmd: Cmd<"call.release">): Promise<HandlerOutput> {
  const before = await load(ctx, cmd.id);
  if (takenByOther(before, ctx.actor.id, ctx.now) && ctx.actor.role !== "manager") {
    throw new DomainError("invalid_transition", `call entry ${before.id} is being called by ${before.claimedName}`, "claimedBy", before);
  }
  const after: CallEntry = { ...before, claimedBy: null, claimedName: null, claimedUntil: null, version: before.version + 1, updatedAt: ctx.nowIso };
  await ctx.repos.calls.update(after);
  return entryOutput(after, [entryAudit("call.release", before, after)]);
}

/** An entry after a call: one more try, contacted now, and free again for whoever comes next. */
const called = (ctx: CommandContext, e: CallEntry): CallEntry => ({
  ...e,
  attempts: e.attempts + 1,
  lastContactAt: ctx.nowIso,
  claimedBy: null,
  claimedName: null,
  claimedUntil: null,
  version: e.version + 1,
  updatedAt: ctx.nowIso,
});

/** 拒绝 and 号码错误 close the entry; 无人接听 counts a try and brings it back tomorrow; 稍后联系 on the agreed day. */
export async function recordOutcome(ctx: CommandContext, cmd: Cmd<"call.outcome">): Promise<HandlerOutput> {
  const before = await load(ctx, cmd.id);
  workable(ctx, before, cmd.version);
  const day = await today(ctx);
  let next: Pick<CallEntry, "state" | "nextTryDate"> = { state: "closed", nextTryDate: null };
  if (cmd.outcome === "no_answer") next = { state: "open", nextTryDate: addDays(day, 1) };
  if (cmd.outcome === "call_back") {
    if (cmd.callBackDate === undefined || cmd.callBackDate <= day) throw new DomainError("invalid_payload", "callBackDate must be a day after today", "callBackDate");
    next = { state: "open", nextTryDate: cmd.callBackDate };
  }
  const after: CallEntry = { ...called(ctx, before), ...next, outcome: cmd.outcome, outcomeNote: cmd.note };
  await ctx.repos.calls.update(after);
  return entryOutput(after, [entryAudit(`call.${cmd.outcome}`, before, after)]);
}

/** 已预约: the card is made as the list says (its source, initiated by the dealer), linked to the entry's vehicle. */
export async function bookFromEntry(ctx: CommandContext, cmd: Cmd<"call.book">): Promise<HandlerOutput> {
  const before = await load(ctx, cmd.id);
  workable(ctx, before, cmd.version);
  const card = await createAppointment(ctx, { type: "appointment.create", input: { ...cmd.input, source: sourceOfList(before.list), initiatedBy: "dealer" } });
  const appointment = card.record as Appointment;
  const register = await registerBooking(ctx, appointment, before.id, before.vehicleId);
  const after: CallEntry = { ...called(ctx, before), state: "booked", outcome: "booked", appointmentId: appointment.id };
  await ctx.repos.calls.update(after);
  return { ...card, record: { entry: after, appointment }, audit: [...card.audit, ...register, entryAudit("call.booked", before, after)] };
}

export async function updateRules(ctx: CommandContext, cmd: Cmd<"call.rules">): Promise<HandlerOutput> {
  const current = await ctx.repos.calls.rules();
  expectVersion(current, cmd.version, "rules");
  const merged = DueRulesSchema.parse({ ...current.rules, ...Object.fromEntries(Object.entries(cmd.changes).filter(([, v]) => v !== undefined)) });
  await ctx.repos.calls.putRules(merged, current.version + 1, ctx.nowIso, ctx.actor.name);
  return entryOutput(merged, [{ action: "call.rules", entity: "call_rules", entityId: null, date: null, before: current.rules, after: merged }]);
}

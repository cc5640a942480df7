import type { Appointment } from "../../../shared/schemas/appointment.js";
import { AppointmentInputSchema } from "../../../shared/schemas/appointment.js";
import { AdvisorInputSchema, type Advisor } from "../../../shared/schemas/advisor.js";
import { BayInputSchema, type Bay } from "../../../shared/schemas/bay.js";
import type { SystemCommand } from "../../../shared/schemas/commands.js";
import { mergeSettings, type Settings, type SettingsPatch } from "../../../shared/schemas/settings.js";
import { arrivedLateMinutes, lateDueAt } from "../../../shared/rules/lateness.js";
import { addDays, zonedInstant } from "../../../shared/rules/zoned-time.js";
import type { CardStory } from "../../sample/card-story.js";
import { FIXTURES } from "../../sample/fixture-plan.js";
import type { CommandContext, HandlerOutput } from "../command-context.js";
import { freshCard } from "./appointment-commands.js";

type Seed = Extract<SystemCommand, { type: "sample.seed" }>;

const MINUTE = 60_000;

/** What a `sample.seed` changed in the settings, so removing the sample can put them back. */
interface SeededSettings {
  before: SettingsPatch;
  after: SettingsPatch;
}

/** The card with its story written in: the statuses and times a real day would have left on it by now. */
function told(card: Appointment, story: CardStory, settings: Settings, now: number): Appointment {
  const midnight = zonedInstant(card.date, "00:00", settings.timeZone).getTime();
  // a story is planned in whole minutes; nothing it tells may lie after the server's clock
  const at = (m: number | null) => (m === null ? null : Math.min(now, midnight + m * MINUTE));
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  const arrived = at(story.arrivedAt);
  const lateDue = lateDueAt(card, settings);
  // the clock marked it 延时到店 before it came, or it never came
  const lateAt = story.status === "no_show" || (arrived !== null && arrived > lateDue) ? iso(lateDue) : null;
  return {
    ...card,
    status: story.status,
    lateAt,
    confirmedAt: iso(at(story.confirmedAt)),
    arrivedAt: iso(arrived),
    arrivedLateMinutes: arrived === null ? null : arrivedLateMinutes(card, settings, arrived),
    ...greetingOf(arrived, at(story.greetedAt), settings),
    startedAt: iso(at(story.startedAt)),
    completedAt: iso(at(story.completedAt)),
    cancelledAt: iso(at(story.cancelledAt)),
  };
}

/** The greeting's stamp, and the clock's overdue mark when it came after the site's limit (as the clock would have left it). */
function greetingOf(arrived: number | null, greeted: number | null, settings: Settings): Pick<Appointment, "greetedAt" | "greetingOverdueAt"> {
  if (arrived === null) return { greetedAt: null, greetingOverdueAt: null };
  const due = arrived + settings.greetingLimitMinutes * MINUTE;
  // one not greeted yet is left to the clock, which marks it when it falls due
  return { greetedAt: greeted === null ? null : new Date(greeted).toISOString(), greetingOverdueAt: greeted !== null && greeted >= due ? new Date(due).toISOString() : null };
}

async function saveSettings(ctx: CommandContext, settings: Settings): Promise<void> {
  const stored = await ctx.repos.settings.require();
  await ctx.repos.settings.save(settings, stored.version + 1, ctx.nowIso, ctx.actor.name);
}

/**
 * Takes every sample row off the board; settings the last seed changed go back to what they were,
 * unless someone has changed them since. Null when there was no sample.
 */
async function takeSampleOff(ctx: CommandContext): Promise<Record<string, unknown> | null> {
  const { repos } = ctx;
  if (await repos.sample.count() === 0) return null;
  const removed = await repos.sample.removeAll();
  const seeded = ((await repos.audit.latestSiteWide("sample.seed"))?.after as { settings?: SeededSettings } | null)?.settings;
  const current = (await repos.settings.require()).settings;
  const untouched = seeded && Object.entries(seeded.after).every(([k, v]) => current[k as keyof Settings] === v);
  if (!seeded || !untouched || Object.keys(seeded.before).length === 0) return { ...removed, settings: null };
  const restored = mergeSettings(current, seeded.before);
  if (!restored.success) return { ...removed, settings: null };
  await saveSettings(ctx, restored.data);
  return { ...removed, settings: seeded.before };
}

/**
 * Fills the board with a fixture (the sample, a busy day, a big site) on `date` and the day after,
 * every row marked as sample so that `sample.remove` takes it all off again. The settings the day
 * needs (hours, slot length, capacity) are changed with it and remembered in the audit entry.
 */
export async function seedFixture(ctx: CommandContext, cmd: Seed): Promise<HandlerOutput> {
  const { repos } = ctx;
  const name = cmd.fixture ?? "sample";
  const spec = FIXTURES[name];
  const replaced = cmd.replace ? await takeSampleOff(ctx) : null;

  const current = (await repos.settings.require()).settings;
  const changed = Object.fromEntries(Object.entries(spec.settings).filter(([k, v]) => current[k as keyof Settings] !== v)) as SettingsPatch;
  const before = Object.fromEntries(Object.keys(changed).map((k) => [k, current[k as keyof Settings]])) as SettingsPatch;
  const merged = mergeSettings(current, changed);
  if (!merged.success) throw new Error(`fixture ${name} does not fit the site's settings: ${merged.error.message}`);
  const settings = merged.data;
  if (Object.keys(changed).length > 0) await saveSettings(ctx, settings);

  const advisors: Advisor[] = [];
  for (const a of spec.advisors) advisors.push(await repos.advisors.insert({ ...AdvisorInputSchema.parse(a), version: 1 }, ctx.nowIso, true));
  const bays: Bay[] = [];
  for (const b of spec.bays) bays.push(await repos.bays.insert({ ...BayInputSchema.parse(b), version: 1 }, ctx.nowIso, true));
  let appointments = 0;
  for (const offset of [0, 1] as const) {
    const date = addDays(cmd.date, offset);
    const now = Math.floor((ctx.now - zonedInstant(date, "00:00", settings.timeZone).getTime()) / MINUTE);
    for (const c of spec.day(offset, now, settings)) {
      const input = AppointmentInputSchema.parse({
        ...c.input,
        date,
        advisorId: advisors[c.advisor]!.id,
        bayId: c.bay === null ? null : bays[c.bay]!.id,
      });
      const inserted = await repos.appointments.insert(await freshCard(ctx, input), true);
      await repos.appointments.update(told(inserted, c.story, settings, ctx.now), inserted);
      appointments++;
    }
  }
  const seeded: SeededSettings = { before, after: changed };
  return {
    record: settings,
    ops: [{ kind: "resync" }],
    dates: null,
    audit: [
      ...(replaced ? [{ action: "sample.remove", entity: "settings" as const, entityId: null, date: null, before: null, after: replaced }] : []),
      {
        action: "sample.seed",
        entity: "settings",
        entityId: null,
        date: cmd.date,
        before: null,
        after: { fixture: name, advisors: advisors.length, bays: bays.length, appointments, settings: seeded },
      },
    ],
  };
}

export async function removeSample(ctx: CommandContext): Promise<HandlerOutput | null> {
  const removed = await takeSampleOff(ctx);
  if (!removed) return null;
  return {
    record: (await ctx.repos.settings.require()).settings,
    ops: [{ kind: "resync" }],
    dates: null,
    audit: [{ action: "sample.remove", entity: "settings", entityId: null, date: null, before: null, after: removed }],
  };
}

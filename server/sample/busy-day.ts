import type { BayInput, BayKind } from "../../shared/schemas/bay.js";
import { formatMinutesOfDay, minutesOfDay } from "../../shared/rules/time-of-day.js";
import { storyOf, type PlannedCard, type StoryRules } from "./card-story.js";
import { booking, type Job } from "./people.js";
import type { Random } from "./seeded-random.js";

/** Bays of a site in the proportions its jobs need them: quick service first, then repair, diagnosis, body and paint, wash. */
const BAY_MIX: { kind: BayKind; label: string; share: number }[] = [
  { kind: "quick_service", label: "快保工位", share: 0.45 },
  { kind: "general_repair", label: "机修工位", share: 0.3 },
  { kind: "diagnosis", label: "诊断工位", share: 0.12 },
  { kind: "body_paint", label: "钣喷工位", share: 0.08 },
  { kind: "wash", label: "洗车工位", share: 0.05 },
];

/** `n` bays (at least one of each kind), numbered 1号, 2号 … as the workshop floor is. */
export function siteBays(n: number): BayInput[] {
  const counts = BAY_MIX.map((m) => Math.max(1, Math.round(n * m.share)));
  counts[0]! += n - counts.reduce((a, b) => a + b, 0);
  const out: BayInput[] = [];
  BAY_MIX.forEach((m, k) => {
    for (let j = 0; j < counts[k]!; j++) out.push({ name: `${out.length + 1}号 ${m.label}`, kind: m.kind });
  });
  return out;
}

export interface DayOptions {
  advisors: number;
  bays: readonly BayInput[];
  /** Each advisor's start times, minutes of the day. */
  starts: (advisor: number) => number[];
  durationMinutes: number;
  /** Minutes from this day's local midnight to the moment the fixture is loaded (negative: before the day). */
  now: number;
  rules: StoryRules;
  /** Jobs the first cards of the day must have, one each (the day before wants a repeat repair and a complaint). */
  featured?: ((job: Job) => boolean)[];
  /** Parts picked and labelled: nearly all on the day itself, about half while the day before is still under way. */
  partsReadyShare: number;
}

/** How many cards of a day keep no bay (given at reception), and how many share a bay by mistake, as real days have. */
const NO_BAY_SHARE = 0.12;
const DOUBLE_BOOKED_SHARE = 0.01;

/**
 * A generated day: every advisor's cards at their start times, each with a customer, a car and a
 * job, a bay of the kind the job needs that is free at that time (a few with none and about one in a
 * hundred on a bay already taken, which the board marks ⚠), and its story up to `now`.
 */
export function generateDay(rnd: Random, o: DayOptions): PlannedCard[] {
  const taken = new Set<string>();
  const busy = new Map<number, [number, number][]>();
  const free = (bay: number, from: number, to: number) => !(busy.get(bay) ?? []).some(([a, b]) => a < to && from < b);
  const plan: { advisor: number; start: number }[] = [];
  for (let a = 0; a < o.advisors; a++) for (const start of o.starts(a)) plan.push({ advisor: a, start });
  plan.sort((x, y) => x.start - y.start || x.advisor - y.advisor);
  const featured = [...(o.featured ?? [])];

  const cards = plan.map(({ advisor, start }): PlannedCard => {
    const wanted = featured.shift();
    let b = booking(rnd, taken);
    for (let n = 0; wanted && !wanted(b.job) && n < 500; n++) b = booking(rnd, taken);
    const end = start + o.durationMinutes;
    const roll = rnd.next();
    const candidates = o.bays.map((bay, i) => ({ bay, i })).filter(({ i }) => free(i, start, end));
    const fitting = candidates.filter(({ bay }) => bay.kind === b.job.bay);
    const clashing = o.bays.map((_, i) => i).filter((i) => !free(i, start, end));
    let bay: number | null;
    if (roll < NO_BAY_SHARE) bay = null;
    else if (roll < NO_BAY_SHARE + DOUBLE_BOOKED_SHARE && clashing.length > 0) bay = rnd.pick(clashing);
    else bay = (fitting[0] ?? candidates[0])?.i ?? null;
    if (bay !== null) busy.set(bay, [...(busy.get(bay) ?? []), [start, end]]);
    const { job, ...customer } = b;
    const story = storyOf(rnd, start, job.minutes, o.now, o.rules);
    return {
      advisor,
      bay,
      story,
      input: {
        ...customer,
        startTime: formatMinutesOfDay(start),
        durationMinutes: o.durationMinutes,
        jobCategory: categoryOf(job),
        preparation: {
          partsNeeded: job.parts ?? false,
          partsReady: (job.parts ?? false) && rnd.chance(o.partsReadyShare),
          repeatRepair: job.repeatRepair ?? false,
          complaint: job.complaint ?? false,
          needsRoadTest: job.roadTest ?? false,
        },
      },
    };
  });
  keepSomeoneRunningLate(rnd, cards, o);
  return cards;
}

/**
 * A busy reception always has someone running late: when chance left fewer than one in ten
 * advisors with a customer past the grace and not yet come, customers due in that span who have
 * come are made to be still on their way (the clock then marks them 延时到店).
 */
function keepSomeoneRunningLate(rnd: Random, cards: PlannedCard[], o: DayOptions): void {
  const { lateGraceMinutes: grace, noShowAfterMinutes: noShow } = o.rules;
  const due = (c: PlannedCard) => {
    const start = minutesOfDay(c.input.startTime);
    return start + grace < o.now && o.now < start + noShow;
  };
  const awaited = (c: PlannedCard) => c.story.status === "booked" || c.story.status === "confirmed";
  const wanted = Math.ceil(o.advisors / 10) - cards.filter((c) => due(c) && awaited(c)).length;
  const came = cards.filter((c) => due(c) && c.story.arrivedAt !== null);
  for (let n = 0; n < wanted && came.length > 0; n++) {
    const c = came.splice(rnd.int(0, came.length - 1), 1)[0]!;
    c.story = { ...c.story, status: c.story.confirmedAt === null ? "booked" : "confirmed", arrivedAt: null, greetedAt: null, startedAt: null, completedAt: null };
  }
}

/** The job category the booking desk would pick for a job (作业类别), from what the job is and the bay it needs. */
export function categoryOf(job: Pick<Job, "source" | "bay">): string {
  if (job.source === "recall") return "recall";
  switch (job.bay) {
    case "body_paint":
      return "body_paint";
    case "wash":
      return "wash";
    case "diagnosis":
      return "diagnosis";
    case "quick_service":
      return job.source === "regular_maintenance" || job.source === "service_campaign" ? "maintenance" : "quick_repair";
    default:
      return job.source === "regular_maintenance" ? "maintenance" : "mechanical";
  }
}

/** An advisor's starts every `every` minutes from `open`, `count` of them. */
export function rhythm(open: number, every: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => open + k * every);
}

/** `count` starts on the half hour between `from` and `to`, none closer than `gap` minutes, drawn at random. */
export function scattered(rnd: Random, from: number, to: number, count: number, gap: number): number[] {
  const out: number[] = [];
  for (let tries = 0; out.length < count && tries < 200; tries++) {
    const t = from + rnd.int(0, Math.floor((to - from) / 30) - 1) * 30;
    if (out.every((u) => Math.abs(u - t) >= gap)) out.push(t);
  }
  return out.sort((a, b) => a - b);
}

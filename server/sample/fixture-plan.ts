import type { AdvisorInput } from "../../shared/schemas/advisor.js";
import type { BayInput } from "../../shared/schemas/bay.js";
import type { FixtureName } from "../../shared/schemas/sample.js";
import type { Settings, SettingsPatch } from "../../shared/schemas/settings.js";
import { minutesOfDay } from "../../shared/rules/time-of-day.js";
import type { PlannedCard } from "./card-story.js";
import { generateDay, rhythm, scattered, siteBays } from "./busy-day.js";
import { advisorColour, advisorName } from "./people.js";
import { sampleCards, SAMPLE_ADVISORS, SAMPLE_BAYS } from "./sample-board.js";
import { seededRandom, seedOf } from "./seeded-random.js";

/** The settings a day is generated against (the site's, with the fixture's own changes applied). */
export type DayRules = Pick<Settings, "openTime" | "closeTime" | "lateGraceMinutes" | "noShowAfterMinutes">;

export interface FixtureSpec {
  /** One line for `npm run sample` and the README. */
  summary: string;
  /** What the day needs of the site's settings: its opening hours, slot length and capacity. */
  settings: SettingsPatch;
  advisors: AdvisorInput[];
  bays: BayInput[];
  /** The cards of the fixture's first day (`offset` 0) and of the day after (1), seen `now` minutes after that day's midnight. */
  day(offset: 0 | 1, now: number, rules: DayRules): PlannedCard[];
}

const rules = (r: DayRules) => ({ lateGraceMinutes: r.lateGraceMinutes, noShowAfterMinutes: r.noShowAfterMinutes });
const rnd = (name: FixtureName, offset: number) => seededRandom(seedOf(`magboard fixture ${name} day ${offset}`));

/** Parts are picked and labelled the day before: nearly all are ready on the day, about half while the day before goes on. */
const partsReadyShare = (offset: 0 | 1) => (offset === 0 ? 0.95 : 0.5);

/**
 * A reception at quick-service rhythm: every advisor takes a card every `every` minutes from
 * opening, each `duration` minutes long, on both days.
 */
function busySite(name: FixtureName, o: { summary: string; advisors: number; bays: number; every: number; perAdvisor: number; settings: SettingsPatch }): FixtureSpec {
  const bays = siteBays(o.bays);
  return {
    summary: o.summary,
    settings: o.settings,
    advisors: Array.from({ length: o.advisors }, (_, i) => ({ name: advisorName(i), color: advisorColour(i), displayOrder: i + 1 })),
    bays,
    day(offset, now, r) {
      return generateDay(rnd(name, offset), {
        advisors: o.advisors,
        bays,
        starts: () => rhythm(minutesOfDay(r.openTime), o.every, o.perAdvisor),
        durationMinutes: o.every,
        now,
        rules: rules(r),
        partsReadyShare: partsReadyShare(offset),
      });
    },
  };
}

/** One place for every day magboard is tried, tested and measured on. */
export const FIXTURES: Record<FixtureName, FixtureSpec> = {
  sample: {
    summary: "the sample: 4 advisors, about 20 cards today around the present, about 16 tomorrow for the day-before lists",
    settings: {},
    advisors: SAMPLE_ADVISORS,
    bays: SAMPLE_BAYS,
    day(offset, now, r) {
      if (offset === 0) return sampleCards(r.openTime, r.closeTime, now);
      const random = rnd("sample", offset);
      const open = minutesOfDay(r.openTime);
      const close = Math.min(minutesOfDay(r.closeTime), open + 10 * 60);
      // tomorrow's calls and preparation: a repeat repair for the technical director, a complaint for the manager, parts and a road test
      return generateDay(random, {
        advisors: SAMPLE_ADVISORS.length,
        bays: SAMPLE_BAYS,
        starts: () => scattered(random, open, close, 4, 90),
        durationMinutes: 60,
        now,
        rules: rules(r),
        featured: [(j) => j.repeatRepair === true, (j) => j.complaint === true, (j) => j.parts === true && j.roadTest === true],
        partsReadyShare: partsReadyShare(offset),
      });
    },
  },
  busy: busySite("busy", {
    summary: "a busy day: 8 advisors, two 30-minute cards an hour each (192 a day), 60-minute slots",
    advisors: 8,
    bays: 10,
    every: 30,
    perAdvisor: 24,
    settings: { openTime: "08:00", closeTime: "20:00", slotMinutes: 60, advisorCapacityPerSlot: 2 },
  }),
  "busy-30": busySite("busy-30", {
    summary: "the same busy day on 30-minute slots",
    advisors: 8,
    bays: 10,
    every: 30,
    perAdvisor: 24,
    settings: { openTime: "08:00", closeTime: "20:00", slotMinutes: 30, advisorCapacityPerSlot: 1 },
  }),
  full: busySite("full", {
    summary: "a full day: 12 advisors × 25 cards (300), 08:00–21:00, 60-minute slots",
    advisors: 12,
    bays: 14,
    every: 30,
    perAdvisor: 25,
    settings: { openTime: "08:00", closeTime: "21:00", slotMinutes: 60, advisorCapacityPerSlot: 2 },
  }),
  big: busySite("big", {
    summary: "a big site: 30 advisors × 30 cards (900), a card every 20 minutes, 08:00–18:00",
    advisors: 30,
    bays: 36,
    every: 20,
    perAdvisor: 30,
    settings: { openTime: "08:00", closeTime: "18:00", slotMinutes: 60, advisorCapacityPerSlot: 3 },
  }),
};

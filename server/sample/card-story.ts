import type { AppointmentInput, AppointmentStatus } from "../../shared/schemas/appointment.js";
import type { Random } from "./seeded-random.js";

/**
 * What has happened to one booking by the moment a fixture is loaded. Times are minutes from the
 * local midnight that starts the card's date (negative: the day before); null: has not happened.
 */
export interface CardStory {
  status: AppointmentStatus;
  confirmedAt: number | null;
  arrivedAt: number | null;
  /** 已出迎: when the advisor came out; most within the three minutes, some later. */
  greetedAt: number | null;
  startedAt: number | null;
  completedAt: number | null;
  cancelledAt: number | null;
}

/** One card of a fixture: who serves it and where (indexes into the fixture's advisors and bays), the booking, and its story. */
export interface PlannedCard {
  advisor: number;
  bay: number | null;
  input: Omit<AppointmentInput, "advisorId" | "bayId" | "date">;
  story: CardStory;
}

export interface StoryRules {
  lateGraceMinutes: number;
  noShowAfterMinutes: number;
}

const NOTHING_YET: CardStory = { status: "booked", confirmedAt: null, arrivedAt: null, greetedAt: null, startedAt: null, completedAt: null, cancelledAt: null };

/** The day-before confirmation calls run from 09:00 to 18:00 the day before. */
const CALLS_FROM = -15 * 60;
const CALLS_FOR = 9 * 60;

/**
 * How a real day goes for a booking at `start` (minutes of its day) whose job takes `workshopMinutes`,
 * seen at `now` (minutes from the same midnight). The customer was called the day before (most were
 * reached and confirmed, a few cancelled), most come within a quarter of an hour of the time, some
 * early, one in five after the grace, one in twenty never; reception takes ten to twenty minutes and the job about
 * as long as estimated. Every draw is made whatever `now` is, so a card is the same card at any hour
 * and only how far its story has got depends on the time.
 *
 * A customer who has not come yet stays booked or confirmed: the server's clock then marks it
 * 延时到店 and 爽约 itself, as it would any card. Arrivals stay before the no-show time, so no card
 * is both.
 */
export function storyOf(rnd: Random, start: number, workshopMinutes: number, now: number, rules: StoryRules): CardStory {
  const call = CALLS_FROM + rnd.int(0, CALLS_FOR);
  const reached = rnd.chance(0.85);
  const cancels = rnd.chance(0.03);
  const neverComes = rnd.chance(0.05);
  const kind = rnd.next();
  const latest = Math.max(rules.lateGraceMinutes + 1, rules.noShowAfterMinutes - 1);
  const offset =
    kind < 0.15
      ? rnd.int(-35, -16) // early, as people who fear the traffic are
      : kind < 0.8
        ? rnd.int(-15, 10)
        : rnd.int(Math.min(rules.lateGraceMinutes + 1, latest), latest); // after the grace: arrives 延时
  const reception = rnd.int(8, 20);
  const job = Math.round(workshopMinutes * (0.8 + 0.5 * rnd.next()));

  let story: CardStory = NOTHING_YET;
  if (reached && call <= now) {
    if (cancels) return { ...NOTHING_YET, status: "cancelled", cancelledAt: call };
    story = { ...story, status: "confirmed", confirmedAt: call };
  }
  if (neverComes) return start + rules.noShowAfterMinutes <= now ? { ...story, status: "no_show" } : story;
  const arrivedAt = start + offset;
  if (arrivedAt > now) return story;
  // taken from the reception's draw, not a new one, so every other card of a fixture stays as it was:
  // 0–4 minutes, so about one greeting in five is past the three-minute limit
  const greetedAt = arrivedAt + (reception % 5);
  story = { ...story, status: "arrived", arrivedAt, greetedAt: greetedAt > now ? null : greetedAt };
  const startedAt = arrivedAt + reception;
  if (startedAt > now) return story;
  story = { ...story, status: "in_service", startedAt };
  const completedAt = startedAt + job;
  return completedAt > now ? story : { ...story, status: "completed", completedAt };
}

/**
 * The hand-written sample's cards say only where they stand (`then`); this gives them the times
 * that go with it: arrived a few minutes either side of the start, reception ten minutes, an hour
 * and ten for the job, confirmed the day before.
 */
export function storyAt(then: AppointmentStatus, start: number, now: number, i: number): CardStory {
  const arrivedAt = Math.min(now, start - 5 + ((i * 7) % 25));
  switch (then) {
    case "arrived":
    case "in_service":
    case "completed":
      return {
        ...NOTHING_YET,
        status: then,
        confirmedAt: start - 24 * 60,
        arrivedAt,
        // the latest arrival may still be waiting for its advisor
        greetedAt: arrivedAt + 2 + (i % 3) > now ? null : arrivedAt + 2 + (i % 3),
        startedAt: then === "arrived" ? null : Math.min(now, arrivedAt + 10),
        completedAt: then === "completed" ? Math.min(now, arrivedAt + 70) : null,
      };
    case "confirmed":
      return { ...NOTHING_YET, status: then, confirmedAt: Math.min(now, start - 20 * 60) };
    case "cancelled":
      return { ...NOTHING_YET, status: then, cancelledAt: Math.min(now, start - 20 * 60) };
    case "no_show":
    case "booked":
      return { ...NOTHING_YET, status: then };
  }
}

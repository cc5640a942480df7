import type { Advisor } from "../schemas/advisor.js";
import type { Appointment } from "../schemas/appointment.js";
import type { Bay } from "../schemas/bay.js";
import type { JobCategory } from "../schemas/job-category.js";
import { isAwaited } from "./lateness.js";
import { isClosed } from "./status.js";
import { minutesOfDay } from "./time-of-day.js";
import { weekdayOf } from "./zoned-time.js";

/** How far ahead the walk-in suggestion looks at an advisor's customers (issue 13: the next two hours). */
export const SUGGESTION_WINDOW_MINUTES = 120;

/**
 * Whether an advisor takes a job category. An advisor with no categories set takes every job (a site
 * that has not set specialties yet), and an uncategorised card (未分类) fits every advisor.
 */
export function takesCategory(advisor: Pick<Advisor, "jobCategories">, category: string | null): boolean {
  return category === null || advisor.jobCategories.length === 0 || advisor.jobCategories.includes(category);
}

/** Whether a bay's kind suits a category; no bay, or no category, fits. */
export function bayFits(bay: Pick<Bay, "kind"> | null, category: string | null, categories: readonly JobCategory[]): boolean {
  if (bay === null || category === null) return true;
  const c = categories.find((x) => x.code === category);
  return c === undefined || c.bayKinds.length === 0 || c.bayKinds.includes(bay.kind);
}

export type ReceptionWarning = "advisor_not_specialised" | "bay_kind_mismatch";

/** What the booking form, the import and the walk-in warn about (never refuse): advisor or bay not of the card's job type. */
export function receptionWarnings(
  card: Pick<Appointment, "advisorId" | "bayId" | "jobCategory">,
  advisors: readonly Advisor[],
  bays: readonly Bay[],
  categories: readonly JobCategory[],
): ReceptionWarning[] {
  const out: ReceptionWarning[] = [];
  const advisor = advisors.find((a) => a.id === card.advisorId);
  if (advisor && !takesCategory(advisor, card.jobCategory)) out.push("advisor_not_specialised");
  const bay = card.bayId === null ? null : (bays.find((b) => b.id === card.bayId) ?? null);
  if (!bayFits(bay, card.jobCategory, categories)) out.push("bay_kind_mismatch");
  return out;
}

type Load = Pick<Appointment, "advisorId" | "startTime" | "status">;

/** The customers an advisor has on hand from `fromMinute`: those here now, and those due within the window. */
function customersAhead(advisorId: number, cards: readonly Load[], fromMinute: number): number {
  let n = 0;
  for (const c of cards) {
    if (c.advisorId !== advisorId) continue;
    if (c.status === "arrived" || c.status === "in_service") n++;
    else if (isAwaited(c.status)) {
      const m = minutesOfDay(c.startTime);
      if (m >= fromMinute && m < fromMinute + SUGGESTION_WINDOW_MINUTES) n++;
    }
  }
  return n;
}

/**
 * The advisor magboard suggests for a walk-in (分流): on duty today, taking the job category, with
 * the fewest customers in the next two hours; ties by display order. When nobody on duty takes the
 * category, the least busy advisor on duty (the form then warns). Null when nobody is on duty.
 */
export function suggestAdvisor(
  advisors: readonly Advisor[],
  cards: readonly Load[],
  category: string | null,
  date: string,
  nowTime: string,
): Advisor | null {
  const weekday = weekdayOf(date);
  const onDuty = advisors.filter((a) => a.active && a.daysOnDuty.includes(weekday));
  const specialised = onDuty.filter((a) => takesCategory(a, category));
  const pool = specialised.length > 0 ? specialised : onDuty;
  const from = minutesOfDay(nowTime);
  const ranked = pool
    .map((a) => ({ a, load: customersAhead(a.id, cards, from) }))
    .sort((x, y) => x.load - y.load || x.a.displayOrder - y.a.displayOrder || x.a.id - y.a.id);
  return ranked[0]?.a ?? null;
}

type BayUse = Pick<Appointment, "bayId" | "startTime" | "durationMinutes" | "status">;

/** A free active bay of the category's kind for [start, start + duration); null when none is free. */
export function suggestBay(
  bays: readonly Bay[],
  cards: readonly BayUse[],
  category: string | null,
  categories: readonly JobCategory[],
  startTime: string,
  durationMinutes: number,
): Bay | null {
  const from = minutesOfDay(startTime);
  const to = from + durationMinutes;
  const busy = (bayId: number) =>
    cards.some((c) => c.bayId === bayId && !isClosed(c.status) && minutesOfDay(c.startTime) < to && minutesOfDay(c.startTime) + c.durationMinutes > from);
  return bays.find((b) => b.active && category !== null && bayFits(b, category, categories) && !busy(b.id)) ?? null;
}

import type { Advisor } from "../schemas/advisor.js";
import type { Appointment } from "../schemas/appointment.js";
import type { Settings } from "../schemas/settings.js";
import { isClosed } from "./status.js";
import { minutesOfDay, slotOf } from "./time-of-day.js";
import { weekdayOf } from "./zoned-time.js";

/**
 * What the paper board allows but a person must notice: a bay booked twice at once, an advisor
 * with more cards in a slot than they can receive, a card outside opening hours or on a day the
 * advisor is off. Never a reason to refuse a booking; always a reason to mark it.
 */
export type OverlapKind = "bay_double_booked" | "advisor_over_capacity" | "outside_opening_hours" | "advisor_off_duty";

export interface Overlap {
  kind: OverlapKind;
  /** The other cards involved (for a double-booked bay or a full slot); empty otherwise. */
  with: number[];
}

/** The fields that decide overlaps; a booking not yet saved has no id (use 0). */
export type Placement = Pick<Appointment, "id" | "date" | "startTime" | "durationMinutes" | "advisorId" | "bayId" | "status">;

type Rules = Pick<Settings, "openTime" | "closeTime" | "slotMinutes" | "advisorCapacityPerSlot">;

const endOf = (a: Placement) => minutesOfDay(a.startTime) + a.durationMinutes;

function intersects(a: Placement, b: Placement): boolean {
  return minutesOfDay(a.startTime) < endOf(b) && minutesOfDay(b.startTime) < endOf(a);
}

/** Everything wrong with one card placed among the others of its day. A closed card conflicts with nothing. */
export function overlapsOf(card: Placement, others: readonly Placement[], advisors: readonly Advisor[], rules: Rules): Overlap[] {
  if (isClosed(card.status)) return [];
  const live = others.filter((o) => o.id !== card.id && o.date === card.date && !isClosed(o.status));
  const out: Overlap[] = [];

  if (card.bayId !== null) {
    const clash = live.filter((o) => o.bayId === card.bayId && intersects(card, o)).map((o) => o.id);
    if (clash.length > 0) out.push({ kind: "bay_double_booked", with: clash });
  }

  const slot = slotOf(card.startTime, rules.openTime, rules.closeTime, rules.slotMinutes);
  if (slot !== null) {
    const same = live.filter(
      (o) => o.advisorId === card.advisorId && slotOf(o.startTime, rules.openTime, rules.closeTime, rules.slotMinutes) === slot,
    );
    if (same.length + 1 > rules.advisorCapacityPerSlot) out.push({ kind: "advisor_over_capacity", with: same.map((o) => o.id) });
  }

  if (slot === null || endOf(card) > minutesOfDay(rules.closeTime)) out.push({ kind: "outside_opening_hours", with: [] });

  const advisor = advisors.find((a) => a.id === card.advisorId);
  if (advisor && (!advisor.active || !advisor.daysOnDuty.includes(weekdayOf(card.date)))) {
    out.push({ kind: "advisor_off_duty", with: [] });
  }
  return out;
}

/** The overlaps of every card of a board, for marking them; cards with none are absent. */
export function boardOverlaps(cards: readonly Placement[], advisors: readonly Advisor[], rules: Rules): Map<number, Overlap[]> {
  const out = new Map<number, Overlap[]>();
  for (const card of cards) {
    const found = overlapsOf(card, cards, advisors, rules);
    if (found.length > 0) out.set(card.id, found);
  }
  return out;
}

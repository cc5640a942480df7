import type { Advisor } from "../schemas/advisor.js";
import type { Appointment } from "../schemas/appointment.js";
import type { Settings } from "../schemas/settings.js";
import { countsAgainstCapacity, isClosed } from "./status.js";
import { isOutsideOpeningHours, minutesOfDay, slotIndexOf } from "./time-of-day.js";
import { weekdayOf } from "./zoned-time.js";

/**
 * What the paper board allows but a person must notice: a bay booked twice at once, an advisor
 * with more cards in a slot than they can receive, a card outside opening hours or on a day the
 * advisor is off. Never a reason to refuse a booking; always a reason to mark it. Every screen and
 * the server take them from `dayOverlaps`, so a mark means the same everywhere.
 */
export type OverlapKind = "bay_double_booked" | "advisor_over_capacity" | "outside_opening_hours" | "advisor_off_duty";

export interface Overlap {
  kind: OverlapKind;
  /** The other cards involved (for a double-booked bay or a full slot), by id; empty otherwise. */
  with: number[];
}

/** The fields that decide overlaps; a booking not yet saved has no id (use 0). */
export type Placement = Pick<Appointment, "id" | "date" | "startTime" | "durationMinutes" | "advisorId" | "bayId" | "status">;

export type OverlapRules = Pick<Settings, "openTime" | "closeTime" | "slotMinutes" | "advisorCapacityPerSlot">;

export interface DayOverlaps {
  /** Each card's overlaps, for the cards that have any. Closed cards (see `isClosed`) have none. */
  byCard: Map<number, Overlap[]>;
  /** Advisor slots holding more cards than the advisor's capacity, by `capacityKey`. */
  overCapacity: Map<string, { date: string; advisorId: number; slot: number }>;
}

/** The key of one advisor's slot on one date in `DayOverlaps.overCapacity`. */
export function capacityKey(date: string, advisorId: number, slot: number): string {
  return `${date} ${advisorId} ${slot}`;
}

const ORDER: readonly OverlapKind[] = ["bay_double_booked", "advisor_over_capacity", "outside_opening_hours", "advisor_off_duty"];

function group<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * The overlaps of every card of one or more days, in one pass (sorted by time, so a 900-card day
 * costs no more than its clashes). A bay is held by open cards only: a completed car has left it.
 * A slot's capacity counts what `countsAgainstCapacity` counts; a card outside opening hours is in
 * no slot, and is marked for its hours instead.
 */
export function dayOverlaps(cards: readonly Placement[], advisors: readonly Advisor[], rules: OverlapRules): DayOverlaps {
  const found = new Map<number, Map<OverlapKind, Set<number>>>();
  const mark = (card: Placement, kind: OverlapKind, others: Iterable<number> = []) => {
    if (isClosed(card.status)) return;
    let kinds = found.get(card.id);
    if (!kinds) found.set(card.id, (kinds = new Map<OverlapKind, Set<number>>()));
    const set = kinds.get(kind) ?? new Set<number>();
    for (const o of others) set.add(o);
    kinds.set(kind, set);
  };

  const byBay = group(
    cards.filter((c) => c.bayId !== null && !isClosed(c.status)),
    (c) => `${c.date} ${c.bayId}`,
  );
  for (const list of byBay.values()) {
    const timed = list.map((c) => ({ c, from: minutesOfDay(c.startTime), to: minutesOfDay(c.startTime) + c.durationMinutes })).sort((x, y) => x.from - y.from);
    for (let i = 0; i < timed.length; i++) {
      const a = timed[i]!;
      for (let j = i + 1; j < timed.length && timed[j]!.from < a.to; j++) {
        const b = timed[j]!;
        mark(a.c, "bay_double_booked", [b.c.id]);
        mark(b.c, "bay_double_booked", [a.c.id]);
      }
    }
  }

  const overCapacity: DayOverlaps["overCapacity"] = new Map();
  const bySlot = group(
    cards.filter((c) => countsAgainstCapacity(c.status)),
    (c) => {
      const slot = slotIndexOf(c.startTime, rules);
      return slot === null ? null : capacityKey(c.date, c.advisorId, slot);
    },
  );
  for (const [key, list] of bySlot) {
    if (list.length <= rules.advisorCapacityPerSlot) continue;
    const first = list[0]!;
    overCapacity.set(key, { date: first.date, advisorId: first.advisorId, slot: slotIndexOf(first.startTime, rules)! });
    for (const c of list) mark(c, "advisor_over_capacity", list.filter((o) => o !== c).map((o) => o.id));
  }

  const advisorById = new Map(advisors.map((a) => [a.id, a]));
  // a board holds one date: its weekday once, not once per card
  const weekdays = new Map<string, number>();
  const weekday = (date: string) => {
    let w = weekdays.get(date);
    if (w === undefined) weekdays.set(date, (w = weekdayOf(date)));
    return w;
  };
  for (const c of cards) {
    if (isOutsideOpeningHours(c, rules)) mark(c, "outside_opening_hours");
    const advisor = advisorById.get(c.advisorId);
    if (advisor && (!advisor.active || !advisor.daysOnDuty.includes(weekday(c.date)))) mark(c, "advisor_off_duty");
  }

  const byCard = new Map<number, Overlap[]>();
  for (const [id, kinds] of found) {
    byCard.set(
      id,
      ORDER.filter((k) => kinds.has(k)).map((kind) => ({ kind, with: [...kinds.get(kind)!].sort((x, y) => x - y) })),
    );
  }
  return { byCard, overCapacity };
}

/** The overlaps of every card of a board, for marking them; cards with none are absent. */
export function boardOverlaps(cards: readonly Placement[], advisors: readonly Advisor[], rules: OverlapRules): Map<number, Overlap[]> {
  return dayOverlaps(cards, advisors, rules).byCard;
}

/** Everything wrong with one card placed among the others of its day (a saved copy of it among them is ignored). */
export function overlapsOf(card: Placement, others: readonly Placement[], advisors: readonly Advisor[], rules: OverlapRules): Overlap[] {
  const day = others.filter((o) => o.id !== card.id && o.date === card.date);
  return dayOverlaps([...day, card], advisors, rules).byCard.get(card.id) ?? [];
}

import type { Advisor } from "../shared/schemas/advisor.js";
import type { Appointment } from "../shared/schemas/appointment.js";
import type { Bay } from "../shared/schemas/bay.js";
import type { Settings } from "../shared/schemas/settings.js";
import { capacityKey, dayOverlaps, type Overlap, type OverlapKind } from "../shared/rules/overlaps.js";
import { countsAgainstCapacity } from "../shared/rules/status.js";
import { columnOf, compareTimes, minutesOfDay, slotStarts } from "../shared/rules/time-of-day.js";

/** The two ways of looking at a day: the paper board's advisor rows (the TV, the editor), or one lane per bay (the editor). */
export type LaneMode = "advisors" | "bays";

/** The lane of cards that have no bay yet, in the bay view. */
export const NO_BAY_LANE = 0;

/** The cards of one lane × slot cell, in time order. */
export interface SlotStack {
  slot: number;
  cards: Appointment[];
  /** More cards than the advisor's capacity per slot (shown, never hidden); only advisor lanes have a capacity. */
  overCapacity: boolean;
}

export interface Lane {
  /** The advisor's or bay's id; NO_BAY_LANE for cards without a bay. */
  id: number;
  label: string;
  color: string;
  /** An advisor's day: cards that count against capacity, and the capacity of all slots. Null for bays. */
  load: { booked: number; capacity: number } | null;
  /** The cells holding cards, in slot order. */
  stacks: SlotStack[];
}

export interface BoardLayout {
  mode: LaneMode;
  slots: string[];
  lanes: Lane[];
  /** Every card's overlaps, as the server reports them (shared/rules/overlaps.ts); closed cards have none. */
  overlaps: ReadonlyMap<number, Overlap[]>;
}

export interface LayoutInput {
  mode: LaneMode;
  settings: Pick<Settings, "openTime" | "closeTime" | "slotMinutes" | "advisorCapacityPerSlot">;
  /** The advisor rows, in order (a display may show a page of them); also whose days off are checked. */
  advisors: readonly Advisor[];
  bays: readonly Bay[];
  /** The whole day: a bay booked twice is marked even when the other card's advisor is on another page. */
  appointments: readonly Appointment[];
  /** The label of the lane for cards without a bay. */
  noBayLabel: string;
}

const BAY_COLOR = "#7a8699";
const NO_BAY_COLOR = "#c0c6cf";

export function hasOverlap(layout: BoardLayout, id: number, kind: OverlapKind): boolean {
  return layout.overlaps.get(id)?.some((o) => o.kind === kind) ?? false;
}

/**
 * Places the day's cards on the lane × slot grid. A card before opening or after closing goes to
 * the first or last column (it keeps its own time on its face), as a magnet at the board's edge.
 * Cancelled cards leave the board, as a magnet taken off it.
 */
export function layoutBoard(input: LayoutInput): BoardLayout {
  const { mode, settings, appointments } = input;
  const slots = slotStarts(settings);
  const day = dayOverlaps(appointments, input.advisors, settings);
  const live = appointments.filter((a) => a.status !== "cancelled").sort((x, y) => compareTimes(x.startTime, y.startTime) || x.id - y.id);
  const laneOf = mode === "advisors" ? (a: Appointment) => a.advisorId : (a: Appointment) => a.bayId ?? NO_BAY_LANE;
  const byLane = new Map<number, Appointment[]>();
  for (const a of live) {
    const list = byLane.get(laneOf(a));
    if (list) list.push(a);
    else byLane.set(laneOf(a), [a]);
  }
  const stacksOf = (laneId: number, cards: readonly Appointment[]): SlotStack[] => {
    const bySlot = new Map<number, Appointment[]>();
    for (const c of cards) {
      const s = columnOf(c.startTime, settings);
      const list = bySlot.get(s);
      if (list) list.push(c);
      else bySlot.set(s, [c]);
    }
    return [...bySlot.entries()]
      .sort(([x], [y]) => x - y)
      .map(([slot, list]) => ({ slot, cards: list, overCapacity: mode === "advisors" && day.overCapacity.has(capacityKey(list[0]!.date, laneId, slot)) }));
  };

  if (mode === "advisors") {
    const lanes = input.advisors.map((advisor): Lane => {
      const cards = byLane.get(advisor.id) ?? [];
      return {
        id: advisor.id,
        label: advisor.name,
        color: advisor.color,
        load: { booked: cards.filter((c) => countsAgainstCapacity(c.status)).length, capacity: settings.advisorCapacityPerSlot * slots.length },
        stacks: stacksOf(advisor.id, cards),
      };
    });
    return { mode, slots, lanes, overlaps: day.byCard };
  }
  const used = new Set(live.map((a) => a.bayId));
  const lanes: Lane[] = [
    ...input.bays.filter((b) => b.active || used.has(b.id)).map((b) => ({ id: b.id, label: b.name, color: BAY_COLOR })),
    { id: NO_BAY_LANE, label: input.noBayLabel, color: NO_BAY_COLOR },
  ].map((l) => ({ ...l, load: null, stacks: stacksOf(l.id, byLane.get(l.id) ?? []) }));
  return { mode, slots, lanes, overlaps: day.byCard };
}

const sameStack = (x: SlotStack, y: SlotStack) => x.slot === y.slot && x.overCapacity === y.overCapacity && x.cards.length === y.cards.length && x.cards.every((c, i) => c === y.cards[i]);

function sameLane(x: Lane, y: Lane): boolean {
  return (
    x.id === y.id &&
    x.label === y.label &&
    x.color === y.color &&
    x.load?.booked === y.load?.booked &&
    x.load?.capacity === y.load?.capacity &&
    x.stacks.length === y.stacks.length &&
    x.stacks.every((s, i) => sameStack(s, y.stacks[i]!))
  );
}

/**
 * The new layout with each lane that holds the same cards as before kept as the old object: a
 * patch touches one or two lanes, and the rows (and the TV's strip of earlier hours) of the others
 * are then skipped by identity rather than compared cell by cell.
 */
export function keepUnchangedLanes(was: BoardLayout, now: BoardLayout): BoardLayout {
  if (was.mode !== now.mode || was.slots.join() !== now.slots.join()) return now;
  const old = new Map(was.lanes.map((l) => [l.id, l]));
  return { ...now, slots: was.slots, lanes: now.lanes.map((l) => { const o = old.get(l.id); return o && sameLane(o, l) ? o : l; }) };
}

/** Where "now" falls across the slot columns, 0 … 1; null outside opening hours. */
export function nowFraction(settings: Pick<Settings, "openTime" | "closeTime">, nowMinutes: number): number | null {
  const open = minutesOfDay(settings.openTime);
  const close = minutesOfDay(settings.closeTime);
  if (nowMinutes < open || nowMinutes > close) return null;
  return (nowMinutes - open) / (close - open);
}

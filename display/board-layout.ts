import type { Advisor } from "../shared/schemas/advisor.js";
import type { Appointment } from "../shared/schemas/appointment.js";
import type { Settings } from "../shared/schemas/settings.js";
import { minutesOfDay, slotStarts } from "../shared/rules/time-of-day.js";

/** The cards of one advisor × slot cell, in time order. */
export interface SlotStack {
  slot: number;
  cards: Appointment[];
  /** Cards still taking part in the day beyond the advisor's capacity per slot: shown, never hidden. */
  overCapacity: boolean;
}

export interface AdvisorRow {
  advisor: Advisor;
  stacks: SlotStack[];
  /** Cards of the day that still count (not cancelled, not no-show) against the day's capacity. */
  booked: number;
  capacity: number;
}

export interface BoardLayout {
  slots: string[];
  rows: AdvisorRow[];
  /** Cards whose bay is also booked by another card at an overlapping time. */
  bayClashes: ReadonlySet<number>;
  /** Cards starting before opening or at or after closing. */
  outsideHours: ReadonlySet<number>;
}

type GridSettings = Pick<Settings, "openTime" | "closeTime" | "slotMinutes" | "advisorCapacityPerSlot">;

const countsAgainstCapacity = (a: Appointment) => a.status !== "cancelled" && a.status !== "no_show";

/**
 * Places the day's cards on the advisor × slot grid. A card before opening or after closing goes
 * to the first or last column (it keeps its own time on its face), as a magnet at the board's edge.
 */
export function layoutBoard(settings: GridSettings, advisors: readonly Advisor[], appointments: readonly Appointment[]): BoardLayout {
  const slots = slotStarts(settings.openTime, settings.closeTime, settings.slotMinutes);
  const open = minutesOfDay(settings.openTime);
  const slotOfCard = (a: Appointment) => Math.min(slots.length - 1, Math.max(0, Math.floor((minutesOfDay(a.startTime) - open) / settings.slotMinutes)));
  const byAdvisor = new Map<number, Appointment[]>();
  for (const a of appointments) {
    if (a.status === "cancelled") continue;
    const list = byAdvisor.get(a.advisorId);
    if (list) list.push(a);
    else byAdvisor.set(a.advisorId, [a]);
  }
  const rows = advisors.map((advisor): AdvisorRow => {
    const cards = (byAdvisor.get(advisor.id) ?? []).slice().sort((x, y) => x.startTime.localeCompare(y.startTime) || x.id - y.id);
    const bySlot = new Map<number, Appointment[]>();
    for (const c of cards) {
      const s = slotOfCard(c);
      const list = bySlot.get(s);
      if (list) list.push(c);
      else bySlot.set(s, [c]);
    }
    const stacks = [...bySlot.entries()].map(([slot, list]) => ({
      slot,
      cards: list,
      overCapacity: list.filter(countsAgainstCapacity).length > settings.advisorCapacityPerSlot,
    }));
    return {
      advisor,
      stacks,
      booked: cards.filter(countsAgainstCapacity).length,
      capacity: settings.advisorCapacityPerSlot * slots.length,
    };
  });
  const outsideHours = new Set(
    appointments.filter((a) => a.status !== "cancelled" && (minutesOfDay(a.startTime) < open || minutesOfDay(a.startTime) >= minutesOfDay(settings.closeTime))).map((a) => a.id),
  );
  return { slots, rows, bayClashes: bayClashes(appointments), outsideHours };
}

/** Overlaps are allowed, as on paper, but never silent: the cards that share a bay at the same time. */
export function bayClashes(appointments: readonly Appointment[]): Set<number> {
  const byBay = new Map<number, Appointment[]>();
  for (const a of appointments) {
    if (a.bayId === null || a.status === "cancelled" || a.status === "no_show" || a.status === "completed") continue;
    const list = byBay.get(a.bayId);
    if (list) list.push(a);
    else byBay.set(a.bayId, [a]);
  }
  const out = new Set<number>();
  for (const list of byBay.values()) {
    const sorted = list.map((a) => ({ id: a.id, from: minutesOfDay(a.startTime), to: minutesOfDay(a.startTime) + a.durationMinutes })).sort((x, y) => x.from - y.from);
    let reach = { to: -1, id: -1 };
    for (const c of sorted) {
      if (c.from < reach.to) {
        out.add(c.id);
        out.add(reach.id);
      }
      if (c.to > reach.to) reach = { to: c.to, id: c.id };
    }
  }
  return out;
}

/** Where "now" falls across the slot columns, 0 … 1; null outside opening hours. */
export function nowFraction(settings: Pick<Settings, "openTime" | "closeTime">, nowMinutes: number): number | null {
  const open = minutesOfDay(settings.openTime);
  const close = minutesOfDay(settings.closeTime);
  if (nowMinutes < open || nowMinutes > close) return null;
  return (nowMinutes - open) / (close - open);
}

import type { Advisor } from "../shared/schemas/advisor.js";
import type { Appointment } from "../shared/schemas/appointment.js";
import type { Bay } from "../shared/schemas/bay.js";
import type { Settings } from "../shared/schemas/settings.js";
import type { MoveTarget } from "../shared/schemas/commands.js";
import { advisorsForDay } from "../shared/rules/day-plan.js";
import { formatMinutesOfDay, minutesOfDay, slotStarts } from "../shared/rules/time-of-day.js";
import { layoutBoard } from "../display/board-layout.js";

/** The editor's two ways of looking at a day: the TV's advisor rows, or one lane per bay. */
export type LaneMode = "advisors" | "bays";

export interface Lane {
  /** The advisor or bay id; 0 is the "no bay yet" lane. */
  id: number;
  label: string;
  color: string;
  /** Cards per slot index, in time order. */
  stacks: Map<number, Appointment[]>;
  overCapacity: Set<number>;
}

export interface Lanes {
  slots: string[];
  lanes: Lane[];
}

type GridSettings = Pick<Settings, "openTime" | "closeTime" | "slotMinutes" | "advisorCapacityPerSlot">;

export const NO_BAY_LANE = 0;

/** Lays out a day in the chosen mode; the advisor mode is the display's own layout, so both screens agree. */
export function laneLayout(
  mode: LaneMode,
  settings: GridSettings,
  date: string,
  advisors: readonly Advisor[],
  bays: readonly Bay[],
  appointments: readonly Appointment[],
  noBayLabel: string,
): Lanes {
  if (mode === "advisors") {
    const layout = layoutBoard(settings, advisorsForDay(advisors, date, appointments), appointments);
    return {
      slots: layout.slots,
      lanes: layout.rows.map((r) => ({
        id: r.advisor.id,
        label: r.advisor.name,
        color: r.advisor.color,
        stacks: new Map(r.stacks.map((s) => [s.slot, s.cards])),
        overCapacity: new Set(r.stacks.filter((s) => s.overCapacity).map((s) => s.slot)),
      })),
    };
  }
  const slots = slotStarts(settings.openTime, settings.closeTime, settings.slotMinutes);
  const open = minutesOfDay(settings.openTime);
  const slotIndex = (a: Appointment) => Math.min(slots.length - 1, Math.max(0, Math.floor((minutesOfDay(a.startTime) - open) / settings.slotMinutes)));
  const live = appointments.filter((a) => a.status !== "cancelled");
  const used = new Set(live.map((a) => a.bayId));
  const shown = bays.filter((b) => b.active || used.has(b.id));
  const lanes: Lane[] = [...shown.map((b) => ({ id: b.id, label: b.name, color: "#7a8699" })), { id: NO_BAY_LANE, label: noBayLabel, color: "#c0c6cf" }].map(
    (l) => ({ ...l, stacks: new Map<number, Appointment[]>(), overCapacity: new Set<number>() }),
  );
  for (const a of [...live].sort((x, y) => x.startTime.localeCompare(y.startTime) || x.id - y.id)) {
    const lane = lanes.find((l) => l.id === (a.bayId ?? NO_BAY_LANE));
    if (!lane) continue;
    const i = slotIndex(a);
    const list = lane.stacks.get(i) ?? [];
    list.push(a);
    lane.stacks.set(i, list);
  }
  return { slots, lanes };
}

export interface DropTarget {
  laneId: number;
  slot: string;
}

/** What a drop changes, in the move command's own fields (shared/schemas/commands.ts): always the time, and the advisor or the bay. */
export type MoveFields = Required<Pick<MoveTarget, "startTime">> & Pick<MoveTarget, "advisorId" | "bayId">;

/**
 * What a drop onto a cell changes. The card keeps its minutes within the slot (10:30 dropped on the
 * 14:00 column becomes 14:30), as a magnet keeps its place in the cell it is moved to.
 */
export function moveFor(mode: LaneMode, card: Pick<Appointment, "startTime">, target: DropTarget, settings: Pick<Settings, "openTime" | "slotMinutes">): MoveFields {
  const open = minutesOfDay(settings.openTime);
  const offset = Math.max(0, (minutesOfDay(card.startTime) - open) % settings.slotMinutes);
  const startTime = formatMinutesOfDay(minutesOfDay(target.slot) + offset);
  if (mode === "advisors") return { startTime, advisorId: target.laneId };
  return { startTime, bayId: target.laneId === NO_BAY_LANE ? null : target.laneId };
}

/** Whether a move changes anything; a drop back onto the card's own cell sends no command. */
export function isNoMove(card: Appointment, move: MoveFields): boolean {
  return (
    card.startTime === move.startTime &&
    (move.advisorId === undefined || move.advisorId === card.advisorId) &&
    (move.bayId === undefined || move.bayId === card.bayId)
  );
}

import type { Appointment } from "../shared/schemas/appointment.js";
import type { Settings } from "../shared/schemas/settings.js";
import type { MoveTarget } from "../shared/schemas/commands.js";
import { formatMinutesOfDay, minutesOfDay } from "../shared/rules/time-of-day.js";
import { changesPlacement } from "../shared/rules/move.js";
import { NO_BAY_LANE, type LaneMode } from "../display/board-layout.js";
import type { SlotTarget } from "../display/components/board-grid.js";

/** The cell a card is dropped on. */
export type DropTarget = SlotTarget;

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
  return !changesPlacement(card, move);
}

import type { Appointment } from "../schemas/appointment.js";
import type { Settings } from "../schemas/settings.js";
import { lateDueAt } from "./lateness.js";
import { mayMove } from "./status.js";

/** Where a card is on the board: what a move (a drag, or an edit of these fields) changes. */
export type Placement = Pick<Appointment, "date" | "startTime" | "advisorId" | "bayId">;

type Movable = Placement & Pick<Appointment, "status" | "lateAt">;
type Rules = Pick<Settings, "timeZone" | "lateGraceMinutes" | "noShowAfterMinutes">;

/** Whether `target` puts the card anywhere else (a field left out stays as it is). */
export function changesPlacement(card: Placement, target: Partial<Placement>): boolean {
  return (
    (target.date !== undefined && target.date !== card.date) ||
    (target.startTime !== undefined && target.startTime !== card.startTime) ||
    (target.advisorId !== undefined && target.advisorId !== card.advisorId) ||
    (target.bayId !== undefined && target.bayId !== card.bayId)
  );
}

/**
 * The card after a move, as the server writes it and the editor shows it until the server answers;
 * null when its status keeps it where it is (see `mayMove`). A no-show that is moved is booked
 * again: the customer called to rebook. A late mark stays only if the new time's grace has passed
 * too; otherwise the clock starts over for the new time (and marks late or no-show again if due).
 */
export function moveCard<T extends Movable>(card: T, target: Partial<Placement>, rules: Rules, now: number): T | null {
  if (!mayMove(card.status)) return null;
  const defined = Object.fromEntries(Object.entries(target).filter(([, v]) => v !== undefined)) as Partial<Placement>;
  const moved: T = { ...card, ...defined, status: card.status === "no_show" ? "booked" : card.status };
  const retimed = moved.date !== card.date || moved.startTime !== card.startTime;
  if (retimed && moved.lateAt !== null && lateDueAt(moved, rules) > now) return { ...moved, lateAt: null };
  return moved;
}

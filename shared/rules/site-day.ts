import type { Appointment } from "../schemas/appointment.js";
import { customerCame } from "./status.js";
import { isAwaited } from "./lateness.js";

/** One store's day at a glance, for the group's after-sales director (集团售后总监). */
export interface SiteDay {
  /** Cards on the board: every one but the cancelled. */
  total: number;
  /** Customers who came (已到店), whatever became of them since. */
  arrived: number;
  /** Past their grace and not here yet (延时到店). */
  late: number;
  noShow: number;
  completed: number;
}

export function siteDay(cards: readonly Pick<Appointment, "status" | "arrivedAt" | "lateAt">[]): SiteDay {
  const day: SiteDay = { total: 0, arrived: 0, late: 0, noShow: 0, completed: 0 };
  for (const c of cards) {
    if (c.status === "cancelled") continue;
    day.total++;
    if (customerCame(c)) day.arrived++;
    if (isAwaited(c.status) && c.lateAt !== null) day.late++;
    if (c.status === "no_show") day.noShow++;
    if (c.status === "completed") day.completed++;
  }
  return day;
}

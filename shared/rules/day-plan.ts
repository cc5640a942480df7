import type { Advisor } from "../schemas/advisor.js";
import type { Appointment } from "../schemas/appointment.js";
import { weekdayOf } from "./zoned-time.js";

/** The rows of a day's board: active advisors on duty that weekday, plus anyone who has a card that day. */
export function advisorsForDay(advisors: readonly Advisor[], date: string, appointments: readonly Appointment[]): Advisor[] {
  const weekday = weekdayOf(date);
  const withCards = new Set(appointments.filter((a) => a.status !== "cancelled").map((a) => a.advisorId));
  return advisors
    .filter((a) => (a.active && a.daysOnDuty.includes(weekday)) || withCards.has(a.id))
    .sort((a, b) => a.displayOrder - b.displayOrder || a.id - b.id);
}

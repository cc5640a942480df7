import type { Advisor } from "../shared/schemas/advisor.js";
import type { Appointment } from "../shared/schemas/appointment.js";

/** Cards that still take part in the day: the day-before lists ignore cancelled and no-show ones. */
const live = (a: Appointment) => a.status !== "cancelled" && a.status !== "no_show";

/** 预约确认: the customers still to call, in time order. */
export function callsToMake(cards: readonly Appointment[]): Appointment[] {
  return cards.filter((a) => a.status === "booked").sort(byTime);
}

/** 履约准备: cards that need parts, ready or not (a label is printed for each). */
export function partsToPrepare(cards: readonly Appointment[]): Appointment[] {
  return cards.filter((a) => live(a) && a.preparation.partsNeeded).sort(byTime);
}

/** 返修 to the technical director, 抱怨 to the service manager. */
export function toReport(cards: readonly Appointment[]): { repeatRepair: Appointment[]; complaint: Appointment[] } {
  const l = cards.filter(live).sort(byTime);
  return { repeatRepair: l.filter((a) => a.preparation.repeatRepair), complaint: l.filter((a) => a.preparation.complaint) };
}

export interface Readiness {
  label: string;
  total: number;
  confirmed: number;
  /** Cards needing parts, and of those the ones with parts ready. */
  partsNeeded: number;
  partsReady: number;
  bayReserved: number;
}

function readinessOf(label: string, cards: readonly Appointment[]): Readiness {
  const l = cards.filter(live);
  return {
    label,
    total: l.length,
    confirmed: l.filter((a) => a.status !== "booked").length,
    partsNeeded: l.filter((a) => a.preparation.partsNeeded).length,
    partsReady: l.filter((a) => a.preparation.partsNeeded && a.preparation.partsReady).length,
    bayReserved: l.filter((a) => a.bayId !== null).length,
  };
}

/** Tomorrow at a glance: one row per advisor with cards, then the total. */
export function readiness(cards: readonly Appointment[], advisors: readonly Advisor[], totalLabel: string): Readiness[] {
  const rows = [...advisors]
    .sort((a, b) => a.displayOrder - b.displayOrder || a.id - b.id)
    .map((adv) => readinessOf(adv.name, cards.filter((a) => a.advisorId === adv.id)))
    .filter((r) => r.total > 0);
  return [...rows, readinessOf(totalLabel, cards)];
}

function byTime(a: Appointment, b: Appointment): number {
  return a.startTime.localeCompare(b.startTime) || a.id - b.id;
}

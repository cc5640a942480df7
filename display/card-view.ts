import type { Appointment } from "../shared/schemas/appointment.js";
import type { Settings } from "../shared/schemas/settings.js";
import { graceMinutesLeft, isAwaited, minutesLate } from "../shared/rules/lateness.js";
import type { MessageKey } from "../shared/i18n/messages.js";

/** Past this many minutes late a card escalates (stronger colour, pulsing edge): someone should phone the customer. */
export const LATE_ESCALATION_MINUTES = 30;

/** How a card looks; each tone has its own colour, icon and word, so no state depends on colour alone. */
export type CardTone =
  | "booked"
  | "confirmed"
  | "grace"
  | "late"
  | "late-escalated"
  | "arrived"
  | "in_service"
  | "completed"
  | "no_show"
  | "cancelled";

export type CardDetail =
  | { kind: "none" }
  | { kind: "arrivedAt"; instant: number }
  | { kind: "late"; minutes: number }
  | { kind: "grace"; minutes: number };

export interface CardView {
  tone: CardTone;
  label: MessageKey;
  icon: string;
  detail: CardDetail;
}

const ICONS: Record<CardTone, string> = {
  booked: "○",
  confirmed: "✓",
  grace: "◔",
  late: "▲",
  "late-escalated": "▲",
  arrived: "●",
  in_service: "▶",
  completed: "✔",
  no_show: "✕",
  cancelled: "—",
};

type Rules = Pick<Settings, "timeZone" | "lateGraceMinutes" | "noShowAfterMinutes">;

/**
 * What a card says at `now` (the server's clock). Lateness comes from the server's mark (`lateAt`),
 * so every screen agrees with the clock that marked it; the minutes count on from the start.
 */
export function cardView(a: Appointment, rules: Rules, now: number): CardView {
  const view = (tone: CardTone, label: MessageKey, detail: CardDetail = { kind: "none" }): CardView => ({ tone, label, icon: ICONS[tone], detail });
  switch (a.status) {
    case "arrived":
      return view("arrived", "board.status.arrived", a.arrivedAt ? { kind: "arrivedAt", instant: Date.parse(a.arrivedAt) } : { kind: "none" });
    case "in_service":
      return view("in_service", "board.status.in_service");
    case "completed":
      return view("completed", "board.status.completed");
    case "no_show":
      return view("no_show", "board.status.no_show");
    case "cancelled":
      return view("cancelled", "board.status.cancelled");
    case "booked":
    case "confirmed": {
      if (isAwaited(a.status) && a.lateAt !== null) {
        const minutes = minutesLate(a, rules.timeZone, now);
        return view(minutes > LATE_ESCALATION_MINUTES ? "late-escalated" : "late", "board.status.late", { kind: "late", minutes });
      }
      const left = graceMinutesLeft(a, rules, now);
      if (left !== null) return view("grace", a.status === "booked" ? "board.status.booked" : "board.status.confirmed", { kind: "grace", minutes: left });
      return view(a.status, a.status === "booked" ? "board.status.booked" : "board.status.confirmed");
    }
  }
}

/** The day's counts a header shows; cancelled cards are not part of the day. */
export interface DayCounts {
  total: number;
  arrived: number;
  late: number;
  noShow: number;
  toCome: number;
}

export function dayCounts(appointments: readonly Appointment[]): DayCounts {
  const counts: DayCounts = { total: 0, arrived: 0, late: 0, noShow: 0, toCome: 0 };
  for (const a of appointments) {
    if (a.status === "cancelled") continue;
    counts.total++;
    if (a.status === "arrived" || a.status === "in_service" || a.status === "completed") counts.arrived++;
    else if (a.status === "no_show") counts.noShow++;
    else {
      counts.toCome++;
      if (a.lateAt !== null) counts.late++;
    }
  }
  return counts;
}

/** What became of the cards of the hours folded into the TV's strip: every card counts in one of these. */
export interface EarlierCounts {
  completed: number;
  /** Arrived or in service: at the reception now. */
  inShop: number;
  /** Still awaited though their hour is past the window: late. */
  late: number;
  noShow: number;
}

export function earlierCounts(cards: readonly Appointment[]): EarlierCounts {
  const counts: EarlierCounts = { completed: 0, inShop: 0, late: 0, noShow: 0 };
  for (const a of cards) {
    if (a.status === "completed") counts.completed++;
    else if (a.status === "arrived" || a.status === "in_service") counts.inShop++;
    else if (a.status === "no_show") counts.noShow++;
    else if (a.status !== "cancelled") counts.late++;
  }
  return counts;
}

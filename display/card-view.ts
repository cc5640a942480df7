import type { Appointment } from "../shared/schemas/appointment.js";
import type { Settings } from "../shared/schemas/settings.js";
import { graceMinutesLeft, isAwaited, minutesLate } from "../shared/rules/lateness.js";
import { t, type BoardMessageKey } from "../shared/i18n/board-messages.js";
import type { Language } from "../shared/schemas/common.js";
import { greetingWaitMinutes, isGreetingOverdue } from "../shared/rules/greeting.js";

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
  | "greeting_overdue"
  | "greeted"
  | "in_service"
  | "completed"
  | "no_show"
  | "cancelled";

export type CardDetail =
  | { kind: "none" }
  | { kind: "arrivedAt"; instant: number }
  | { kind: "late"; minutes: number }
  | { kind: "grace"; minutes: number }
  | { kind: "greetingWait"; minutes: number }
  | { kind: "greetedAt"; instant: number }
  | { kind: "expected"; instant: number };

/**
 * Marks beside the status, as the paper board's small magnets: 散客 (walk-in), 延时到店 · 迟 N 分钟
 * (came late, kept after arrival), and on staff screens only 抱怨 / 返修 (a public display never
 * receives those flags: shared/rules/mask.ts clears them on the server).
 */
export type CardMark = { kind: "walk_in" } | { kind: "came_late"; minutes: number } | { kind: "complaint" } | { kind: "repeat_repair" };

export interface CardView {
  tone: CardTone;
  label: BoardMessageKey;
  icon: string;
  detail: CardDetail;
  marks: CardMark[];
}

const ICONS: Record<CardTone, string> = {
  booked: "○",
  confirmed: "✓",
  grace: "◔",
  late: "▲",
  "late-escalated": "▲",
  arrived: "●",
  greeting_overdue: "‼",
  greeted: "☺",
  in_service: "▶",
  completed: "✔",
  no_show: "✕",
  cancelled: "—",
};

type Rules = Pick<Settings, "timeZone" | "lateGraceMinutes" | "noShowAfterMinutes">;

export function cardMarks(a: Appointment): CardMark[] {
  const marks: CardMark[] = [];
  if (a.walkIn) marks.push({ kind: "walk_in" });
  if (a.arrivedLateMinutes !== null && !a.walkIn) marks.push({ kind: "came_late", minutes: a.arrivedLateMinutes });
  if (a.preparation.complaint) marks.push({ kind: "complaint" });
  if (a.preparation.repeatRepair) marks.push({ kind: "repeat_repair" });
  return marks;
}

/** A mark's words, the same on the TV, the editor and the phone. */
export function markText(lang: Language, m: CardMark): string {
  switch (m.kind) {
    case "walk_in":
      return t(lang, "board.mark.walkIn");
    case "came_late":
      return t(lang, "board.mark.cameLate", { minutes: m.minutes });
    case "complaint":
      return t(lang, "board.mark.complaint");
    case "repeat_repair":
      return t(lang, "board.mark.repeatRepair");
  }
}

/**
 * What a card says at `now` (the server's clock). Lateness comes from the server's mark (`lateAt`),
 * so every screen agrees with the clock that marked it; the minutes count on from the start.
 */
export function cardView(a: Appointment, rules: Rules, now: number): CardView {
  const marks = cardMarks(a);
  const view = (tone: CardTone, label: BoardMessageKey, detail: CardDetail = { kind: "none" }): CardView => ({ tone, label, icon: ICONS[tone], detail, marks });
  switch (a.status) {
    case "arrived":
      if (a.greetedAt !== null) return view("greeted", "step.state.greeted", { kind: "greetedAt", instant: Date.parse(a.greetedAt) });
      // past the greeting limit by the server's mark: its own colour, icon and word, and the minutes waited
      if (isGreetingOverdue(a)) return view("greeting_overdue", "step.greetingOverdue", { kind: "greetingWait", minutes: greetingWaitMinutes(a, now) ?? 0 });
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
        // 在路上: the desk reached the customer, so the card says when they are expected, not only how late
        const detail: CardDetail = a.expectedAt !== null ? { kind: "expected", instant: Date.parse(a.expectedAt) } : { kind: "late", minutes };
        return view(minutes > LATE_ESCALATION_MINUTES ? "late-escalated" : "late", "board.status.late", detail);
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
  /** 散客: counted apart; every other count is of appointments only. */
  walkIns: number;
  arrived: number;
  late: number;
  noShow: number;
  toCome: number;
}

export function dayCounts(appointments: readonly Appointment[]): DayCounts {
  const counts: DayCounts = { total: 0, walkIns: 0, arrived: 0, late: 0, noShow: 0, toCome: 0 };
  for (const a of appointments) {
    if (a.status === "cancelled") continue;
    if (a.walkIn) {
      counts.walkIns++;
      continue;
    }
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

export function sameCounts(x: DayCounts, y: DayCounts): boolean {
  return x.total === y.total && x.walkIns === y.walkIns && x.arrived === y.arrived && x.late === y.late && x.noShow === y.noShow && x.toCome === y.toCome;
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

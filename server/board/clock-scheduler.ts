import { SYSTEM_CLOCK } from "../../shared/schemas/actor.js";
import { dueTransitions, nextTransition } from "../../shared/rules/lateness.js";
import { addDays, localParts } from "../../shared/rules/zoned-time.js";
import type { Board } from "./board.js";
import type { Logger } from "../logger.js";
import type { Settings } from "../../shared/schemas/settings.js";
import type { AwaitedTiming } from "../db/appointment-repo.js";
import type { Repositories } from "../db/repositories.js";
import type { Clock } from "./clock.js";

const SYSTEM_MARKS = {
  late: "appointment.mark_late",
  no_show: "appointment.mark_no_show",
  greeting_overdue: "appointment.mark_greeting_overdue",
} as const;

type Candidates = { settings: Settings; cards: AwaitedTiming[] };

/** Re-check at least this often, so a wall-clock jump (NTP, VM resume) is caught even without a change. */
const MAX_SLEEP_MS = 5 * 60_000;

/**
 * Marks cards late (延时到店), no-show (爽约) and greeting overdue (迎接超时) at the minute they fall due. It sleeps until the
 * next transition of any card rather than polling, and wakes early whenever the board changes.
 */
export class ClockScheduler {
  private timer: { cancel(): void } | null = null;
  private stopped = false;
  private sweeping = false;

  constructor(
    private readonly board: Board,
    private readonly repos: Pick<Repositories, "settings" | "appointments">,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** Applies everything that fell due while the server was down, then arms the timer. */
  start(): void {
    this.board.onChange(() => this.sweep());
    this.sweep();
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = null;
  }

  sweep(): void {
    // our own marks trigger change listeners, which call back in here
    if (this.stopped || this.sweeping) return;
    this.sweeping = true;
    let unchanged: Candidates | null = null;
    try {
      unchanged = this.applyDue();
    } catch (err) {
      this.log.error("clock sweep failed", err);
    } finally {
      this.sweeping = false;
    }
    this.arm(unchanged ?? this.candidates());
  }

  private candidates(): Candidates {
    const { repos, clock } = this;
    const settings = repos.settings.require().settings;
    const today = localParts(clock.now(), settings.timeZone).date;
    // a card of tomorrow can fall due before tomorrow starts only when the grace spans midnight, hence +1;
    // a greeting is watched from yesterday on, so an arrival just before midnight is still timed
    return { settings, cards: repos.appointments.clockTimings(addDays(today, 1), addDays(today, -1)) };
  }

  /** Marks what fell due; returns the cards it looked at when it marked none, so `arm` need not read them again. */
  private applyDue(): Candidates | null {
    const now = this.clock.now();
    const candidates = this.candidates();
    let marked = false;
    for (const card of candidates.cards) {
      for (const kind of dueTransitions(card, candidates.settings, now)) {
        this.board.executeSystem({ type: SYSTEM_MARKS[kind], id: card.id }, SYSTEM_CLOCK);
        marked = true;
      }
    }
    return marked ? null : candidates;
  }

  private arm({ settings, cards }: Candidates): void {
    if (this.stopped) return;
    this.timer?.cancel();
    const now = this.clock.now();
    let next = now + MAX_SLEEP_MS;
    for (const card of cards) {
      const t = nextTransition(card, settings);
      if (t && t.at < next) next = t.at;
    }
    this.timer = this.clock.setTimer(Math.max(0, next - now), () => this.sweep());
  }
}

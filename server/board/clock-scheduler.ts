import { SYSTEM_CLOCK } from "../../shared/schemas/actor.js";
import { clockWatches, dueTransitions, nextTransition } from "../../shared/rules/lateness.js";
import { addDays, localParts, zonedInstant } from "../../shared/rules/zoned-time.js";
import type { Board, BoardChange } from "./board.js";
import type { Logger } from "../logger.js";
import type { Settings } from "../../shared/schemas/settings.js";
import type { Repositories } from "../db/repositories.js";
import type { Clock } from "./clock.js";

const SYSTEM_MARKS = {
  late: "appointment.mark_late",
  no_show: "appointment.mark_no_show",
  greeting_overdue: "appointment.mark_greeting_overdue",
} as const;

/** Re-check at least this often, so a wall-clock jump (NTP, VM resume) is caught even without a change. */
const MAX_SLEEP_MS = 5 * 60_000;

/** What the last full read found: the window it read, and when each watched card next falls due. */
interface Watch {
  settings: Settings;
  until: string;
  arrivedFrom: string;
  /** The site's next midnight: from then on the window is another one and must be read again. */
  validBefore: number;
  /** Card id → the instant of its next transition. */
  next: Map<number, number>;
}

/**
 * Marks cards late (延时到店), no-show (爽约) and greeting overdue (迎接超时) at the minute they fall due. It sleeps until the
 * next transition of any card rather than polling. A change wakes it to look again at the cards that
 * change touched only: reading every watched card after every move was 40% of a move's server time
 * on a 300-card day (issue 16, `bench/profile-pipeline.ts`).
 */
export class ClockScheduler {
  private timer: { cancel(): void } | null = null;
  private stopped = false;
  private sweeping = false;
  private unsubscribe: () => void = () => {};
  private watch: Watch | null = null;
  /** Sweeps and follows run one after another, each to its end, as they did when the store answered synchronously. */
  private turn: Promise<void> = Promise.resolve();

  constructor(
    private readonly board: Board,
    private readonly repos: Pick<Repositories, "settings" | "appointments">,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** Applies everything that fell due while the server was down, then arms the timer. */
  start(): Promise<void> {
    this.unsubscribe = this.board.onChange((change) => void this.inTurn(() => this.follow(change)));
    return this.sweep();
  }

  stop(): void {
    this.stopped = true;
    // a node that loses the lead and gets it back makes a new scheduler: this one must let go of the board
    this.unsubscribe();
    this.timer?.cancel();
    this.timer = null;
  }

  /** Reads every watched card, marks what fell due and arms the timer for the next. */
  sweep(): Promise<void> {
    return this.inTurn(() => this.sweepNow());
  }

  /** Resolves once the sweeps and follows already asked for have run: a timer that fired, a change it heard of. */
  settled(): Promise<void> {
    return this.turn;
  }

  private inTurn(job: () => Promise<void>): Promise<void> {
    this.turn = this.turn.then(job).catch((err: unknown) => this.log.error("clock failed", err));
    return this.turn;
  }

  private async sweepNow(): Promise<void> {
    // our own marks trigger change listeners, which call back in here
    if (this.stopped || this.sweeping) return;
    this.sweeping = true;
    try {
      await this.applyDue();
    } catch (err) {
      this.log.error("clock sweep failed", err);
    } finally {
      this.sweeping = false;
    }
    try {
      this.watch = await this.read();
    } catch (err) {
      this.log.error("clock read failed", err);
      this.watch = null;
    }
    this.arm();
  }

  /**
   * After a change: the cards it touched are judged again, as the change carries them (each change
   * is followed in commit order, so the last one followed is the card as stored); settings, a bulk
   * change or a new day read everything.
   */
  private async follow(change: BoardChange): Promise<void> {
    if (this.stopped || this.sweeping) return;
    const w = this.watch;
    const now = this.clock.now();
    if (!w || now >= w.validBefore || change.ops.some((op) => op.kind === "settings" || op.kind === "resync")) return this.sweepNow();
    for (const op of change.ops) {
      if (op.kind !== "appointment") continue;
      const card = op.appointment;
      w.next.delete(card.id);
      if (!clockWatches(card, w)) continue;
      if (dueTransitions(card, w.settings, now).length > 0) return this.sweepNow();
      const t = nextTransition(card, w.settings);
      if (t) w.next.set(card.id, t.at);
    }
    this.arm();
  }

  private async read(): Promise<Watch> {
    const settings = (await this.repos.settings.require()).settings;
    const today = localParts(this.clock.now(), settings.timeZone).date;
    // a card of tomorrow can fall due before tomorrow starts only when the grace spans midnight, hence +1;
    // a greeting is watched from yesterday on, so an arrival just before midnight is still timed
    const until = addDays(today, 1);
    const arrivedFrom = addDays(today, -1);
    const next = new Map<number, number>();
    for (const card of await this.repos.appointments.clockTimings(until, arrivedFrom)) {
      const t = nextTransition(card, settings);
      if (t) next.set(card.id, t.at);
    }
    return { settings, until, arrivedFrom, validBefore: zonedInstant(until, "00:00", settings.timeZone).getTime(), next };
  }

  private async applyDue(): Promise<void> {
    const now = this.clock.now();
    const settings = (await this.repos.settings.require()).settings;
    const today = localParts(now, settings.timeZone).date;
    for (const card of await this.repos.appointments.clockTimings(addDays(today, 1), addDays(today, -1))) {
      for (const kind of dueTransitions(card, settings, now)) await this.board.executeSystem({ type: SYSTEM_MARKS[kind], id: card.id }, SYSTEM_CLOCK);
    }
  }

  private arm(): void {
    if (this.stopped) return;
    this.timer?.cancel();
    const now = this.clock.now();
    let next = now + MAX_SLEEP_MS;
    if (this.watch) {
      next = Math.min(next, this.watch.validBefore);
      for (const at of this.watch.next.values()) if (at < next) next = at;
    }
    this.timer = this.clock.setTimer(Math.max(0, next - now), () => void this.sweep());
  }
}

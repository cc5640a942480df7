import { GENERATED_LISTS } from "../../shared/schemas/call-lists.js";
import { periodOf } from "../../shared/rules/due-lists.js";
import { addDays, zonedInstant } from "../../shared/rules/zoned-time.js";
import type { Board } from "./board.js";
import type { Clock } from "./clock.js";
import type { Logger } from "../logger.js";

const CALL_CLOCK = { id: "system:call-lists", name: "招揽名单", role: "system" as const };

/** Look again at least this often, so a wall-clock jump (NTP, a VM resumed) cannot skip a midnight. */
const MAX_SLEEP_MS = 5 * 60_000;

/**
 * Makes the due lists by the server's clock: each list once for its period (the month for regular
 * maintenance, the day for the others) at the site's midnight, or at start when the server was off
 * then. The (list, period) record in the database, not this process, decides whether it ran, so a
 * restart or a second server start never makes a list twice.
 */
export class CallScheduler {
  private timer: { cancel(): void } | null = null;
  private stopped = false;

  constructor(
    private readonly board: Board,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    await this.tick();
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = null;
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    let wait = MAX_SLEEP_MS;
    try {
      wait = await this.generate();
    } catch (err) {
      this.log.error("reading the site's day for the due lists failed", err);
    }
    if (!this.stopped) this.timer = this.clock.setTimer(wait, () => void this.tick());
  }

  /** Makes the lists due today; returns how long to sleep until the next midnight. */
  private async generate(): Promise<number> {
    const timeZone = (await this.board.records.settings()).settings.timeZone;
    const today = await this.board.today();
    for (const list of GENERATED_LISTS) {
      try {
        await this.board.executeSystem({ type: "call.generate_due", list, period: periodOf(list, today), today }, CALL_CLOCK);
      } catch (err) {
        // another server holding the same file made it between our check and our insert
        this.log.error(`generating the ${list} list failed`, err);
      }
    }
    const midnight = zonedInstant(addDays(today, 1), "00:00", timeZone).getTime();
    return Math.min(MAX_SLEEP_MS, Math.max(0, midnight - this.clock.now()));
  }
}

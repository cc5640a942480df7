/** One round trip of `time:sync`: when we asked, what the server said, when the answer came (local ms). */
export interface ClockSample {
  sentAt: number;
  serverTime: number;
  receivedAt: number;
}

/** Samples kept: enough to ride out one slow round trip, few enough to follow a server clock that is stepped. */
const WINDOW = 8;
/** A sample this far from the current estimate (beyond its own uncertainty) means the server clock moved: start over. */
const JUMP_MS = 1_000;
/** Stands for "no round trip measured": any real sample is preferred to one carrying it. */
const UNMEASURED_RTT = 60_000;

/**
 * The server's clock as seen from here (NTP's idea, reduced): offset = server time at the midpoint
 * of a round trip minus local time then; the sample with the shortest round trip is the most exact.
 * The screen's own clock may be wrong by hours; only the difference matters.
 */
export class ClockOffset {
  private samples: { offset: number; rtt: number }[] = [];
  private current = 0;

  get offset(): number {
    return this.current;
  }

  /** Before the first round trip: a time the server stamped on a message, taken as sent just now. */
  seed(serverTime: number, localNow: number): void {
    if (this.samples.length === 0) this.current = serverTime - localNow;
  }

  add(s: ClockSample): void {
    const rtt = Math.max(0, s.receivedAt - s.sentAt);
    const offset = s.serverTime + rtt / 2 - s.receivedAt;
    if (this.samples.length > 0 && Math.abs(offset - this.current) > rtt / 2 + JUMP_MS) this.samples = [];
    this.samples.push({ offset, rtt });
    if (this.samples.length > WINDOW) this.samples.shift();
    let best = this.samples[0]!;
    for (const x of this.samples) if (x.rtt < best.rtt) best = x;
    this.current = best.offset;
  }

  /**
   * A time the server stamped on a message it pushed (a patch). With no round trip its delay is
   * unknown, so it only matters when it shows the server's clock has moved by more than a second:
   * then it stands in until the next round trip measures properly.
   */
  observe(serverTime: number, receivedAt: number): void {
    const offset = serverTime - receivedAt;
    if (this.samples.length > 0 && Math.abs(offset - this.current) <= JUMP_MS) return;
    this.samples = [{ offset, rtt: UNMEASURED_RTT }];
    this.current = offset;
  }

  now(localNow: number): number {
    return localNow + this.current;
  }
}

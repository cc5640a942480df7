import type { Clock } from "../board/clock.js";

interface Window {
  count: number;
  resetAt: number;
}

/**
 * Counts attempts per key in fixed windows. An attempt is counted when it starts (`take`), before
 * the slow work it guards, so requests sent at once cannot all slip past a check that only the
 * finished ones update; one that turns out not to count (a right password) is given back (`undo`).
 * Bounded: past `maxKeys` the oldest windows are forgotten, so a flood of made-up usernames or
 * addresses cannot grow it without end.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly clock: Clock,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryAfter(key: string): number {
    const w = this.windows.get(key);
    const now = this.clock.now();
    if (!w || w.resetAt <= now) return 0;
    return w.count >= this.limit ? w.resetAt - now : 0;
  }

  /** Counts one attempt of `key`; check `retryAfter` first. */
  take(key: string): void {
    const now = this.clock.now();
    const w = this.windows.get(key);
    if (w && w.resetAt > now) {
      w.count++;
      return;
    }
    this.windows.delete(key);
    if (this.windows.size >= this.maxKeys) this.evict(now);
    this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
  }

  /** Gives back one attempt of `key` that turned out not to count. */
  undo(key: string): void {
    const w = this.windows.get(key);
    if (w && w.resetAt > this.clock.now() && w.count > 0) w.count--;
  }

  private evict(now: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
    // still full: drop the oldest (a Map iterates in insertion order)
    for (const k of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(k);
    }
  }
}

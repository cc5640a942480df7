import type { Clock } from "../../server/board/clock.js";

/** A clock that moves only when told to; due timers fire in order as it passes them. */
export class ManualClock implements Clock {
  private timers: { at: number; fn: () => void; seq: number }[] = [];
  private seq = 0;

  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  setTimer(ms: number, fn: () => void) {
    const t = { at: this.current + ms, fn, seq: this.seq++ };
    this.timers.push(t);
    return { cancel: () => (this.timers = this.timers.filter((x) => x !== t)) };
  }

  /** Moves time forward, firing each timer at its own moment. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const next = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.current = Math.max(this.current, next.at);
      next.fn();
    }
    this.current = target;
  }

  set(instant: number): void {
    this.advance(instant - this.current);
  }

  pendingTimers(): number {
    return this.timers.length;
  }
}

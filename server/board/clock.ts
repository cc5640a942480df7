/** The server's time source and timers; tests pass a manual one and move it by hand. */
export interface Clock {
  now(): number;
  setTimer(ms: number, fn: () => void): { cancel(): void };
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, fn) {
    const t = setTimeout(fn, ms);
    // the board's timers must never be what keeps a stopping process alive
    t.unref();
    return { cancel: () => clearTimeout(t) };
  },
};

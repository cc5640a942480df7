import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";

export interface ProcessHealth {
  rssBytes: number;
  heapUsedBytes: number;
  /** Event-loop delay over the last minute, in ms: how long a ready callback waited to run. */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}

const WINDOW_MS = 60_000;
const RESOLUTION_MS = 10;

/** Memory and event-loop delay of this process, for the health endpoint. */
export class ProcessMonitor {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.histogram.enable();
    // a rolling window: a spike an hour ago says nothing about now
    this.timer = setInterval(() => this.histogram.reset(), WINDOW_MS);
    this.timer.unref();
  }

  read(): ProcessHealth {
    const mem = process.memoryUsage();
    // the histogram samples the interval between its own timer ticks; the delay is what exceeds it
    const ms = (ns: number) => Math.max(0, Math.round(ns / 1e4 - RESOLUTION_MS * 100) / 100);
    const h = this.histogram;
    return {
      rssBytes: mem.rss,
      heapUsedBytes: mem.heapUsed,
      eventLoopDelayMs: h.count === 0 ? { p50: 0, p99: 0, max: 0 } : { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max) },
    };
  }

  stop(): void {
    clearInterval(this.timer);
    this.histogram.disable();
  }
}

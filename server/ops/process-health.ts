import { monitorEventLoopDelay } from "node:perf_hooks";

export interface ProcessHealth {
  rssBytes: number;
  heapUsedBytes: number;
  /** Event-loop delay over the last minute, in ms: how long a ready callback waited to run. */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}

const WINDOW_MS = 60_000;
const RESOLUTION_MS = 10;

// one histogram for the process, whose property it is, running from the moment the server loads
const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
histogram.enable();
// a rolling window: a spike an hour ago says nothing about now
setInterval(() => histogram.reset(), WINDOW_MS).unref();

/** Memory and event-loop delay of this process, for the health endpoint. */
export function processHealth(): ProcessHealth {
  const mem = process.memoryUsage();
  // the histogram samples the interval between its own timer ticks; the delay is what exceeds it
  const ms = (ns: number) => Math.max(0, Math.round(ns / 1e4 - RESOLUTION_MS * 100) / 100);
  return {
    rssBytes: mem.rss,
    heapUsedBytes: mem.heapUsed,
    eventLoopDelayMs:
      histogram.count === 0 ? { p50: 0, p99: 0, max: 0 } : { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) },
  };
}

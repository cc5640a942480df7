import { describe, expect, it } from "vitest";
import { PATCH_STAMP } from "../../bench/browser-probe.js";
import { pageCpuPerPatch } from "../../bench/lib/page-profiling.js";

// A trace as Chromium writes it (µs): ts and dur on the wall clock, tdur the thread's CPU time.
const main = { pid: 1, tid: 7 };
const page = { url: "http://127.0.0.1/assets/display.js" };
const task = (ts: number, dur: number, tdur: number) => ({ name: "RunTask", ph: "X", ts, dur, tdur, ...main });
const call = (ts: number, dur: number, tdur: number, data: object) => ({ name: "FunctionCall", ph: "X", ts, dur, tdur, ...main, args: { data } });
const frame = (ts: number, dur: number, tdur: number) => ({ name: "FireAnimationFrame", ph: "X", ts, dur, tdur, ...main, args: { data: {} } });
const stamp = (ts: number) => ({ name: "TimeStamp", ph: "I", ts, ...main, args: { data: { message: PATCH_STAMP } } });
const trace = (events: object[]) => JSON.stringify({ traceEvents: events });

describe("the page's own work per patch in CPU time (bench/lib/page-profiling.ts)", () => {
  it("counts the receiving task without the probe's listener, and the page's callbacks of the next frame", () => {
    const events = [
      // the patch's task: 500 µs of CPU, of which the probe's listener (no URL: an init script) 150
      task(1_000, 700, 500),
      stamp(1_010),
      call(1_020, 200, 150, {}),
      call(1_250, 100, 80, { ...page, functionName: "ws.onmessage" }),
      // the next frame: the page's render 2,000 µs of CPU in 5,000 of wall (the thread waited for a core), the probe's check 300
      task(10_000, 9_000, 4_000),
      frame(10_100, 5_000, 2_000),
      call(10_110, 10, 10, page),
      frame(15_200, 400, 300),
      call(15_210, 380, 300, { functionName: "check" }),
      // a later frame with another render of the page's: not this patch's
      task(30_000, 3_000, 2_000),
      frame(30_100, 1_000, 900),
      call(30_110, 10, 10, page),
      // another process's thread at the same time is not the page's
      { ...task(1_000, 700, 600), pid: 2 },
    ];
    expect(pageCpuPerPatch(trace(events))).toEqual([(500 - 150 + 2_000) / 1000]);
  });

  it("skips a frame without the page's callbacks and finds one patch per stamp", () => {
    const events = [
      task(1_000, 300, 300),
      stamp(1_010),
      task(5_000, 500, 400),
      frame(5_100, 300, 250),
      call(5_110, 280, 250, { functionName: "check" }),
      task(20_000, 2_000, 1_500),
      frame(20_100, 1_200, 1_000),
      call(20_110, 10, 10, page),
      task(60_000, 200, 200),
      stamp(60_010),
      task(70_000, 1_000, 800),
      frame(70_100, 700, 600),
      call(70_110, 10, 10, page),
    ];
    expect(pageCpuPerPatch(trace(events))).toEqual([(300 + 1_000) / 1000, (200 + 600) / 1000]);
  });

  it("is empty for a trace the probe never stamped", () => {
    expect(pageCpuPerPatch(trace([task(0, 100, 100)]))).toEqual([]);
  });
});

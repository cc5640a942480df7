import { describe, expect, it } from "vitest";
import { runSoak } from "../helpers/soak-day.js";

const MB = 2 ** 20;

describe("compressed working days", () => {
  it("leave the server's heap where the first day left it: thousands of changes and screens leave nothing behind", { timeout: 240_000 }, async () => {
    // the first day warms up (code paths compiled, pools filled); the second must end where it did
    const samples = await runSoak({ days: 2, samplesPerDay: 2, screens: 20 });
    const endOf = (day: number) => samples.filter((s) => s.day === day).at(-1)!;
    for (const s of samples) console.info(`day ${s.day} ${s.at}: ${s.changes} changes, ${s.connections} connections, heap ${(s.heapUsed / MB).toFixed(1)} MB, rss ${(s.rss / MB).toFixed(0)} MB`);
    expect(endOf(1).changes, "a real day's worth of changes").toBeGreaterThan(1_000);
    // every change, connection and timer of day 2 is gone again after a full GC. Measured: a healthy
    // day adds 0.1–0.3 MB (V8 warming up); keeping each change (~1.7 KB) adds about 2 MB
    expect(endOf(2).heapUsed - endOf(1).heapUsed).toBeLessThan(1 * MB);
    expect(endOf(2).connections).toBeLessThanOrEqual(20);
  });
});

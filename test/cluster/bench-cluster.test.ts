import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BARE_ALL, BARE_SITE, CLUSTER, measureCluster, SQLITE_ALL, SQLITE_SITE } from "../../bench/cluster.js";

// The benchmark's cluster section (npm run bench -- --only=cluster) in miniature: its plumbing, not
// its speed. Two stores of five displays on three nodes, beside SQLite and the bare broadcast; each
// change counts only once every display of its store had it, so "none lost" is every display
// getting every change.
const tmp = mkdtempSync(path.join(tmpdir(), "magboard-bench-cluster-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("the benchmark's cluster section", () => {
  it("spreads the displays over the three nodes, and every display of each store gets every change of its store, on every target", async () => {
    const samples = 10;
    const r = await measureCluster({
      tmp,
      quick: true,
      log: () => {},
      sites: 2,
      perSite: 5,
      swarmProcesses: 2,
      closed: { repeats: 1, samples, block: 5, pauseMs: 5 },
      rate: { startRate: 10, maxRate: 10, stepMs: 1_000, minChanges: 20, repeats: 1 },
      sustainedTargets: [CLUSTER],
    });
    expect(r.closed.map((c) => [c.target, c.displays, c.perChange])).toEqual([
      [CLUSTER, 10, 5],
      [SQLITE_SITE, 5, 5],
      [SQLITE_ALL, 10, 10],
      [BARE_SITE, 5, 5],
      [BARE_ALL, 10, 10],
    ]);
    for (const c of r.closed) expect({ target: c.target, timed: c.last.n, lost: c.lost, refused: c.refused }).toEqual({ target: c.target, timed: samples, lost: 0, refused: 0 });
    // round robin through HAProxy: ten displays land on all three nodes
    expect(r.displaysPerNode.reduce((s, d) => s! + d!, 0)).toBe(10);
    expect(r.displaysPerNode.every((d) => d! > 0)).toBe(true);
    // one rate, tried once more if it was not held (how fast is not this test's question)
    const steps = r.sustained[0]!.runs[0]!.steps;
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps) expect({ rate: s.rate, lost: s.lost, refused: s.refused, timed: s.last.n }).toEqual({ rate: 10, lost: 0, refused: 0, timed: 20 });
    expect(r.problems).toEqual([]);
    expect(r.postgres).toMatchObject({ fsync: "on", synchronousCommit: "on" });
  }, 240_000);
});

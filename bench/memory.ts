import { mkdirSync } from "node:fs";
import path from "node:path";
import { ServerChild, type Memory } from "./lib/child.js";
import { BareTarget, MagboardTarget, type Target } from "./lib/targets.js";
import { median, sleep } from "./lib/stats.js";
import type { MagboardReady } from "./servers/magboard-server.js";
import type { BareReady } from "./servers/bare-server.js";

export interface MemoryRow {
  displays: number;
  /** medians over the runs, bytes, each read after a full GC */
  oursRss: number;
  bareRss: number;
  /** per display, KB: each run's own growth from its own reading at 0, then the median over runs */
  oursRssPerDisplay: number;
  oursHeapPerDisplay: number;
  bareRssPerDisplay: number;
  bareHeapPerDisplay: number;
  /** RSS KB per display added since the previous row (200 → 500): free of what the process held before any display came */
  oursRssPerAdded: number;
  bareRssPerAdded: number;
}

async function settle(child: ServerChild<unknown>): Promise<Memory> {
  // the follows' snapshots are garbage by now; two reads a moment apart, the lower one counts
  await sleep(500);
  const a = await child.memory();
  await sleep(200);
  const b = await child.memory();
  return a.rss <= b.rss ? a : b;
}

/**
 * Fresh servers for every run (a process's RSS rarely shrinks, so a server that already held 500
 * sockets says little about 200): read at 0, then with `counts[0]` displays following, then more.
 */
export async function measureMemory(tmp: string, date: string, counts: number[], repeats: number, log: (m: string) => void): Promise<MemoryRow[]> {
  const samples = new Map<number, { o: Memory[]; b: Memory[] }>([0, ...counts].map((n) => [n, { o: [], b: [] }]));
  for (let r = 0; r < repeats; r++) {
    const dir = path.join(tmp, `memory-${r}`);
    mkdirSync(dir);
    const ours = await ServerChild.start<MagboardReady>("magboard-server.ts", { BENCH_DIR: dir, BENCH_DATE: date });
    const bare = await ServerChild.start<BareReady>("bare-server.ts", {});
    const targets: Target[] = [];
    try {
      samples.get(0)!.o.push(await settle(ours));
      samples.get(0)!.b.push(await settle(bare));
      let connected = 0;
      for (const n of counts) {
        log(`memory run ${r + 1}/${repeats}: ${n} displays on each server`);
        const o = await MagboardTarget.open(ours.ready);
        const b = await BareTarget.open(bare.ready.port);
        targets.push(o, b);
        await o.connectDisplays(n - connected);
        await b.connectDisplays(n - connected);
        connected = n;
        samples.get(n)!.o.push(await settle(ours));
        samples.get(n)!.b.push(await settle(bare));
      }
    } finally {
      for (const t of targets) await t.close();
      await ours.stop();
      await bare.stop();
    }
  }
  const [base, ...rest] = [...samples];
  const perDisplay = (now: Memory[], then: Memory[], n: number, key: keyof Memory) => (n ? median(now.map((m, r) => (m[key] - then[r]![key]) / 1024 / n)) : Number.NaN);
  const rows = [base!, ...rest];
  return rows.map(([displays, { o, b }], i) => ({
    displays,
    oursRss: median(o.map((m) => m.rss)),
    bareRss: median(b.map((m) => m.rss)),
    oursRssPerDisplay: perDisplay(o, base![1].o, displays, "rss"),
    oursHeapPerDisplay: perDisplay(o, base![1].o, displays, "heapUsed"),
    bareRssPerDisplay: perDisplay(b, base![1].b, displays, "rss"),
    bareHeapPerDisplay: perDisplay(b, base![1].b, displays, "heapUsed"),
    oursRssPerAdded: i ? perDisplay(o, rows[i - 1]![1].o, displays - rows[i - 1]![0], "rss") : Number.NaN,
    bareRssPerAdded: i ? perDisplay(b, rows[i - 1]![1].b, displays - rows[i - 1]![0], "rss") : Number.NaN,
  }));
}

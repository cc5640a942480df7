// `npm run bench [-- --quick] [-- --only=pipeline,fanout,throughput,memory,storm,cold,bundle,browser,tv-cheap,big-site,curves,cluster] [-- --synchronous=NORMAL]`
// Loopback only. Prints the tables and writes bench/results.json with the machine's description.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ROOT } from "./lib/child.js";
import { describeMachine } from "./lib/machine.js";
import { addDays, localParts } from "../shared/rules/zoned-time.js";
import { measureFanout, measureThroughput, type FanoutOptions, type FanoutResult, type ThroughputResult } from "./fanout.js";
import { measureColdStart } from "./cold-start.js";
import { measureBundle } from "./bundle-size.js";
import { measurePipeline } from "./pipeline-cost.js";
import { builtPages, measureBrowser } from "./browser.js";
import { measureCheapTv } from "./tv-cheap.js";
import { measureBigSite } from "./big-site.js";
import { renderReport, type Results } from "./report.js";
import { openServerPair } from "./lib/server-pair.js";
import { measureCurves } from "./curves.js";
import { writeCurveCharts } from "./charts.js";
import { measureMemory } from "./memory.js";
import { measureStorm } from "./storm.js";
import { clusterServicesMissing, measureCluster } from "./cluster.js";

const SECTIONS = ["pipeline", "fanout", "throughput", "memory", "storm", "cold", "bundle", "browser", "tv-cheap", "big-site", "curves", "cluster"] as const;
type Section = (typeof SECTIONS)[number];

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const onlyArg = args.find((a) => a.startsWith("--only="));
const synchronous = args.includes("--synchronous=NORMAL") ? "NORMAL" : "FULL";
const only = new Set<Section>(onlyArg ? (onlyArg.slice(7).split(",") as Section[]) : SECTIONS);
for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`unknown section ${s}; choose from ${SECTIONS.join(", ")}`);

const DISPLAY_COUNTS = [1, 50, 200, 500];
// 500 changes a run: a run's p99 is then its 5th-slowest change, not its 2nd, so one slow fsync does not decide a ratio
const fanoutOpts: FanoutOptions = quick ? { repeats: 2, samples: 100, warmup: 10, pauseMs: 10 } : { repeats: 3, samples: 500, warmup: 20, pauseMs: 10 };
const throughputOpts = {
  stepMs: 1_000,
  repeats: quick ? 2 : 3,
};
const RATES_WITH_DISPLAYS = [25, 50, 100, 200, 400, 800, 1600];
const RATES_NO_DISPLAYS = [25, 50, 100, 200, 400, 800, 1600, 3200, 6400];
const REPEATS = quick ? 2 : 3;
/** The reconnect storm: as many displays as the reliability test brings back (test/reliability/reconnect-storm.test.ts). */
const STORM_DISPLAYS = 300;

/**
 * Tomorrow in the site's zone: the clock scheduler keeps these cards in view (as it does today's and
 * as the day-before confirmation calls edit them), yet none falls due during a run, so no late mark
 * can change a card between the bench's moves.
 */
const BENCH_DATE = addDays(localParts(Date.now(), "Asia/Shanghai").date, 1);

function log(msg: string): void {
  process.stderr.write(`[bench ${(performance.now() / 1000).toFixed(0).padStart(3)} s] ${msg}\n`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "magboard-bench-"));
  const results: Results = { machine: describeMachine(tmp), mode: quick ? "quick" : "full", settings: { fanoutOpts, throughputOpts, displayCounts: DISPLAY_COUNTS, date: BENCH_DATE, synchronous } };
  try {
    if (only.has("pipeline")) {
      log("pipeline cost in process");
      results.pipeline = await measurePipeline(tmp, BENCH_DATE, REPEATS, quick ? 500 : 1_000);
    }
    if (only.has("fanout") || only.has("throughput")) await serverSide(tmp, results);
    if (only.has("memory")) results.memory = await measureMemory(tmp, BENCH_DATE, [200, 500], REPEATS, log);
    if (only.has("storm")) results.storm = await measureStorm(tmp, BENCH_DATE, STORM_DISPLAYS, REPEATS, log);
    if (only.has("cold")) {
      log("cold start");
      results.coldStart = await measureColdStart(REPEATS);
    }
    if (only.has("bundle")) {
      log("display bundle");
      results.bundle = measureBundle();
    }
    if (only.has("browser") || only.has("tv-cheap") || only.has("big-site")) {
      const dist = builtPages(tmp);
      const missing = typeof dist === "string" ? null : dist;
      if (only.has("browser")) {
        log("browser");
        results.browser = missing ?? (await measureBrowser(tmp, dist as string, { quick, log, date: BENCH_DATE }));
      }
      if (only.has("tv-cheap")) {
        log("a cheap TV: the CPU slowed six times");
        results.tvCheap = missing ?? (await measureCheapTv(tmp, dist as string, { quick, log, date: BENCH_DATE }));
      }
      if (only.has("big-site")) {
        log("a big dealership: 30 advisors × 900 cards");
        results.bigSite = missing ?? (await measureBigSite(tmp, dist as string, { quick, log, date: BENCH_DATE }));
      }
    }
    if (only.has("curves")) results.curves = await measureCurves({ tmp, date: BENCH_DATE, quick, synchronous, log });
    if (only.has("cluster")) {
      const missing = clusterServicesMissing();
      results.cluster = missing ? { missing } : await measureCluster({ tmp, quick, log });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  results.durationSeconds = Math.round((performance.now() - started) / 1000);
  const out = path.join(ROOT, "bench", "results.json");
  writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
  process.stdout.write(renderReport(results));
  if (results.curves) for (const f of writeCurveCharts(results.curves, path.join(ROOT, "docs", "perf"))) log(`drew ${path.relative(process.cwd(), f)}`);
  log(`wrote ${path.relative(process.cwd(), out)} in ${results.durationSeconds} s`);
}

async function serverSide(tmp: string, results: Results): Promise<void> {
  log(`starting magboard (real file, synchronous=${synchronous}) and bare Socket.IO servers`);
  const pair = await openServerPair(tmp, BENCH_DATE, synchronous);
  const { ours, bare } = pair;
  results.payloadBytes = pair.payloadBytes;
  try {
    const fanout: FanoutResult[] = [];
    const throughput: ThroughputResult[] = [];
    if (only.has("throughput")) {
      log("throughput, no displays (emit → ack: the pipeline and its durable commit alone)");
      throughput.push(await measureThroughput(0, ours, { ...throughputOpts, rates: RATES_NO_DISPLAYS }));
    }
    for (const n of DISPLAY_COUNTS) {
      const skipFanout = !only.has("fanout");
      const wantThroughput = only.has("throughput") && n === 200;
      if (skipFanout && !wantThroughput) continue;
      log(`connecting ${n} displays to each server`);
      await ours.connectDisplays(n);
      await bare.connectDisplays(n);
      if (!skipFanout) {
        log(`fan-out to ${n} displays: ${fanoutOpts.repeats} runs × ${fanoutOpts.samples} changes, interleaved with the baseline`);
        fanout.push(await measureFanout(n, ours, bare, fanoutOpts));
      }
      if (wantThroughput) {
        log(`throughput to ${n} displays`);
        throughput.push(await measureThroughput(n, ours, { ...throughputOpts, rates: RATES_WITH_DISPLAYS }));
        log(`throughput to ${n} displays, baseline`);
        throughput.push(await measureThroughput(n, bare, { ...throughputOpts, rates: RATES_WITH_DISPLAYS }));
      }
      await ours.disconnectDisplays();
      await bare.disconnectDisplays();
    }
    if (ours.errors.length) throw new Error(`magboard refused ${ours.errors.length} commands, e.g. ${ours.errors[0]}`);
    if (fanout.length) results.fanout = fanout;
    if (throughput.length) results.throughput = throughput;
  } finally {
    await pair.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

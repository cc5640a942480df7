import { performance } from "node:perf_hooks";
import type { Timing } from "./lib/clients.js";
import { median, medianOfRuns, sleep, summarize, type Summary } from "./lib/stats.js";
import type { Target } from "./lib/targets.js";

export interface FanoutOptions {
  repeats: number;
  samples: number;
  warmup: number;
  /** Idle time between two commands: one change in flight at a time (closed loop). */
  pauseMs: number;
}

export interface PathFigures {
  /** emit → receipt at the last display */
  last: Summary;
  first: Summary;
  ack: Summary;
  lost: number;
}

export interface FanoutResult {
  n: number;
  ours: PathFigures;
  bare: PathFigures;
  /** ours p99 / bare p99, each the median over the runs */
  p99Ratio: number;
  runs: { ours: PathFigures; bare: PathFigures }[];
}

class Collector {
  last: number[] = [];
  first: number[] = [];
  ack: number[] = [];
  lost = 0;
  add(t: Timing | null): void {
    if (!t) return void (this.lost += 1);
    this.last.push(t.last);
    this.first.push(t.first);
    this.ack.push(t.ack);
  }
  figures(): PathFigures {
    return { last: summarize(this.last), first: summarize(this.first), ack: summarize(this.ack), lost: this.lost };
  }
}

function medianFigures(runs: PathFigures[]): PathFigures {
  return {
    last: medianOfRuns(runs.map((r) => r.last)),
    first: medianOfRuns(runs.map((r) => r.first)),
    ack: medianOfRuns(runs.map((r) => r.ack)),
    lost: runs.reduce((s, r) => s + r.lost, 0),
  };
}

/**
 * Closed loop, ours and the baseline interleaved command by command (ABBA order), so that whatever
 * else the shared machine is doing weighs on both alike. Both targets must have `n` displays connected.
 */
export async function measureFanout(n: number, ours: Target, bare: Target, opt: FanoutOptions): Promise<FanoutResult> {
  for (let i = 0; i < opt.warmup; i++) {
    await ours.send();
    await bare.send();
    await sleep(opt.pauseMs);
  }
  const runs: FanoutResult["runs"] = [];
  for (let r = 0; r < opt.repeats; r++) {
    const o = new Collector();
    const b = new Collector();
    for (let i = 0; i < opt.samples; i++) {
      const pair: [Target, Collector][] = i % 2 === 0 ? [[ours, o], [bare, b]] : [[bare, b], [ours, o]];
      for (const [target, collector] of pair) {
        collector.add(await target.send());
        await sleep(opt.pauseMs);
      }
    }
    runs.push({ ours: o.figures(), bare: b.figures() });
  }
  const oursM = medianFigures(runs.map((r) => r.ours));
  const bareM = medianFigures(runs.map((r) => r.bare));
  return { n, ours: oursM, bare: bareM, p99Ratio: oursM.last.p99 / bareM.last.p99, runs };
}

export interface ThroughputOptions {
  rates: number[];
  stepMs: number;
  repeats: number;
}

export interface Step {
  rate: number;
  achievedRate: number;
  latency: Summary;
  lost: number;
}

export interface ThroughputResult {
  target: string;
  displays: number;
  /** The highest offered rate whose p99 stayed within twice the closed-loop p99, all delivered; median over runs. */
  sustained: number;
  /** p99 with one command in flight at a time, measured at the start of each run: the baseline the doubling is judged against; median over runs. */
  baselineP99: number;
  runs: { sustained: number; baselineP99: number; steps: Step[] }[];
}

/** Open loop: `rate` commands per second for `stepMs`, each timed from its emit to the last display (or its ack with none). */
async function step(target: Target, rate: number, stepMs: number): Promise<Step> {
  // at least 100 commands, so that a p99 is not just the maximum
  const total = Math.max(100, Math.round((rate * stepMs) / 1000));
  const pending: Promise<Timing | null>[] = [];
  const start = performance.now();
  while (pending.length < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
    while (pending.length < due) pending.push(target.send());
    await sleep(1);
  }
  const span = performance.now() - start;
  const timings = await Promise.all(pending);
  const done = timings.filter((t): t is Timing => t !== null);
  return {
    rate,
    achievedRate: total > 1 ? ((total - 1) * 1000) / span : rate,
    latency: summarize(done.map((t) => t.last)),
    lost: timings.length - done.length,
  };
}

export async function measureThroughput(displays: number, target: Target, opt: ThroughputOptions): Promise<ThroughputResult> {
  const runs: ThroughputResult["runs"] = [];
  for (let r = 0; r < opt.repeats; r++) {
    const closed: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t = await target.send();
      if (t) closed.push(t.last);
      await sleep(10);
    }
    const baseline = summarize(closed).p99;
    const steps: Step[] = [];
    let sustained = 0;
    for (const rate of opt.rates) {
      const s = await step(target, rate, opt.stepMs);
      steps.push(s);
      // a sender that could not keep the rate is overloaded too (its event loop is where displays are counted)
      const ok = s.lost === 0 && s.latency.p99 <= 2 * baseline && s.achievedRate >= 0.9 * rate;
      if (!ok) break;
      sustained = rate;
      await sleep(200);
    }
    runs.push({ sustained, baselineP99: baseline, steps });
    await sleep(500);
  }
  return { target: target.name, displays, sustained: median(runs.map((r) => r.sustained)), baselineP99: median(runs.map((r) => r.baselineP99)), runs };
}

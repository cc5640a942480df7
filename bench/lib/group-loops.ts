import { performance } from "node:perf_hooks";
import type { Timing } from "./clients.js";
import type { ChangeSender } from "./group-targets.js";
import type { CpuMeter } from "./proc-cpu.js";
import { median, medianOfRuns, sleep, summarize, type Summary } from "./stats.js";
import type { DisplaySwarm } from "./swarm.js";

/** A sender, the displays its changes go to, and the server processes that do its work. */
export interface Probe {
  sender: ChangeSender;
  /** displays each change must reach */
  perChange: number;
  /** displays connected to its servers in all */
  displays: number;
  servers: CpuMeter;
}

/** Where the CPU went while a target was measured, in cores (CPU seconds per second of wall time). */
export interface CpuShare {
  clients: number;
  servers: number;
  /** the bench process itself: the editors' sockets and the bookkeeping */
  bench: number;
  wallSeconds: number;
}

export interface LoopFigures {
  /** emit → the last display of the change's site */
  last: Summary;
  ack: Summary;
  lost: number;
  refused: number;
}

export interface ClosedLoopRow extends LoopFigures {
  target: string;
  perChange: number;
  displays: number;
  cpu: CpuShare;
  runs: LoopFigures[];
}

class CpuClock {
  private clients = 0;
  private servers = 0;
  private bench = 0;
  private wall = 0;
  private mark = { clients: 0, servers: 0, bench: 0, wall: 0 };

  constructor(
    private readonly swarm: DisplaySwarm,
    private readonly meter: CpuMeter,
  ) {}

  async start(): Promise<void> {
    this.mark = { clients: await clientMs(this.swarm), servers: this.meter.read(), bench: benchMs(), wall: performance.now() };
  }

  async stop(): Promise<void> {
    this.clients += (await clientMs(this.swarm)) - this.mark.clients;
    this.servers += this.meter.read() - this.mark.servers;
    this.bench += benchMs() - this.mark.bench;
    this.wall += performance.now() - this.mark.wall;
  }

  share(): CpuShare {
    const w = this.wall || Number.NaN;
    return { clients: this.clients / w, servers: this.servers / w, bench: this.bench / w, wallSeconds: this.wall / 1000 };
  }
}

const clientMs = async (swarm: DisplaySwarm) => (await swarm.usage()).reduce((s, u) => s + u.cpuMicros, 0) / 1000;
const benchMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function figures(timings: (Timing | null)[], refused: number): LoopFigures {
  const done = timings.filter((t): t is Timing => t !== null);
  return { last: summarize(done.map((t) => t.last)), ack: summarize(done.map((t) => t.ack)), lost: timings.length - done.length, refused };
}

/**
 * One change in flight at a time, `pauseMs` apart. The targets take turns in blocks of `block`
 * changes, the order turning each block, so that whatever else the shared machine does weighs on all
 * alike and each block's CPU time can be put down to its target.
 */
export async function closedLoop(swarm: DisplaySwarm, probes: Probe[], opt: { repeats: number; samples: number; block: number; pauseMs: number }): Promise<ClosedLoopRow[]> {
  const clocks = probes.map((p) => new CpuClock(swarm, p.servers));
  const runs: LoopFigures[][] = probes.map(() => []);
  for (let r = 0; r < opt.repeats; r++) {
    const timings: (Timing | null)[][] = probes.map(() => []);
    const refusedBefore = probes.map((p) => p.sender.errors.length);
    for (let b = 0; b * opt.block < opt.samples; b++) {
      for (let k = 0; k < probes.length; k++) {
        const i = (k + b + r) % probes.length;
        await clocks[i]!.start();
        for (let j = 0; j < opt.block; j++) {
          timings[i]!.push(await probes[i]!.sender.send());
          await sleep(opt.pauseMs);
        }
        await clocks[i]!.stop();
      }
    }
    probes.forEach((p, i) => runs[i]!.push(figures(timings[i]!, p.sender.errors.length - refusedBefore[i]!)));
  }
  return probes.map((p, i) => ({
    target: p.sender.name,
    perChange: p.perChange,
    displays: p.displays,
    last: medianOfRuns(runs[i]!.map((x) => x.last)),
    ack: medianOfRuns(runs[i]!.map((x) => x.ack)),
    lost: runs[i]!.reduce((s, x) => s + x.lost, 0),
    refused: runs[i]!.reduce((s, x) => s + x.refused, 0),
    cpu: clocks[i]!.share(),
    runs: runs[i]!,
  }));
}

export interface RateStep extends LoopFigures {
  rate: number;
  achievedRate: number;
  held: boolean;
  cpu: CpuShare;
}

export interface SustainedRow {
  target: string;
  perChange: number;
  displays: number;
  /** the highest rate held, median over the runs */
  held: number;
  runs: { held: number; steps: RateStep[] }[];
}

export interface SustainedOptions {
  /** the first rate; each next one doubles, up to `maxRate` */
  startRate: number;
  maxRate: number;
  stepMs: number;
  /** at least this many changes a step, so its p99 is not its maximum */
  minChanges: number;
  repeats: number;
  /** a step is held when every change reached every display and was acked, both p99 within this */
  boundMs: number;
}

/** Open loop: `rate` changes a second for a step, each timed from its emit to its last display. */
async function step(swarm: DisplaySwarm, probe: Probe, rate: number, opt: SustainedOptions): Promise<RateStep> {
  const total = Math.max(opt.minChanges, Math.round((rate * opt.stepMs) / 1000));
  const refusedBefore = probe.sender.errors.length;
  const clock = new CpuClock(swarm, probe.servers);
  await clock.start();
  const pending: Promise<Timing | null>[] = [];
  const start = performance.now();
  while (pending.length < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
    while (pending.length < due) pending.push(probe.sender.send());
    await sleep(1);
  }
  const span = performance.now() - start;
  const f = figures(await Promise.all(pending), probe.sender.errors.length - refusedBefore);
  await clock.stop();
  const achievedRate = total > 1 ? ((total - 1) * 1000) / span : rate;
  // a sender that could not keep the rate is overloaded too: its event loop is where acks are counted
  const held = f.lost === 0 && f.refused === 0 && f.last.p99 <= opt.boundMs && f.ack.p99 <= opt.boundMs && achievedRate >= 0.9 * rate;
  return { rate, achievedRate, ...f, held, cpu: clock.share() };
}

/**
 * Doubles the rate until a step is not held, then tries once halfway between the last held and the
 * first not held; the highest held is the run's figure.
 */
export async function sustained(swarm: DisplaySwarm, probe: Probe, opt: SustainedOptions, log: (msg: string) => void): Promise<SustainedRow> {
  const runs: SustainedRow["runs"] = [];
  for (let r = 0; r < opt.repeats; r++) {
    const steps: RateStep[] = [];
    let held = 0;
    let failed = 0;
    for (let rate = opt.startRate; rate <= opt.maxRate; rate *= 2) {
      const s = await step(swarm, probe, rate, opt);
      steps.push(s);
      log(`${probe.sender.name}: ${rate}/s → ${s.achievedRate.toFixed(0)}/s sent, p99 last ${s.last.p99.toFixed(1)} ms, ack ${s.ack.p99.toFixed(1)} ms, lost ${s.lost}, refused ${s.refused}${s.held ? "" : " (not held)"}`);
      if (!s.held) {
        failed = rate;
        break;
      }
      held = rate;
      await sleep(300);
    }
    if (failed > 0) {
      const mid = Math.round((held + failed) / 2);
      if (mid > held && mid < failed) {
        await sleep(1_000);
        const s = await step(swarm, probe, mid, opt);
        steps.push(s);
        log(`${probe.sender.name}: ${mid}/s → p99 last ${s.last.p99.toFixed(1)} ms, ack ${s.ack.p99.toFixed(1)} ms, lost ${s.lost}, refused ${s.refused}${s.held ? "" : " (not held)"}`);
        if (s.held) held = mid;
      }
    }
    runs.push({ held, steps });
    await sleep(1_000);
  }
  return { target: probe.sender.name, perChange: probe.perChange, displays: probe.displays, held: median(runs.map((x) => x.held)), runs };
}

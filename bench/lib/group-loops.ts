import { performance } from "node:perf_hooks";
import type { Timing } from "./clients.js";
import type { ChangeSender } from "./group-targets.js";
import { machineBusyMs, type CpuMeter } from "./proc-cpu.js";
import { median, sleep, summarize, type Summary } from "./stats.js";
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
  /** the whole machine, whoever's: what is left of its cores is what the target could have had */
  machine: number;
  wallSeconds: number;
}

export interface LoopFigures {
  /** emit → the last display of the change's site */
  last: Summary;
  ack: Summary;
  lost: number;
  refused: number;
}

/** Percentiles over every change of every run (a run of 80 has no p99 short of its maximum). */
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
  private machine = 0;
  private wall = 0;
  private mark = { clients: 0, servers: 0, bench: 0, machine: 0, wall: 0 };

  constructor(
    private readonly swarm: DisplaySwarm,
    private readonly meter: CpuMeter,
  ) {}

  async start(): Promise<void> {
    this.mark = { clients: await clientMs(this.swarm), servers: this.meter.read(), bench: benchMs(), machine: machineBusyMs(), wall: performance.now() };
  }

  async stop(): Promise<void> {
    this.clients += (await clientMs(this.swarm)) - this.mark.clients;
    this.servers += this.meter.read() - this.mark.servers;
    this.bench += benchMs() - this.mark.bench;
    this.machine += machineBusyMs() - this.mark.machine;
    this.wall += performance.now() - this.mark.wall;
  }

  share(): CpuShare {
    const w = this.wall || Number.NaN;
    return { clients: this.clients / w, servers: this.servers / w, bench: this.bench / w, machine: this.machine / w, wallSeconds: this.wall / 1000 };
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
  const all: (Timing | null)[][] = probes.map(() => []);
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
    probes.forEach((p, i) => {
      runs[i]!.push(figures(timings[i]!, p.sender.errors.length - refusedBefore[i]!));
      all[i]!.push(...timings[i]!);
    });
  }
  return probes.map((p, i) => ({
    target: p.sender.name,
    perChange: p.perChange,
    displays: p.displays,
    ...figures(all[i]!, runs[i]!.reduce((s, x) => s + x.refused, 0)),
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

const say = (name: string, s: RateStep) =>
  `${name}: ${s.rate}/s → ${s.achievedRate.toFixed(0)}/s sent, p99 last ${s.last.p99.toFixed(1)} ms, ack ${s.ack.p99.toFixed(1)} ms, lost ${s.lost}, refused ${s.refused}${s.held ? "" : " (not held)"}`;

/**
 * One run: doubles the rate until a step is not held, then tries once halfway between the last held
 * and the first not held; the highest held is the run's figure. A step not held is tried once more
 * after a pause before it counts: on a machine others share, one burst of their work would
 * otherwise end the run.
 */
export async function sustainedRun(swarm: DisplaySwarm, probe: Probe, opt: SustainedOptions, log: (msg: string) => void): Promise<{ held: number; steps: RateStep[] }> {
  const steps: RateStep[] = [];
  const attempt = async (rate: number): Promise<boolean> => {
    for (let tries = 0; tries < 2; tries++) {
      if (tries > 0) await sleep(2_000);
      const s = await step(swarm, probe, rate, opt);
      steps.push(s);
      log(say(probe.sender.name, s));
      if (s.held) return true;
    }
    return false;
  };
  let held = 0;
  let failed = 0;
  for (let rate = opt.startRate; rate <= opt.maxRate; rate *= 2) {
    if (!(await attempt(rate))) {
      failed = rate;
      break;
    }
    held = rate;
    await sleep(300);
  }
  const mid = Math.round((held + failed) / 2);
  if (failed > 0 && mid > held && mid < failed && (await attempt(mid))) held = mid;
  return { held, steps };
}

/** The runs of every target in turn (run 1 of each, then run 2 of each), so the machine's other work weighs on all alike. */
export async function sustained(swarm: DisplaySwarm, probes: Probe[], opt: SustainedOptions, log: (msg: string) => void): Promise<SustainedRow[]> {
  const runs = probes.map((): SustainedRow["runs"] => []);
  for (let r = 0; r < opt.repeats; r++) {
    for (const [i, probe] of probes.entries()) {
      log(`sustained rate, run ${r + 1} of ${opt.repeats}: ${probe.sender.name}`);
      runs[i]!.push(await sustainedRun(swarm, probe, opt, log));
      // the displays' processes settle (their collectors too) before the next target
      await sleep(2_000);
    }
  }
  return probes.map((p, i) => ({ target: p.sender.name, perChange: p.perChange, displays: p.displays, held: median(runs[i]!.map((x) => x.held)), runs: runs[i]! }));
}

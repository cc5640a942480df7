import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ROOT } from "./child.js";
import type { Timing } from "./clients.js";
import type { SwarmReply, SwarmRequest, SwarmUsage } from "./swarm-protocol.js";

/** The monotonic clock every process on the machine shares (the swarm's receipts are on it too), in ms. */
export const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;

type Request = SwarmRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

class SwarmProcess {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(
    readonly proc: ChildProcess,
    onDone: (items: { key: string; first: number; last: number }[]) => void,
  ) {
    proc.on("message", (msg: SwarmReply) => {
      if ("done" in msg) return onDone(msg.done);
      if (!("id" in msg)) return;
      const w = this.waiting.get(msg.id);
      this.waiting.delete(msg.id);
      if ("error" in msg) w?.reject(new Error(msg.error));
      else w?.resolve(msg.result);
    });
    proc.on("exit", (code, signal) => {
      for (const w of this.waiting.values()) w.reject(new Error(`a display swarm process exited (${code ?? signal})`));
      this.waiting.clear();
    });
  }

  request<T>(req: Request): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.proc.send({ ...req, id });
    });
  }
}

interface Pending {
  t0: number;
  ack: number;
  first: number;
  last: number;
  /** swarm processes whose share of the group has not reported the change yet */
  reportsLeft: number;
  done: (t: Timing | null) => void;
  timer: NodeJS.Timeout;
}

/**
 * Thousands of display sockets spread evenly over a few processes. A group's change is complete
 * when its ack is in and every process holding part of the group reported its share's last receipt;
 * its `last` is the latest of those, measured from the emit on the shared monotonic clock.
 */
export class DisplaySwarm {
  private readonly pending = new Map<string, Pending>();
  /** per group: how many displays each process holds */
  private readonly shares = new Map<string, number[]>();

  private constructor(
    private readonly procs: SwarmProcess[],
    private readonly timeoutMs: number,
  ) {}

  static async start(processes: number, timeoutMs = 10_000): Promise<DisplaySwarm> {
    const swarm: DisplaySwarm = new DisplaySwarm([], timeoutMs);
    for (let i = 0; i < processes; i++) {
      const proc = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "bench", "clients", "display-swarm.ts")], {
        cwd: ROOT,
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      await new Promise<void>((resolve, reject) => {
        proc.once("exit", (code) => reject(new Error(`display swarm process exited (${code}) before it was ready`)));
        proc.once("message", () => resolve());
      });
      swarm.procs.push(new SwarmProcess(proc, (items) => swarm.reported(items)));
    }
    return swarm;
  }

  /** `count` displays of `group`, as evenly as can be over the processes. */
  async open(group: string, spec: { url: string; kind: "magboard" | "bare"; date: string }, count: number): Promise<void> {
    const n = this.procs.length;
    const share = this.procs.map((_, i) => Math.floor(count / n) + (i < count % n ? 1 : 0));
    await Promise.all(this.procs.map((p, i) => (share[i]! > 0 ? p.request({ op: "open", group, ...spec, count: share[i]! }) : Promise.resolve())));
    this.shares.set(group, share);
  }

  async close(group: string): Promise<void> {
    await Promise.all(this.procs.map((p) => p.request({ op: "close", group })));
    this.shares.delete(group);
  }

  displays(group: string): number {
    return (this.shares.get(group) ?? []).reduce((s, x) => s + x, 0);
  }

  /** Starts timing a change of `group` whose receipt key is `key`; call just before the emit, then `acked`. */
  begin(group: string, key: string): Promise<Timing | null> {
    const reports = (this.shares.get(group) ?? []).filter((x) => x > 0).length;
    return new Promise((done) => {
      const timer = setTimeout(() => {
        this.pending.delete(key);
        done(null);
      }, this.timeoutMs);
      this.pending.set(key, { t0: monotonicMs(), ack: Number.NaN, first: Number.POSITIVE_INFINITY, last: 0, reportsLeft: reports, done, timer });
    });
  }

  acked(key: string): void {
    const p = this.pending.get(key);
    if (!p) return;
    p.ack = monotonicMs() - p.t0;
    this.finishIfDone(key, p);
  }

  private reported(items: { key: string; first: number; last: number }[]): void {
    for (const { key, first, last } of items) {
      const p = this.pending.get(key);
      if (!p) continue;
      p.first = Math.min(p.first, first - p.t0);
      p.last = Math.max(p.last, last - p.t0);
      p.reportsLeft -= 1;
      this.finishIfDone(key, p);
    }
  }

  private finishIfDone(key: string, p: Pending): void {
    if (Number.isNaN(p.ack) || p.reportsLeft > 0) return;
    clearTimeout(p.timer);
    this.pending.delete(key);
    const none = p.first === Number.POSITIVE_INFINITY;
    p.done({ ack: p.ack, first: none ? p.ack : p.first, last: none ? p.ack : p.last });
  }

  /** Each process's CPU time so far, memory and dropped displays. */
  usage(): Promise<SwarmUsage[]> {
    return Promise.all(this.procs.map((p) => p.request<SwarmUsage>({ op: "usage" })));
  }

  get pids(): number[] {
    return this.procs.map((p) => p.proc.pid!).filter((x) => x !== undefined);
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.procs.map(
        (p) =>
          new Promise<void>((resolve) => {
            if (p.proc.exitCode !== null || p.proc.signalCode !== null) return resolve();
            p.proc.once("exit", () => resolve());
            p.proc.send({ op: "stop", id: 0 });
            setTimeout(() => p.proc.kill("SIGKILL"), 3_000).unref();
          }),
      ),
    );
  }
}

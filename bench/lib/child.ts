import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Messages a bench server child answers over IPC. */
export type ChildRequest = { op: "memory" } | { op: "stop" };
export interface Memory {
  rss: number;
  heapUsed: number;
}

/**
 * A server under test in its own process, so that it never shares an event loop with the clients
 * that measure it (the anchors' method).
 */
export class ServerChild<Ready> {
  private nextId = 1;
  private readonly waiting = new Map<number, (value: unknown) => void>();

  private constructor(
    private readonly proc: ChildProcess,
    readonly ready: Ready,
  ) {
    proc.on("message", (msg: { id?: number; result?: unknown }) => {
      if (msg.id === undefined) return;
      this.waiting.get(msg.id)?.(msg.result);
      this.waiting.delete(msg.id);
    });
  }

  static start<Ready>(script: string, env: Record<string, string>): Promise<ServerChild<Ready>> {
    const proc = spawn(process.execPath, ["--expose-gc", "--import", "tsx", path.join(ROOT, "bench", "servers", script)], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    return new Promise((resolve, reject) => {
      proc.once("exit", (code) => reject(new Error(`${script} exited (${code}) before it was ready`)));
      proc.once("message", (msg: { ready?: Ready }) => {
        if (msg.ready) resolve(new ServerChild(proc, msg.ready));
      });
    });
  }

  /** The child's process id (the cluster section reads its CPU time). */
  get pid(): number | undefined {
    return this.proc.pid;
  }

  request<T>(req: ChildRequest): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve as (value: unknown) => void);
      this.proc.send({ id, ...req });
    });
  }

  /** RSS after a full garbage collection, so it counts what is held rather than what is not yet freed. */
  memory(): Promise<Memory> {
    return this.request<Memory>({ op: "memory" });
  }

  /** As a power cut or `kill -9` ends it: no clean shutdown, sockets dropped by the kernel. */
  async kill(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.proc.once("exit", () => resolve()));
    this.proc.kill("SIGKILL");
    await exited;
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.proc.once("exit", () => resolve()));
    this.proc.send({ id: 0, op: "stop" });
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
    if (this.proc.exitCode === null) this.proc.kill("SIGKILL");
  }
}

/**
 * The child's side of a timed restart: how long to wait before listening, so that servers of different
 * start-up times come back at the same moment after their kill (`BENCH_LISTEN_AT`, ms since epoch).
 */
export function delayUntilListen(): number {
  const at = Number(process.env.BENCH_LISTEN_AT ?? 0);
  return Math.max(0, at - Date.now());
}

/** The child's side: answer memory requests, stop on request, announce readiness. */
export function serveParent<Ready>(ready: Ready, stop: () => Promise<void>): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on("message", (msg: { id: number } & ChildRequest) => {
    if (msg.op === "memory") {
      gc?.();
      const m = process.memoryUsage();
      process.send!({ id: msg.id, result: { rss: m.rss, heapUsed: m.heapUsed } satisfies Memory });
    } else if (msg.op === "stop") {
      void stop().then(() => process.exit(0));
    }
  });
  // the parent died: do not linger
  process.on("disconnect", () => process.exit(0));
  process.send!({ ready });
}

import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import type { Socket } from "node:net";
import { portAnswers } from "./port-answers.js";

/** A private Redis in a folder of its own, on a loopback port, in the foreground (no daemon to find later). */
export interface RedisServer {
  port: number;
  url: string;
  /** The running server's process id (a benchmark reads its CPU time); undefined while it is down. */
  pid(): number | undefined;
  /** Starts it again on the same port; with no persistence it comes back empty, as after a crash of a cache. */
  start(): Promise<void>;
  /** SIGKILL: the fan-out's streams are gone with it. */
  kill(): Promise<void>;
}

/** Redis answers PING: its first command will not be refused. */
const answersPing = (socket: Socket): Promise<boolean> =>
  new Promise((resolve) => {
    socket.once("data", (d: Buffer) => resolve(d.toString().startsWith("+PONG")));
    socket.write("PING\r\n");
  });

export async function startRedis(opts: { dir: string; port: number; binary?: string }): Promise<RedisServer> {
  mkdirSync(opts.dir, { recursive: true });
  let child: ChildProcess | null = null;
  let log = "";
  const start = async () => {
    // no RDB/AOF: the fan-out is a relay, and the screens replay from the database after any gap
    child = spawn(opts.binary ?? "redis-server", ["--port", String(opts.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", opts.dir], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
    child.stderr!.on("data", (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
    const exited = new Promise<never>((_, reject) => child!.once("exit", (code) => reject(new Error(`redis-server exited (${code}):\n${log}`))));
    exited.catch(() => {});
    await Promise.race([portAnswers(opts.port, Date.now() + 10_000, "redis-server", answersPing), exited]);
  };
  await start();
  return {
    port: opts.port,
    url: `redis://127.0.0.1:${opts.port}`,
    pid: () => (child && child.exitCode === null && child.signalCode === null ? child.pid : undefined),
    start,
    kill: async () => {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      await new Promise((resolve) => {
        c.once("exit", resolve);
        c.kill("SIGKILL");
      });
    },
  };
}

import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { portAnswers } from "./port-answers.js";
import path from "node:path";

export interface Backend {
  name: string;
  port: number;
}

/**
 * The balancer in front of the nodes: plain round robin, no sticky sessions (the screens speak
 * websocket only, so a connection never spans nodes). A node that stops answering its health check
 * is taken out within about two seconds and its open connections are cut, so its screens reconnect
 * at once, through the balancer, to a node that lives.
 */
export function haproxyConfig(opts: { port: number; backends: Backend[]; healthPath?: string }): string {
  const servers = opts.backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port} check`).join("\n");
  return `global
  # 2,000 screens in the benchmark, two descriptors each (client and node side); the FD limit here is 20,000
  maxconn 8000

defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # a websocket is a tunnel once upgraded: screens stay connected for weeks
  timeout tunnel 24h
  option forwardfor
  # a node killed between two health checks refuses the connection: try the next node at once
  retries 3
  option redispatch

frontend magboard
  bind 127.0.0.1:${opts.port}
  default_backend nodes

backend nodes
  balance roundrobin
  option httpchk GET ${opts.healthPath ?? "/api/health"}
  # a node that answers is alive: 503 is its word that PostgreSQL is down, which every node shares;
  # taking them all out would cut every screen, where they should stay and hear the clear refusal
  http-check expect rstatus ^(200|503)$
  default-server inter 1s fall 2 rise 1 on-marked-down shutdown-sessions
${servers}
`;
}

export interface Balancer {
  port: number;
  url: string;
  /** HAProxy's process id (a benchmark reads its CPU time). */
  pid: number | undefined;
  stop(): Promise<void>;
}

export async function startHaproxy(opts: { dir: string; port: number; backends: Backend[]; healthPath?: string; binary?: string }): Promise<Balancer> {
  mkdirSync(opts.dir, { recursive: true });
  const cfg = path.join(opts.dir, "haproxy.cfg");
  writeFileSync(cfg, haproxyConfig(opts));
  let log = "";
  // -db: stay in the foreground, so the balancer ends with whoever started it
  const child: ChildProcess = spawn(opts.binary ?? "haproxy", ["-db", "-f", cfg], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  child.stderr!.on("data", (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`haproxy exited (${code}):\n${log}`))));
  exited.catch(() => {});
  await Promise.race([portAnswers(opts.port, Date.now() + 10_000, "haproxy", () => Promise.resolve(true)), exited]);
  return {
    port: opts.port,
    url: `http://127.0.0.1:${opts.port}`,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise((resolve) => {
        child.once("exit", resolve);
        child.kill("SIGTERM");
      });
    },
  };
}

import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startPostgres, type PostgresServer } from "./postgres.js";
import { startRedis, type RedisServer } from "./redis.js";
import { startHaproxy, type Balancer } from "./haproxy.js";
import { freePort } from "./free-port.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** One magboard node: `server/main.ts` in its own process, on PostgreSQL and Redis. */
export interface ClusterNode {
  name: string;
  port: number;
  url: string;
  process: ChildProcess;
  /** What it printed, the last few KB. */
  output(): string;
  /** As the service manager would after a crash: the same port, name and environment. */
  restart(): Promise<void>;
}

export interface Cluster {
  postgres: PostgresServer;
  redis: RedisServer;
  balancer: Balancer;
  nodes: ClusterNode[];
  /** The balancer's address: what screens and editors open. */
  url: string;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /** A folder of its own for the services' data; removed by `stop`. */
  dir: string;
  nodes?: number;
  /** The balancer's port; a free one when absent. */
  port?: number;
  /** Extra environment for every node (MAGBOARD_ADMIN_PASSWORD, MAGBOARD_SAMPLE, …). */
  env?: NodeJS.ProcessEnv;
  /** Where a node's lines go as they come (npm run cluster prints them). */
  onLine?: (node: string, line: string) => void;
  /**
   * Work on the group's database once PostgreSQL answers and before the first node starts, e.g.
   * `createSite` for each store a benchmark or test wants (the nodes then find them registered).
   */
  beforeNodes?: (databaseUrl: string) => Promise<void>;
}

/** Resolves once the node says it listens (main.ts prints its API address last), or rejects when it exits first. */
function listening(node: ClusterNode): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!/API\s+http:\/\/localhost:\d+\/api\/health/.test(node.output())) return;
      node.process.stdout!.off("data", check);
      node.process.off("exit", died);
      resolve();
    };
    const died = (code: number | null, signal: string | null) => reject(new Error(`${node.name} exited (${code ?? signal}) before it listened:\n${node.output()}`));
    node.process.stdout!.on("data", check);
    node.process.once("exit", died);
  });
}

/**
 * PostgreSQL, Redis, `nodes` magboard nodes and HAProxy in front of them, as Debian ships them, in
 * private folders on loopback ports: `npm run cluster`, and the cluster tests, start it this way.
 * The first node creates the group's schema and first site; the others start after it answers.
 */
export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  mkdirSync(opts.dir, { recursive: true });
  const postgres = await startPostgres({ dir: path.join(opts.dir, "pg"), port: await freePort() });
  const redis = await startRedis({ dir: path.join(opts.dir, "redis"), port: await freePort() });
  await opts.beforeNodes?.(postgres.url);
  const nodes: ClusterNode[] = [];
  const count = opts.nodes ?? 3;
  for (let i = 1; i <= count; i++) {
    const name = `node-${i}`;
    const port = await freePort();
    let out = "";
    const node: ClusterNode = {
      name,
      port,
      url: `http://127.0.0.1:${port}`,
      process: null as unknown as ChildProcess,
      output: () => out,
      restart: async () => {
        launch();
        await listening(node);
      },
    };
    const launch = () => {
      const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
        cwd: root,
        env: {
          ...process.env,
          ...opts.env,
          DATABASE_URL: postgres.url,
          REDIS_URL: redis.url,
          MAGBOARD_NODE: name,
          PORT: String(port),
          HOST: "127.0.0.1",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const take = (d: Buffer) => {
        const text = d.toString();
        out = (out + text).slice(-8000);
        if (opts.onLine) for (const line of text.split("\n").filter(Boolean)) opts.onLine(name, line);
      };
      child.stdout.on("data", take);
      child.stderr.on("data", take);
      node.process = child;
    };
    launch();
    await listening(node);
    nodes.push(node);
  }
  const balancer = await startHaproxy({
    dir: path.join(opts.dir, "haproxy"),
    port: opts.port ?? (await freePort()),
    backends: nodes.map((n) => ({ name: n.name, port: n.port })),
  });
  return {
    postgres,
    redis,
    balancer,
    nodes,
    url: balancer.url,
    async stop() {
      await balancer.stop();
      await Promise.all(
        nodes.map(
          (n) =>
            new Promise<void>((resolve) => {
              if (n.process.exitCode !== null || n.process.signalCode !== null) return resolve();
              n.process.once("exit", () => resolve());
              n.process.kill("SIGTERM");
            }),
        ),
      );
      await redis.kill();
      await postgres.stop().catch(() => undefined);
      rmSync(opts.dir, { recursive: true, force: true });
    },
  };
}

// The dealer group on one machine (issue 17 point 5): three nodes behind HAProxy on PostgreSQL and
// Redis, ten sites of 200 displays each, beside one node on SQLite (npm start's default) carrying
// one site's load and the whole load, and beside the bare Socket.IO broadcast. Everything is
// server/main.ts as an operator runs it; the displays run in a few processes of their own.
import os from "node:os";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import pg from "pg";
import { spawnSync } from "node:child_process";
import { startCluster, type Cluster } from "../scripts/cluster/cluster.js";
import { postgresBinDir } from "../scripts/cluster/postgres.js";
import { createSite } from "../server/db/pg/sites.js";
import { PROTOCOL_VERSION } from "../shared/protocol.js";
import type { BoardPatch } from "../shared/schemas/board.js";
import { ServerChild } from "./lib/child.js";
import { BENCH_ADMIN_PASSWORD } from "./lib/full-day.js";
import { BareSender, RoundRobin, seedSite, signInAt, SiteEditor } from "./lib/group-targets.js";
import { closedLoop, sustained, type ClosedLoopRow, type Probe, type SustainedOptions, type SustainedRow } from "./lib/group-loops.js";
import { startMainNode, type MainNode } from "./lib/main-node.js";
import { CpuMeter, rssOf } from "./lib/proc-cpu.js";
import { round, sleep } from "./lib/stats.js";
import { DisplaySwarm } from "./lib/swarm.js";
import type { BareReady } from "./servers/bare-server.js";

export interface ClusterBenchOptions {
  tmp: string;
  quick: boolean;
  log: (msg: string) => void;
  nodes?: number;
  sites?: number;
  perSite?: number;
  /** processes the displays are spread over */
  swarmProcesses?: number;
  closed?: { repeats: number; samples: number; block: number; pauseMs: number };
  rate?: Partial<SustainedOptions>;
  /** which targets the sustained rate is measured on (all by default) */
  sustainedTargets?: string[];
  /** Until the group app serves /s/<slug>/: one site at the balancer's root (MAGBOARD_SITE unset serves the first registered). */
  atRoot?: boolean;
}

export interface ClusterResult {
  nodes: number;
  sites: number;
  perSite: number;
  swarmProcesses: number;
  cores: number;
  closedOpts: NonNullable<ClusterBenchOptions["closed"]>;
  rateOpts: SustainedOptions;
  postgres: { fsync: string; synchronousCommit: string; maxConnections: number; peakConnections: number };
  /** displays each node holds, by its /api/health, once all are connected */
  displaysPerNode: (number | null)[];
  /** RSS of each node with every display connected, MB */
  nodeRssMb: number[];
  /** each target's servers' CPU with every display connected and no change made, cores */
  idleServerCores: Record<string, number>;
  closed: ClosedLoopRow[];
  sustained: SustainedRow[];
  /** What went wrong on the servers' side: nodes that died, displays dropped, commands refused. */
  problems: string[];
}

const TZ = "Asia/Shanghai";
/** The targets' names (and their displays' groups in the swarm): the group, one SQLite node with one site's or the whole load, the bare broadcast likewise. */
export const CLUSTER = "cluster";
export const SQLITE_SITE = "sqlite-site";
export const SQLITE_ALL = "sqlite-all";
export const BARE_SITE = "bare-site";
export const BARE_ALL = "bare-all";
/**
 * Connections a node may hold on PostgreSQL: the group's pool (3, server/group-app.ts), the clock
 * leader's session (1) and a pool for each store it has opened (4, server/group/site-registry.ts).
 * At PostgreSQL's default of 100, three nodes run out past 7 stores: with 10, displays following at
 * once made the pools grow until PostgreSQL refused ("sorry, too many clients already") and the
 * follows failed (`internal`). The private PostgreSQL is started with room for them all.
 */
export const connectionsPerNode = (sites: number) => 3 + 1 + 4 * sites;
const slugOf = (i: number) => `site-${String(i + 1).padStart(2, "0")}`;

/** Why the group cannot be started here (PostgreSQL, redis-server or haproxy not installed), or null. */
export function clusterServicesMissing(): string | null {
  try {
    postgresBinDir();
  } catch (err) {
    return (err as Error).message;
  }
  for (const tool of ["redis-server", "haproxy"]) if (spawnSync(tool, ["-v"]).error) return `${tool} is not installed (apt-get install ${tool === "haproxy" ? "haproxy" : "redis-server"})`;
  return null;
}

/** One display in this process, to capture a real patch for the baseline to carry. */
async function capturePatch(site: string, date: string, editor: SiteEditor): Promise<BoardPatch> {
  const s: Socket = io(`${site}/display`, { transports: ["websocket"], forceNew: true, reconnection: false });
  try {
    const got = new Promise<BoardPatch>((resolve) => s.on("board:patch", (p: BoardPatch) => p.ops[0]?.kind === "appointment" && resolve(p)));
    await s.emitWithAck("board:follow", { date, protocol: PROTOCOL_VERSION });
    await editor.send();
    return await Promise.race([got, sleep(10_000).then(() => Promise.reject(new Error("no patch reached the capturing display")))]);
  } finally {
    s.disconnect();
  }
}

async function pgFigures(url: string): Promise<{ client: pg.Client; settings: Omit<ClusterResult["postgres"], "peakConnections"> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const show = async (name: string) => ((await client.query(`SHOW ${name}`)).rows[0] as Record<string, string>)[name]!;
  return { client, settings: { fsync: await show("fsync"), synchronousCommit: await show("synchronous_commit"), maxConnections: Number(await show("max_connections")) } };
}

export async function measureCluster(o: ClusterBenchOptions): Promise<ClusterResult> {
  const nodes = o.nodes ?? 3;
  const sites = o.atRoot ? 1 : (o.sites ?? 10);
  const perSite = o.perSite ?? 200;
  const total = sites * perSite;
  const swarmProcesses = o.swarmProcesses ?? 4;
  const closedOpts = o.closed ?? (o.quick ? { repeats: 1, samples: 60, block: 20, pauseMs: 10 } : { repeats: 3, samples: 80, block: 20, pauseMs: 10 });
  const rateOpts: SustainedOptions = { startRate: 10, maxRate: 640, stepMs: 2_000, minChanges: 40, repeats: o.quick ? 1 : 2, boundMs: 250, ...o.rate };
  const env = { MAGBOARD_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD, MAGBOARD_SAMPLE: "0", MAGBOARD_TIME_ZONE: TZ };
  const problems: string[] = [];
  const closers: (() => Promise<void> | void)[] = [];
  const closeAll = async () => {
    for (const c of closers.splice(0).reverse()) await Promise.resolve(c()).catch(() => undefined);
  };
  // PostgreSQL runs detached from this process: an interrupted run must still stop it
  const interrupted = (signal: NodeJS.Signals) => void closeAll().then(() => process.kill(process.pid, signal));
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  closers.push(() => {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
  });

  try {
    o.log(`cluster: PostgreSQL, Redis, ${nodes} nodes and HAProxy; ${sites} sites created before the nodes start`);
    const cluster: Cluster = await startCluster({
      dir: path.join(o.tmp, "cluster"),
      nodes,
      env,
      // a node's complaint belongs in the bench's log, where the figures it may explain are
      onLine: (node, line) => {
        if (/error|warn|refus|unavailable|too many/i.test(line)) o.log(`[${node}] ${line.slice(0, 300)}`);
      },
      beforeNodes: async (url) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          for (let i = 0; i < sites; i++) await createSite(client, { slug: slugOf(i), name: `门店 ${i + 1}` });
        } finally {
          await client.end();
        }
      },
    });
    closers.push(() => cluster.stop());
    const { client: pgClient, settings } = await pgFigures(cluster.postgres.url);
    closers.push(() => pgClient.end());

    o.log("cluster: one node on SQLite for one site's load, one for the whole load, and two bare Socket.IO servers");
    const small: MainNode = await startMainNode(path.join(o.tmp, "sqlite-small"), env);
    closers.push(() => small.stop());
    const big: MainNode = await startMainNode(path.join(o.tmp, "sqlite-big"), env);
    closers.push(() => big.stop());
    const bareSmall = await ServerChild.start<BareReady>("bare-server.ts", {});
    closers.push(() => bareSmall.stop());
    const bareBig = await ServerChild.start<BareReady>("bare-server.ts", {});
    closers.push(() => bareBig.stop());

    o.log(`cluster: ${swarmProcesses} display processes`);
    const swarm = await DisplaySwarm.start(swarmProcesses, 5_000);
    closers.push(() => swarm.stop());

    o.log("cluster: the full day on every site, through each site's API");
    const siteUrls = o.atRoot ? [cluster.url] : Array.from({ length: sites }, (_, i) => `${cluster.url}/s/${slugOf(i)}`);
    const editors: SiteEditor[] = [];
    let date = "";
    for (const [i, site] of siteUrls.entries()) {
      const cookie = await signInAt(site);
      const seeded = await seedSite(site, cookie);
      date = seeded.date;
      editors.push(await SiteEditor.open(site, cookie, `${CLUSTER}/${slugOf(i)}`, swarm, seeded.cards));
    }
    const sqliteEditor = async (node: MainNode, group: string) => {
      const cookie = await signInAt(node.url);
      const seeded = await seedSite(node.url, cookie);
      return SiteEditor.open(node.url, cookie, group, swarm, seeded.cards);
    };
    const smallEditor = await sqliteEditor(small, SQLITE_SITE);
    const bigEditor = await sqliteEditor(big, SQLITE_ALL);
    for (const e of [...editors, smallEditor, bigEditor]) closers.push(() => e.close());
    const payload = await capturePatch(small.url, date, smallEditor);
    const bareUrl = (c: ServerChild<BareReady>) => `http://127.0.0.1:${c.ready.port}`;
    const bareSmallSender = await BareSender.open(bareUrl(bareSmall), BARE_SITE, swarm, payload);
    const bareBigSender = await BareSender.open(bareUrl(bareBig), BARE_ALL, swarm, payload);
    closers.push(() => bareSmallSender.close(), () => bareBigSender.close());

    o.log(`cluster: connecting ${total} displays through HAProxy (${perSite} on each site), ${perSite} + ${total} to the SQLite nodes, ${perSite} + ${total} to the bare servers`);
    for (const [i, site] of siteUrls.entries()) await swarm.open(`${CLUSTER}/${slugOf(i)}`, { url: `${site}/display`, kind: "magboard", date }, perSite);
    await swarm.open(SQLITE_SITE, { url: `${small.url}/display`, kind: "magboard", date }, perSite);
    await swarm.open(SQLITE_ALL, { url: `${big.url}/display`, kind: "magboard", date }, total);
    await swarm.open(BARE_SITE, { url: bareUrl(bareSmall), kind: "bare", date }, perSite);
    await swarm.open(BARE_ALL, { url: bareUrl(bareBig), kind: "bare", date }, total);
    // each node's own count of each site's displays (a site's health answers for the node asked)
    const displaysPerNode = await Promise.all(
      cluster.nodes.map(async (n) => {
        let sum = 0;
        for (const site of siteUrls) {
          const body = (await (await fetch(site.replace(cluster.url, n.url) + "/api/health")).json()) as { displays?: unknown };
          if (typeof body.displays !== "number") return null;
          sum += body.displays;
        }
        return sum;
      }),
    );
    const nodeRssMb = cluster.nodes.map((n) => Math.round(rssOf(n.process.pid!) / 2 ** 20));
    o.log(`cluster: displays per node ${displaysPerNode.join(" / ")}; node RSS ${nodeRssMb.join(" / ")} MB`);

    const clusterServers = new CpuMeter(() => [
      ...cluster.nodes.map((n) => ({ pid: n.process.pid })),
      { pid: cluster.postgres.pid(), withChildren: true },
      { pid: cluster.redis.pid() },
      { pid: cluster.balancer.pid },
    ]);
    const probes: Probe[] = [
      { sender: new RoundRobin(CLUSTER, editors), perChange: perSite, displays: total, servers: clusterServers },
      { sender: smallEditor, perChange: perSite, displays: perSite, servers: new CpuMeter(() => [{ pid: small.pid }]) },
      { sender: bigEditor, perChange: total, displays: total, servers: new CpuMeter(() => [{ pid: big.pid }]) },
      { sender: bareSmallSender, perChange: perSite, displays: perSite, servers: new CpuMeter(() => [{ pid: bareSmall.pid }]) },
      { sender: bareBigSender, perChange: total, displays: total, servers: new CpuMeter(() => [{ pid: bareBig.pid }]) },
    ];

    // what the servers spend with nothing to do (the nodes' change-log sweeps, health checks, pings), to read the per-change figures against
    const idleStart = probes.map((p) => p.servers.read());
    await sleep(3_000);
    const idleServerCores = Object.fromEntries(probes.map((p, i) => [p.sender.name, round((p.servers.read() - idleStart[i]!) / 3_000, 3)]));
    o.log(`cluster: servers' CPU at rest, cores: ${JSON.stringify(idleServerCores)}`);

    o.log(`cluster: closed loop, ${closedOpts.repeats} runs × ${closedOpts.samples} changes per target, in turns of ${closedOpts.block}`);
    const closed = await closedLoop(swarm, probes, closedOpts);

    let peakConnections = 0;
    const poll = setInterval(() => {
      pgClient
        .query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend'")
        .then((r) => (peakConnections = Math.max(peakConnections, (r.rows[0] as { n: number }).n)))
        .catch(() => undefined);
    }, 250);
    let sustainedRows: SustainedRow[] = [];
    try {
      const rated = probes.filter((p) => !o.sustainedTargets || o.sustainedTargets.includes(p.sender.name));
      sustainedRows = await sustained(swarm, rated, rateOpts, (m) => o.log(`cluster: ${m}`));
    } finally {
      clearInterval(poll);
    }

    for (const n of cluster.nodes) if (n.process.exitCode !== null || n.process.signalCode !== null) problems.push(`${n.name} exited (${n.process.exitCode ?? n.process.signalCode}):\n${n.output().slice(-2000)}`);
    const dropped: Record<string, number> = {};
    for (const u of await swarm.usage()) for (const [group, n] of Object.entries(u.dropped)) dropped[group] = (dropped[group] ?? 0) + n;
    for (const [group, n] of Object.entries(dropped)) problems.push(`${group}: its server dropped ${n} displays during the run (they reconnected)`);
    for (const p of probes) if (p.sender.errors.length) problems.push(`${p.sender.name}: ${p.sender.errors.length} commands refused, e.g. ${p.sender.errors[0]}`);

    return {
      nodes,
      sites,
      perSite,
      swarmProcesses,
      cores: os.cpus().length,
      closedOpts,
      rateOpts,
      postgres: { ...settings, peakConnections },
      displaysPerNode,
      nodeRssMb,
      idleServerCores,
      closed,
      sustained: sustainedRows,
      problems,
    };
  } finally {
    await closeAll();
  }
}

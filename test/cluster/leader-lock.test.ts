import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { startPostgres, type PostgresServer } from "../../scripts/cluster/postgres.js";
import { freePort } from "../helpers/server-process.js";
import { PgLeaderLock } from "../../server/db/pg/leader-lock.js";
import { silentLogger } from "../../server/logger.js";

// Which node runs a site's clock, call lists and text hook (issue 17, point 3): one per site, taken
// over when the leader dies. Real PostgreSQL, real sessions; a node is its lock's session.

const POLL_MS = 100;

let dir: string;
let server: PostgresServer;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "magboard-leader-"));
  server = await startPostgres({ dir: path.join(dir, "pg"), port: await freePort() });
}, 60_000);
afterAll(async () => {
  await server?.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

/** A node's lock, with a promise for each change of its leadership. */
class Node {
  readonly lock: PgLeaderLock;
  leads = false;
  private waiters: { want: boolean; resolve: () => void }[] = [];
  constructor(site: number) {
    this.lock = new PgLeaderLock(server.url, site, silentLogger, POLL_MS);
    this.lock.start((leader) => {
      this.leads = leader;
      for (const w of this.waiters.filter((w) => w.want === leader)) w.resolve();
      this.waiters = this.waiters.filter((w) => w.want !== leader);
    });
  }
  until(leader: boolean): Promise<void> {
    if (this.leads === leader) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ want: leader, resolve }));
  }
}

/** A node in a process of its own (leader-node.ts), for SIGKILL. */
interface ChildNode {
  process: ChildProcess;
  state: "leader" | "follower" | "";
  until(state: "leader" | "follower"): Promise<void>;
}
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill("SIGKILL")));
function child(site: number): ChildNode {
  const proc = spawn(process.execPath, ["--import", "tsx", "test/cluster/leader-node.ts", server.url, String(site), String(POLL_MS)], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(proc);
  const waiters: { want: string; resolve: () => void }[] = [];
  const node: ChildNode = {
    process: proc,
    state: "",
    until: (want) => (node.state === want ? Promise.resolve() : new Promise((resolve) => waiters.push({ want, resolve }))),
  };
  let buffered = "";
  proc.stdout.setEncoding("utf8").on("data", (d: string) => {
    buffered += d;
    for (let nl = buffered.indexOf("\n"); nl >= 0; nl = buffered.indexOf("\n")) {
      node.state = buffered.slice(0, nl) as ChildNode["state"];
      buffered = buffered.slice(nl + 1);
      for (const w of waiters.splice(0)) {
        if (w.want === node.state) w.resolve();
        else waiters.push(w);
      }
    }
  });
  return node;
}

/** Resolves with the first of `nodes` to lead. */
const firstToLead = (nodes: Node[]) => Promise.race(nodes.map((n) => n.until(true).then(() => n)));

describe("the clock's leader among a site's nodes", () => {
  const nodes: Node[] = [];
  afterEach(async () => {
    for (const n of nodes.splice(0)) await n.lock.stop();
  });
  const node = (site: number) => {
    const n = new Node(site);
    nodes.push(n);
    return n;
  };

  it("lets exactly one node of a site lead, and each site have its own", async () => {
    const site1 = [node(1), node(1), node(1)];
    const site2 = [node(2), node(2)];
    const leader1 = await firstToLead(site1);
    const leader2 = await firstToLead(site2);
    // PostgreSQL holds one lock per site, by the leader's session
    const probe = new pg.Client({ connectionString: server.url });
    await probe.connect();
    const held = await probe.query<{ site: number; sessions: number }>(
      "SELECT objid::int AS site, count(*)::int AS sessions FROM pg_locks WHERE locktype = 'advisory' AND granted GROUP BY objid ORDER BY objid",
    );
    await probe.end();
    expect(held.rows).toEqual([{ site: 1, sessions: 1 }, { site: 2, sessions: 1 }]);
    expect(site1.filter((n) => n.leads)).toEqual([leader1]);
    expect(site2.filter((n) => n.leads)).toEqual([leader2]);
  }, 30_000);

  it("hands the lead to another node within seconds when the leading node is killed with SIGKILL", async () => {
    const site = [child(3), child(3), child(3)];
    const leader = await Promise.race(site.map((c) => c.until("leader").then(() => c)));
    const others = site.filter((c) => c !== leader);
    leader.process.kill("SIGKILL");
    // PostgreSQL ends the dead node's session, and with it the lock; one of the others takes it
    const next = await Promise.race(others.map((c) => c.until("leader").then(() => c)));
    await next.until("leader");
    for (const c of others) if (c !== next) expect(c.state).not.toBe("leader");
    for (const c of others) c.process.kill("SIGTERM");
  }, 30_000);

  it("gives the lead up when its node stops, and takes it again after PostgreSQL restarted", async () => {
    const [a, b] = [node(4), node(4)];
    const first = await firstToLead([a, b]);
    const second = first === a ? b : a;
    await first.lock.stop();
    await second.until(true);

    await server.crash();
    await second.until(false);
    await server.start();
    await second.until(true);
    expect(second.leads).toBe(true);
  }, 60_000);
});

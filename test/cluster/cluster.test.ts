import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster, type ClusterNode } from "../../scripts/cluster/cluster.js";
import pg from "pg";
import { signInAt } from "../helpers/sign-in.js";
import { booking, TEST_ADMIN_PASSWORD } from "../helpers/test-server.js";
import { createSite } from "../../server/db/pg/sites.js";
import { SyncedScreen, whenAll } from "../helpers/synced-screen.js";
import { addDays, localParts } from "../../shared/rules/zoned-time.js";

// The dealer group's service as `npm run cluster` starts it (issue 17, point 4): PostgreSQL and
// Redis from Debian's packages, three magboard nodes in processes of their own, HAProxy in front.
// Screens connect through the balancer; editors talk to one node or another.

const TZ = "Asia/Shanghai";
const DATE = addDays(localParts(Date.now(), TZ).date, 1);
const SLOTS = ["09:00", "10:00", "11:00", "13:00", "14:00", "15:00", "16:00", "17:00"];

/** The store every node serves here: the first, made on the empty database. */
const SITE = "/s/main";

let cluster: Cluster;
let cookie: string;
let advisors: number[];
let cards: number[];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON answers of many shapes
async function api(base: string, route: string, init: { method?: string; json?: unknown } = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(base + SITE + route, {
    method: init.method ?? "GET",
    headers: { cookie, ...(init.json !== undefined ? { "content-type": "application/json" } : {}) },
    body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** One card moved on `node` from the version it has now; the answer's status. */
async function move(node: { url: string }, id: number, slot: string, advisor: number): Promise<number> {
  const card = await api(node.url, `/api/appointments/${id}`);
  return (await api(node.url, `/api/appointments/${id}/move`, { method: "POST", json: { version: card.body.version, startTime: slot, advisorId: advisor } })).status;
}

const positions = async () =>
  ((await api(cluster.url, `/api/board?date=${DATE}`)).body.appointments as { id: number; advisorId: number; startTime: string }[]).map((c) => `${c.id}:${c.advisorId}@${c.startTime}`).sort();
const shown = (s: SyncedScreen) => (s.state?.appointments ?? []).map((c) => `${c.id}:${c.advisorId}@${c.startTime}`).sort();
const revision = async (node: { url: string } = cluster) => (await api(node.url, "/api/health")).body.revision as number;

/** Every screen shows the board the database has, at its revision. */
async function converged(screens: SyncedScreen[], ms = 20_000): Promise<void> {
  const final = await revision();
  await whenAll(screens, (s) => s.revision() >= final, `every screen at revision ${final}`, ms);
  const truth = await positions();
  for (const s of screens) expect(shown(s)).toEqual(truth);
}

beforeAll(async () => {
  cluster = await startCluster({
    dir: mkdtempSync(path.join(tmpdir(), "magboard-cluster-test-")),
    env: { MAGBOARD_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, MAGBOARD_SAMPLE: "0", MAGBOARD_TIME_ZONE: TZ },
  });
  cookie = await signInAt(cluster.url + SITE);
  advisors = [];
  for (const name of ["服务顾问 A", "服务顾问 B"]) advisors.push((await api(cluster.url, "/api/advisors", { method: "POST", json: { name, displayOrder: advisors.length + 1 } })).body.record.id);
  cards = [];
  for (let i = 0; i < 8; i++) {
    const made = await api(cluster.nodes[i % 3]!.url, "/api/appointments", {
      method: "POST",
      json: { date: DATE, startTime: SLOTS[i], advisorId: advisors[i % 2], customerName: `客户${i}`, customerTitle: "mr", phone: "138 1024 5567", plate: `沪A·2000${i}`, workRequested: "保养" },
    });
    expect(made.status).toBe(201);
    cards.push(made.body.record.id);
  }
}, 120_000);
afterAll(async () => {
  if (process.env.CLUSTER_DEBUG) for (const n of cluster.nodes) console.log(`==== ${n.name}\n${n.output()}`);
  await cluster?.stop();
});

describe("three nodes behind HAProxy on PostgreSQL and Redis", () => {
  const screens: SyncedScreen[] = [];
  afterEach(() => {
    for (const s of screens.splice(0)) s.close();
  });
  const tvs = async (n: number) => {
    for (let i = 0; i < n; i++) screens.push(new SyncedScreen(cluster.url + SITE, "display", DATE));
    await whenAll(screens, (s) => s.state !== null, "every TV has the day");
    return screens;
  };
  const health = (node: ClusterNode) => api(node.url, "/api/health").then((r) => r.body);

  it("spreads TVs over the nodes, and every TV converges card by card with the database while editors on two nodes move cards", async () => {
    await tvs(9);
    // round robin: three TVs on each node
    expect(await Promise.all(cluster.nodes.map(async (n) => (await health(n)).displays))).toEqual([3, 3, 3]);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => move(cluster.nodes[i % 2]!, cards[i % cards.length]!, SLOTS[(i * 5) % SLOTS.length]!, advisors[i % 2]!)));
    expect(answers.every((s) => s === 200 || s === 409)).toBe(true);
    await converged(screens);
    for (const s of screens) expect(s.problems).toEqual([]);
  }, 60_000);

  it("lets exactly one of two editors on different nodes change the same card", async () => {
    const id = cards[0]!;
    const card = (await api(cluster.url, `/api/appointments/${id}`)).body;
    const [one, two] = await Promise.all([
      api(cluster.nodes[0]!.url, `/api/appointments/${id}/move`, { method: "POST", json: { version: card.version, startTime: "09:00", advisorId: advisors[0] } }),
      api(cluster.nodes[1]!.url, `/api/appointments/${id}/move`, { method: "POST", json: { version: card.version, startTime: "16:00", advisorId: advisors[1] } }),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const loser = one.status === 409 ? one : two;
    // the loser is told where the card is now, which is where the winner put it
    const now = (await api(cluster.url, `/api/appointments/${id}`)).body;
    expect(loser.body.error.current).toMatchObject({ startTime: now.startTime, advisorId: now.advisorId, version: card.version + 1 });
  }, 30_000);

  it("serves a second store from the same nodes: its TVs, spread over them, converge with its own rows while the first store's change too, and its clock runs on exactly one node", async () => {
    const client = new pg.Client({ connectionString: cluster.postgres.url });
    await client.connect();
    await createSite(client, { slug: "second", name: "二号店" }).finally(() => client.end());
    const base = `${cluster.url}/s/second`;
    const cookie2 = await signInAt(base);
    const at2 = async (route: string, init: { method?: string; json?: unknown } = {}) => {
      const res = await fetch(base + route, {
        method: init.method ?? "GET",
        headers: { cookie: cookie2, ...(init.json !== undefined ? { "content-type": "application/json" } : {}) },
        body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
      });
      return { status: res.status, body: await res.json() };
    };
    const advisor = (await at2("/api/advisors", { method: "POST", json: { name: "服务顾问 丙", displayOrder: 1 } })).body.record.id as number;
    const own: number[] = [];
    for (const slot of SLOTS.slice(0, 4)) {
      own.push((await at2("/api/appointments", { method: "POST", json: { ...booking(advisor, { startTime: slot, plate: `浙A·2${slot.slice(0, 2)}00` }), date: DATE } })).body.record.id);
    }
    const second = Array.from({ length: 6 }, () => new SyncedScreen(base, "display", DATE));
    screens.push(...second);
    await tvs(3);
    await whenAll(second, (s) => s.state !== null, "every TV of the second store has its day");
    // the second store's TVs on every node (round robin, between the first store's): a site's health counts its own screens on the node that answered
    const perNode = await Promise.all(cluster.nodes.map(async (n) => ((await fetch(`${n.url}/s/second/api/health`).then((r) => r.json())) as { displays: number }).displays));
    expect(perNode.reduce((a, b) => a + b)).toBe(6);
    expect(perNode.every((n) => n > 0)).toBe(true);
    for (let i = 0; i < 12; i++) {
      const id = own[i % own.length]!;
      const card = (await at2(`/api/appointments/${id}`)).body;
      expect((await at2(`/api/appointments/${id}/move`, { method: "POST", json: { version: card.version, startTime: SLOTS[(i * 3) % SLOTS.length] } })).status).toBe(200);
      expect(await move(cluster.nodes[i % 3]!, cards[i % cards.length]!, SLOTS[(i * 5) % SLOTS.length]!, advisors[i % 2]!)).toBe(200);
    }
    const final2 = (await at2("/api/health")).body.revision as number;
    await whenAll(second, (s) => s.revision() >= final2, `every TV of the second store at revision ${final2}`, 20_000);
    const truth2 = ((await at2(`/api/board?date=${DATE}`)).body.appointments as { id: number; advisorId: number; startTime: string }[]).map((c) => `${c.id}:${c.advisorId}@${c.startTime}`).sort();
    for (const s of second) {
      expect(shown(s)).toEqual(truth2);
      expect(s.problems).toEqual([]);
    }
    await converged(screens.filter((s) => !second.includes(s)));
    // each store's clock on exactly one node; PostgreSQL holds one clock lock per store
    const clockOf = async (n: ClusterNode) => ((await fetch(`${n.url}/s/second/api/health`).then((r) => r.json())) as { clock: string }).clock;
    await expect.poll(async () => (await Promise.all(cluster.nodes.map(clockOf))).filter((c) => c === "leads").length, { timeout: 10_000 }).toBe(1);
    const locks = new pg.Client({ connectionString: cluster.postgres.url });
    await locks.connect();
    const held = await locks.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND granted", [0x6d62636b]).finally(() => locks.end());
    expect(held.rows[0]!.n).toBe(2);
  }, 90_000);

  it("runs the site's clock on exactly one node, and another takes it over when that node is killed; its TVs come back through the balancer and no acknowledged change is lost", async () => {
    await tvs(6);
    const leaders = (await Promise.all(cluster.nodes.map(health))).filter((h) => h.clock === "leads");
    expect(leaders).toHaveLength(1);
    const victim = cluster.nodes.find((n) => n.name === leaders[0].node)!;

    // an editor on the victim node: every move it was told succeeded must survive the kill
    const acknowledged: { id: number; slot: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const id = cards[i % cards.length]!;
      const slot = SLOTS[(i * 3 + 1) % SLOTS.length]!;
      if ((await move(victim, id, slot, advisors[0]!)) === 200) acknowledged.push({ id, slot });
    }
    victim.process.kill("SIGKILL");
    const others = cluster.nodes.filter((n) => n !== victim);
    await expect.poll(async () => (await Promise.all(others.map(health))).filter((h) => h.clock === "leads").length, { timeout: 15_000 }).toBe(1);

    await converged(screens);
    const truth = await positions();
    const last = new Map(acknowledged.map((a) => [a.id, a.slot]));
    for (const [id, slot] of last) expect(truth).toContain(`${id}:${advisors[0]}@${slot}`);
    await victim.restart();
  }, 90_000);

  it("catches every TV up after Redis restarted", async () => {
    await tvs(6);
    await cluster.redis.kill();
    expect(await move(cluster.nodes[0]!, cards[1]!, "11:00", advisors[1]!)).toBe(200);
    await cluster.redis.start();
    await converged(screens);
  }, 60_000);

  it("refuses commands with a clear error while PostgreSQL is down, applies none of them, and works again by itself when it is back", async () => {
    await tvs(3);
    const before = await positions();
    const rev = await revision();
    await cluster.postgres.crash();
    const refused = await api(cluster.url, `/api/appointments/${cards[2]}/move`, { method: "POST", json: { version: 1, startTime: "15:00", advisorId: advisors[0] } });
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe("unavailable");
    await cluster.postgres.start();
    // no node restarted: the next command works once PostgreSQL answers
    await expect.poll(async () => (await api(cluster.url, "/api/health")).status, { timeout: 20_000 }).toBe(200);
    expect(await revision()).toBe(rev);
    expect(await positions()).toEqual(before);
    expect(await move(cluster.nodes[1]!, cards[2]!, "15:00", advisors[0]!)).toBe(200);
    await converged(screens);
  }, 90_000);
});

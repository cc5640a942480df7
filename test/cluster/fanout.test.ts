import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startRedis, type RedisServer } from "../../scripts/cluster/redis.js";
import { freePort } from "../helpers/server-process.js";
import { booking, follow, seedBasics, startTestServer, type TestServer } from "../helpers/test-server.js";
import { SyncedScreen, whenAll } from "../helpers/synced-screen.js";
import { ManualClock } from "../helpers/manual-clock.js";

// Two magboard nodes of one site, each with its own database connection and Socket.IO server,
// sharing the fan-out through a real Redis (issue 17, point 3). The database is one SQLite file
// here; on PostgreSQL the nodes share the same way.

const DATE = "2026-11-27";
const SLOTS = ["09:00", "10:00", "11:00", "13:00", "14:00", "15:00", "16:00"];

let dir: string;
let redis: RedisServer;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "magboard-fanout-"));
  redis = await startRedis({ dir: path.join(dir, "redis"), port: await freePort() });
}, 30_000);
afterAll(async () => {
  await redis?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe("two nodes sharing the fan-out through Redis", () => {
  let a: TestServer;
  let b: TestServer;
  let advisors: number[];
  let cards: number[];
  const screens: SyncedScreen[] = [];
  let file: string;

  beforeEach(async () => {
    file = path.join(mkdtempSync(path.join(dir, "site-")), "magboard.sqlite");
    const clock = new ManualClock(Date.parse("2026-11-27T01:00:00Z"));
    a = await startTestServer({ file, clock, redisUrl: redis.url, nodeName: "node-a" });
    b = await startTestServer({ file, clock, redisUrl: redis.url, nodeName: "node-b" });
    ({ advisors } = await seedBasics(a));
    cards = [];
    for (let i = 0; i < 6; i++) {
      const made = await (i % 2 ? b : a).api("/api/appointments", { method: "POST", json: booking(advisors[i % 2]!, { startTime: SLOTS[i], plate: `沪A·1000${i}` }) });
      expect(made.status).toBe(201);
      cards.push(made.body.record.id);
    }
  });
  afterEach(async () => {
    for (const s of screens.splice(0)) s.close();
    await a.close();
    await b.close();
  });

  /** The day as the database has it, read through node A. */
  const positions = async () =>
    ((await a.api(`/api/board?date=${DATE}`)).body.appointments as { id: number; advisorId: number; startTime: string }[])
      .map((c) => `${c.id}:${c.advisorId}@${c.startTime}`)
      .sort();
  const shown = (s: SyncedScreen) => (s.state?.appointments ?? []).map((c) => `${c.id}:${c.advisorId}@${c.startTime}`).sort();
  const revisionNow = async () => (await a.api("/api/health")).body.revision as number;

  it("shows every TV, whichever node it is on, every change made on either node once, in order, ending as the database", async () => {
    for (const server of [a, b, a, b]) screens.push(new SyncedScreen(server.url, "display", DATE));
    await whenAll(screens, (s) => s.state !== null, "every TV has the day");
    // what a TV on node B is sent, packet by packet: each revision once, none repeated by the adapter
    const raw = await b.client("display");
    const day = await follow(raw, DATE);
    if (day.kind !== "snapshot") throw new Error(`a first follow answers with the day, not ${day.kind}`);
    const from = day.snapshot.revision;
    const received: number[] = [];
    raw.on("board:patch", (p) => received.push(p.revision));

    // two editors, one on each node, moving cards at the same time
    const moves: Promise<{ status: number }>[] = [];
    for (let i = 0; i < 40; i++) {
      const server = i % 2 ? b : a;
      const id = cards[i % cards.length]!;
      moves.push(
        (async () => {
          const card = (await server.api(`/api/appointments/${id}`)).body;
          return server.api(`/api/appointments/${id}/move`, {
            method: "POST",
            json: { version: card.version, startTime: SLOTS[(i * 3) % SLOTS.length], advisorId: advisors[(i >> 1) % 2] },
          });
        })(),
      );
    }
    const answers = await Promise.all(moves);
    // a move that lost the race to the same card is refused with a conflict, never applied twice
    expect(answers.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    expect(answers.filter((r) => r.status === 200).length).toBeGreaterThan(10);

    // and one change alone on node A, with nothing after it on B that could reveal it to B's TVs
    const last = (await a.api(`/api/appointments/${cards[0]}`)).body;
    expect((await a.api(`/api/appointments/${cards[0]}/move`, { method: "POST", json: { version: last.version, startTime: "18:00", advisorId: advisors[0] } })).status).toBe(200);

    const final = await revisionNow();
    await whenAll(screens, (s) => s.revision() === final, `every TV at revision ${final}`);
    const truth = await positions();
    expect(truth).toContain(`${cards[0]}:${advisors[0]}@18:00`);
    await expect.poll(() => received.length).toBe(final - from);
    expect(received).toEqual(Array.from({ length: final - from }, (_, i) => from + 1 + i));
    for (const s of screens) {
      expect(shown(s)).toEqual(truth);
      // no revision applied twice or out of order, and no TV needed a whole new day to catch up
      expect(s.problems).toEqual([]);
      expect(s.snapshots).toBe(1);
    }
  }, 60_000);

  it("names the node in its health, and catches a TV on the other node up after Redis was down", async () => {
    expect((await a.api("/api/health", { as: "anonymous" })).body).toMatchObject({ node: "node-a", fanout: "ok", status: "ok" });
    expect((await b.api("/api/health", { as: "anonymous" })).body).toMatchObject({ node: "node-b", fanout: "ok", status: "ok" });
    const tv = new SyncedScreen(b.url, "display", DATE);
    screens.push(tv);
    await whenAll([tv], (s) => s.state !== null, "the TV has the day");

    await redis.kill();
    await expect.poll(async () => (await b.api("/api/health", { as: "anonymous" })).body).toMatchObject({ fanout: "unavailable", status: "degraded", database: "ok" });
    // a change on node A while Redis is down is committed and answered as ever
    const card = (await a.api(`/api/appointments/${cards[0]}`)).body;
    const moved = await a.api(`/api/appointments/${cards[0]}/move`, { method: "POST", json: { version: card.version, startTime: "17:00", advisorId: advisors[1] } });
    expect(moved.status).toBe(200);

    await redis.start();
    const final = await revisionNow();
    await whenAll([tv], (s) => s.revision() === final, `the TV on node B at revision ${final}`, 20_000);
    expect(shown(tv)).toEqual(await positions());
    expect(tv.problems).toEqual([]);
    await expect.poll(async () => (await b.api("/api/health", { as: "anonymous" })).body).toMatchObject({ fanout: "ok", status: "ok" });
  }, 60_000);
});

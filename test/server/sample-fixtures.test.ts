import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { io } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import type { Appointment, AppointmentStatus } from "../../shared/schemas/appointment.js";
import type { BoardSnapshot } from "../../shared/schemas/board.js";
import { FIXTURE_NAMES, type FixtureName } from "../../shared/schemas/sample.js";
import { boardOverlaps } from "../../shared/rules/overlaps.js";
import { minutesOfDay } from "../../shared/rules/time-of-day.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { openDatabase } from "../../server/db/open-database.js";
import { DISPLAY_NAMESPACE, PROTOCOL_VERSION } from "../../shared/protocol.js";
import { localParts } from "../../shared/rules/zoned-time.js";
import { npmRun } from "../helpers/npm-run.js";
import { freePort, startServerProcess } from "../helpers/server-process.js";
import { signInAt } from "../helpers/sign-in.js";
import { follow, nextEvent, startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from "../helpers/test-server.js";

/** 10:40 in Shanghai on 2026-11-27, the display tests' mid-morning. */
const MID_MORNING = Date.parse("2026-11-27T02:40:00Z");
const TODAY = "2026-11-27";
const TOMORROW = "2026-11-28";

/** What each day promises (the brief's densities), written out here so that the generator cannot agree with itself. */
const PROMISED: Record<FixtureName, { advisors: number; perDay: number | null; perAdvisorHour: number | null; slotMinutes: number; capacity: number }> = {
  sample: { advisors: 4, perDay: null, perAdvisorHour: null, slotMinutes: 60, capacity: 1 },
  busy: { advisors: 8, perDay: 192, perAdvisorHour: 2, slotMinutes: 60, capacity: 2 },
  "busy-30": { advisors: 8, perDay: 192, perAdvisorHour: 2, slotMinutes: 30, capacity: 1 },
  full: { advisors: 12, perDay: 300, perAdvisorHour: null, slotMinutes: 60, capacity: 2 },
  big: { advisors: 30, perDay: 900, perAdvisorHour: 3, slotMinutes: 60, capacity: 3 },
};

/** A Chinese plate in one of its real forms: five characters, or six for new-energy (D/F first, or last on large vehicles). */
const ORDINARY = /^[\p{Script=Han}][A-Z]·[A-HJ-NP-Z0-9]{5}$/u;
const NEW_ENERGY = /^[\p{Script=Han}][A-Z]·([DF][A-HJ-NP-Z0-9]\d{4}|\d{5}[DF])$/u;

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function load(fixture: FixtureName, at = MID_MORNING): Promise<TestServer> {
  const server = await startTestServer({ sample: fixture, clock: new ManualClock(at) });
  servers.push(server);
  return server;
}

const board = async (server: TestServer, date: string): Promise<BoardSnapshot> => (await server.api(`/api/board?date=${date}`)).body;
const count = <T>(xs: readonly T[], key: (x: T) => string) => xs.reduce<Record<string, number>>((m, x) => ({ ...m, [key(x)]: (m[key(x)] ?? 0) + 1 }), {});
const instant = (iso: string | null) => (iso === null ? null : Date.parse(iso));
/** What the TV calls 延时到店: still expected, and marked late by the server's clock. */
const runningLate = (a: Appointment) => (a.status === "booked" || a.status === "confirmed") && a.lateAt !== null;

describe("the days magboard is tried, tested and measured on", () => {
  it.each(FIXTURE_NAMES)("%s fills today and tomorrow at the density it promises", async (name) => {
    const server = await load(name);
    const promised = PROMISED[name];
    for (const date of [TODAY, TOMORROW]) {
      const day = await board(server, date);
      expect(day.advisors).toHaveLength(promised.advisors);
      expect(day.settings.slotMinutes).toBe(promised.slotMinutes);
      expect(day.settings.advisorCapacityPerSlot).toBe(promised.capacity);
      if (promised.perDay !== null) expect(day.appointments).toHaveLength(promised.perDay);
      else expect(day.appointments.length).toBeGreaterThanOrEqual(12);
      if (promised.perAdvisorHour !== null) {
        const perCell = count(day.appointments, (a) => `${a.advisorId} ${a.startTime.slice(0, 2)}`);
        expect(Math.max(...Object.values(perCell))).toBe(promised.perAdvisorHour);
      }
      // every advisor has a full day, not a few advisors a crowded one
      const perAdvisor = Object.values(count(day.appointments, (a) => String(a.advisorId)));
      expect(perAdvisor).toHaveLength(promised.advisors);
      expect(Math.max(...perAdvisor) - Math.min(...perAdvisor)).toBeLessThanOrEqual(name === "sample" ? 3 : 0);
      // a busy day is the site's plan: no advisor over capacity, nothing outside opening hours, the odd bay booked twice
      const overlaps = [...boardOverlaps(day.appointments, day.advisors, day.settings).values()].flat();
      if (name !== "sample") {
        expect(overlaps.filter((o) => o.kind !== "bay_double_booked")).toEqual([]);
        expect(overlaps.length).toBeLessThanOrEqual(Math.ceil(day.appointments.length * 0.05));
      }
    }
  });

  it.each(["busy", "busy-30", "full", "big"] as const)("%s at 10:40 is a morning under way: done, in service, arrived, late, no-show, confirmed and booked", async (name) => {
    const server = await load(name);
    const today = (await board(server, TODAY)).appointments;
    const statuses = count(today, (a) => a.status);
    for (const s of ["completed", "in_service", "arrived", "no_show", "confirmed", "booked", "cancelled"] satisfies AppointmentStatus[]) {
      expect(statuses[s] ?? 0, `${s} in ${JSON.stringify(statuses)}`).toBeGreaterThan(0);
    }
    // 延时到店 is the server's own clock at work on the seeded day, as on any other
    expect(today.filter(runningLate).length).toBeGreaterThan(0);
    const marks = ((await server.api(`/api/audit?date=${TODAY}`)).body as { action: string; actorId: string }[]).filter((e) => e.action === "appointment.mark_late");
    expect(marks.length).toBeGreaterThan(0);
    expect(today.filter((a) => a.arrivedLateMinutes !== null).length).toBeGreaterThan(0);

    for (const a of today) {
      const start = minutesOfDay(a.startTime);
      // nothing has happened after the server's clock, and only what can have happened by then
      for (const t of [a.arrivedAt, a.startedAt, a.completedAt, a.confirmedAt, a.cancelledAt, a.lateAt]) expect(instant(t) ?? 0).toBeLessThanOrEqual(MID_MORNING);
      if (start > 10 * 60 + 40 + 35) expect(["booked", "confirmed", "cancelled"]).toContain(a.status);
      if (a.status === "completed") expect(instant(a.completedAt)!).toBeGreaterThan(instant(a.startedAt)!);
      if (a.status === "in_service" || a.status === "completed") expect(instant(a.startedAt)!).toBeGreaterThan(instant(a.arrivedAt)!);
      if (a.status === "no_show") expect(start + 60).toBeLessThanOrEqual(10 * 60 + 40);
    }
    // the day before's calls: most of today's customers were reached; tomorrow's calls are under way
    expect((statuses.confirmed ?? 0) + (statuses.arrived ?? 0)).toBeGreaterThan(statuses.booked ?? 0);
    const tomorrow = count((await board(server, TOMORROW)).appointments, (a) => a.status);
    expect(Object.keys(tomorrow).sort()).toEqual(expect.arrayContaining(["booked", "confirmed"]));
    expect(Object.keys(tomorrow).every((s) => ["booked", "confirmed", "cancelled"].includes(s))).toBe(true);
  });

  it("holds real customers: names with 先生 / 女士, plates in their real forms with about a third new-energy, everyday work", async () => {
    const server = await load("big");
    const day = (await board(server, TODAY)).appointments;
    expect(day.every((a) => ORDINARY.test(a.plate) || NEW_ENERGY.test(a.plate)), day.find((a) => !ORDINARY.test(a.plate) && !NEW_ENERGY.test(a.plate))?.plate).toBe(true);
    const newEnergy = day.filter((a) => NEW_ENERGY.test(a.plate)).length / day.length;
    expect(newEnergy).toBeGreaterThan(0.2);
    expect(newEnergy).toBeLessThan(0.5);
    expect(new Set(day.map((a) => a.plate)).size).toBe(day.length);
    expect(new Set(day.map((a) => a.plate.slice(0, 1))).size).toBeGreaterThan(3);
    const people = day.filter((a) => a.customerTitle !== "none");
    expect(people.length / day.length).toBeGreaterThan(0.95);
    expect(people.every((a) => /^\p{Script=Han}{2,4}$/u.test(a.customerName))).toBe(true);
    expect(count(people, (a) => a.customerTitle)).toEqual({ mr: expect.any(Number), ms: expect.any(Number) });
    const works = day.map((a) => a.workRequested).join("\n");
    for (const w of ["1万公里保养", "刹车异响", "召回", "首次保养", "返修"]) expect(works).toContain(w);
    expect(new Set(day.map((a) => a.workRequested)).size).toBeGreaterThan(20);
    expect(day.every((a) => /^1[3-9]\d \d{4} \d{4}$/.test(a.phone))).toBe(true);
    // a few cards keep no bay (given at reception), most have one
    const noBay = day.filter((a) => a.bayId === null).length / day.length;
    expect(noBay).toBeGreaterThan(0.05);
    expect(noBay).toBeLessThan(0.2);
  });

  it("is the same day on every run, and only how far it has got depends on the hour", async () => {
    const strip = (s: BoardSnapshot) => s.appointments.map(({ id, customerName, plate, startTime, advisorId, bayId, workRequested, status }) => ({ id, customerName, plate, startTime, advisorId, bayId, workRequested, status }));
    const [a, b] = await Promise.all([load("busy"), load("busy")]);
    expect(strip(await board(a, TODAY))).toEqual(strip(await board(b, TODAY)));
    expect((await board(a, TODAY)).appointments).toEqual((await board(b, TODAY)).appointments);
    const evening = await load("busy", Date.parse("2026-11-27T10:40:00Z"));
    const morning = strip(await board(a, TODAY));
    const late = strip(await board(evening, TODAY));
    expect(late.map(({ status: _, ...rest }) => rest)).toEqual(morning.map(({ status: _, ...rest }) => rest));
    expect(late.map((c) => c.status)).not.toEqual(morning.map((c) => c.status));
    expect(late.filter((c) => c.status === "completed").length).toBeGreaterThan(morning.filter((c) => c.status === "completed").length);
  });

  it("gives the sample a tomorrow with calls to make and preparation to do, so the day-before page is not empty", async () => {
    const server = await load("sample");
    const tomorrow = (await board(server, TOMORROW)).appointments;
    expect(tomorrow.some((a) => a.preparation.repeatRepair)).toBe(true);
    expect(tomorrow.some((a) => a.preparation.complaint)).toBe(true);
    expect(tomorrow.some((a) => a.preparation.partsNeeded && !a.preparation.partsReady)).toBe(true);
    expect(tomorrow.some((a) => a.preparation.needsRoadTest)).toBe(true);
    expect(tomorrow.some((a) => a.status === "booked")).toBe(true);
    // today is the sample the first start has always shown
    const today = (await board(server, TODAY)).appointments;
    expect(today).toHaveLength(20);
    expect(today.filter(runningLate)).toHaveLength(2);
  });
});

describe("loading and removing a day", () => {
  it("replaces the sample with a busy day for every screen at once, and removing it puts the site's settings back", async () => {
    const server = await load("sample");
    const tv = await server.client("display");
    await follow(tv, TODAY);
    const patched = nextEvent<{ ops: { kind: string }[] }>(tv, "board:patch");
    const loaded = await server.api("/api/sample", { method: "POST", json: { fixture: "busy-30" } });
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({ fixture: "busy-30", date: TODAY });
    expect((await patched).ops).toContainEqual({ kind: "resync" });
    const busy = await board(server, TODAY);
    expect(busy.advisors).toHaveLength(8);
    expect(busy.appointments).toHaveLength(192);
    expect(busy.settings.slotMinutes).toBe(30);

    expect((await server.api("/api/sample", { method: "DELETE" })).body.removed).toBe(true);
    for (const date of [TODAY, TOMORROW]) {
      const after = await board(server, date);
      expect(after.appointments).toEqual([]);
      expect(after.advisors).toEqual([]);
      expect(after.settings.slotMinutes).toBe(60);
    }
  });

  it("leaves settings the manager changed after loading alone", async () => {
    const server = await load("busy-30");
    const settings = (await server.api("/api/settings")).body;
    await server.api("/api/settings", { method: "PATCH", json: { version: settings.version, slotMinutes: 60, advisorCapacityPerSlot: 4 } });
    await server.api("/api/sample", { method: "DELETE" });
    const after = (await server.api("/api/settings")).body;
    expect(after).toMatchObject({ slotMinutes: 60, advisorCapacityPerSlot: 4 });
  });

  it("is the manager's, and names the field when the day is unknown", async () => {
    const server = await load("sample");
    const desk = await server.sessionAs("desk");
    expect((await server.api("/api/sample", { method: "POST", json: { fixture: "busy" }, as: desk })).status).toBe(403);
    const bad = await server.api("/api/sample", { method: "POST", json: { fixture: "huge" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "invalid_payload", field: "fixture" });
    expect((await board(server, TODAY)).advisors).toHaveLength(4);
  });
});

describe("npm run sample", () => {
  it("loads a busy day through the running server, so a TV changes at once; sample:remove takes it off; with the server stopped it writes the database itself", { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "magboard-sample-cli-"));
    const port = await freePort();
    const env = { PORT: String(port), MAGBOARD_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, MAGBOARD_TIME_ZONE: "Asia/Shanghai" };
    const server = await startServerProcess({ dataDir, port });
    const tv = io(server.url + DISPLAY_NAMESPACE, { transports: ["websocket"], forceNew: true });
    try {
      const today = localParts(Date.now(), "Asia/Shanghai").date;
      const cookie = await signInAt(server.url);
      const day = async (): Promise<BoardSnapshot> => (await (await fetch(`${server.url}/api/board?date=${today}`, { headers: { cookie } })).json()) as BoardSnapshot;
      if (!tv.connected) await new Promise<void>((resolve) => tv.once("connect", () => resolve()));
      await tv.emitWithAck("board:follow", { date: today, protocol: PROTOCOL_VERSION });
      const resync = new Promise<unknown>((resolve) => tv.on("board:patch", (p: { ops: { kind: string }[] }) => p.ops.some((o) => o.kind === "resync") && resolve(p)));

      const loaded = await npmRun("sample", dataDir, ["--busy"], env);
      expect(loaded.code, loaded.stderr).toBe(0);
      expect(loaded.stdout + loaded.stderr).toContain("8 advisors");
      await resync;
      const busy = await day();
      expect(busy.advisors).toHaveLength(8);
      expect(busy.appointments).toHaveLength(192);

      const removed = await npmRun("sample:remove", dataDir, [], env);
      expect(removed.code, removed.stderr).toBe(0);
      expect((await day()).appointments).toEqual([]);
    } finally {
      tv.close();
      await server.kill("SIGTERM");
    }

    const offline = await npmRun("sample", dataDir, ["--full"], env);
    expect(offline.code, offline.stderr).toBe(0);
    const unknown = await npmRun("sample", dataDir, ["--huge"], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown: huge[\s\S]*--busy-30/);
    const db = openDatabase(path.join(dataDir, "magboard.sqlite"));
    try {
      const perDay = db.prepare("SELECT count(*) AS n FROM appointments WHERE is_sample = 1 GROUP BY date ORDER BY date").all() as { n: number }[];
      expect(perDay).toEqual([{ n: 300 }, { n: 300 }]);
    } finally {
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { BoardPatch } from "../../shared/schemas/board.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { booking, follow, nextEvent, seedBasics, startTestServer, type TestServer } from "../helpers/test-server.js";

/** 10:00 in Shanghai. */
const TEN = Date.parse("2026-11-27T02:00:00Z");
const MINUTE = 60_000;

describe("the greeting clock (迎接, 3 minutes)", () => {
  let server: TestServer | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  const card = async (id: number) => (await server!.api(`/api/appointments/${id}`)).body;

  async function arriveAtTen(s: TestServer, clock: ManualClock): Promise<number> {
    const { advisors } = await seedBasics(s);
    const { body } = await s.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { startTime: "10:00" }) });
    clock.set(TEN);
    const arrived = await s.api(`/api/appointments/${body.record.id}/arrive`, { method: "POST", json: { version: body.record.version } });
    expect(arrived.status).toBe(200);
    return body.record.id as number;
  }

  it("arrive 10:00: nothing at 10:02, overdue at 10:03 on every screen, and a greeting stops it", async () => {
    const clock = new ManualClock(Date.parse("2026-11-27T01:00:00Z"));
    server = await startTestServer({ clock });
    const id = await arriveAtTen(server, clock);
    const tv = await server.client("display");
    await follow(tv, "2026-11-27");

    clock.set(TEN + 2 * MINUTE);
    expect((await card(id)).greetingOverdueAt).toBeNull();
    clock.set(TEN + 3 * MINUTE - 1_000);
    expect((await card(id)).greetingOverdueAt).toBeNull();

    const pushed = nextEvent<BoardPatch>(tv, "board:patch");
    clock.set(TEN + 3 * MINUTE);
    const overdue = await card(id);
    expect(overdue.greetingOverdueAt).toBe("2026-11-27T02:03:00.000Z");
    expect(overdue.status).toBe("arrived");
    // the public TV hears it too (masked), so it can draw the overdue state
    expect((await pushed).ops[0]).toMatchObject({ kind: "appointment", appointment: { id, greetingOverdueAt: "2026-11-27T02:03:00.000Z", plate: "京A·***45" } });

    clock.set(TEN + 4 * MINUTE);
    const greeted = await server.api(`/api/appointments/${id}/greet`, { method: "POST", json: { version: overdue.version } });
    expect(greeted.status).toBe(200);
    // the overdue mark stays as a record of the late greeting; the greeting's own time is kept
    expect(greeted.body.record).toMatchObject({ greetedAt: "2026-11-27T02:04:00.000Z", greetingOverdueAt: "2026-11-27T02:03:00.000Z" });
    const history = (await server.api(`/api/appointments/${id}/history`)).body as { action: string; actor: string }[];
    expect(history.map((h) => h.action)).toEqual(["appointment.create", "appointment.arrive", "appointment.mark_greeting_overdue", "appointment.greet"]);
  });

  it("a greeting within the limit is never marked overdue", async () => {
    const clock = new ManualClock(Date.parse("2026-11-27T01:00:00Z"));
    server = await startTestServer({ clock });
    const id = await arriveAtTen(server, clock);
    clock.set(TEN + 2 * MINUTE);
    const greeted = await server.api(`/api/appointments/${id}/greet`, { method: "POST", json: { version: (await card(id)).version } });
    expect(greeted.body.record.greetedAt).toBe("2026-11-27T02:02:00.000Z");
    clock.set(TEN + 30 * MINUTE);
    expect((await card(id)).greetingOverdueAt).toBeNull();
  });

  it("follows the site's limit setting", async () => {
    const clock = new ManualClock(Date.parse("2026-11-27T01:00:00Z"));
    server = await startTestServer({ clock });
    const settings = (await server.api("/api/settings")).body;
    expect(settings.greetingLimitMinutes).toBe(3);
    await server.api("/api/settings", { method: "PATCH", json: { version: settings.version, greetingLimitMinutes: 5 } });
    const id = await arriveAtTen(server, clock);
    clock.set(TEN + 4 * MINUTE);
    expect((await card(id)).greetingOverdueAt).toBeNull();
    clock.set(TEN + 5 * MINUTE);
    expect((await card(id)).greetingOverdueAt).toBe("2026-11-27T02:05:00.000Z");
  });

  it("is right again after a restart at 10:05: the overdue falls due while the server is down and is marked at start", async () => {
    dir = mkdtempSync(join(tmpdir(), "magboard-greeting-"));
    const file = join(dir, "board.sqlite");
    const clock = new ManualClock(Date.parse("2026-11-27T01:00:00Z"));
    server = await startTestServer({ clock, file });
    const id = await arriveAtTen(server, clock);
    clock.set(TEN + 2 * MINUTE);
    expect((await card(id)).greetingOverdueAt).toBeNull();
    await server.close();

    // down from 10:02 to 10:05
    const later = new ManualClock(TEN + 5 * MINUTE);
    server = await startTestServer({ clock: later, file });
    const after = await card(id);
    // marked when it fell due (10:03), not when the server noticed (10:05)
    expect(after.greetingOverdueAt).toBe("2026-11-27T02:03:00.000Z");
    expect(after.greetedAt).toBeNull();
  });

  it("a walk-in's greeting is timed like any arrival, and a reopened card loses its greeting marks", async () => {
    const clock = new ManualClock(TEN);
    server = await startTestServer({ clock });
    await seedBasics(server);
    const walkIn = await server.api("/api/appointments/walk-in", { method: "POST", json: { plate: "京B12345", jobCategory: "maintenance", workRequested: "保养" } });
    expect(walkIn.status).toBe(201);
    const id = walkIn.body.record.id as number;
    clock.set(TEN + 3 * MINUTE);
    const overdue = await card(id);
    expect(overdue.greetingOverdueAt).toBe("2026-11-27T02:03:00.000Z");
    const reopened = await server.api(`/api/appointments/${id}/reopen`, { method: "POST", json: { version: overdue.version } });
    expect(reopened.body.record).toMatchObject({ status: "booked", greetedAt: null, greetingOverdueAt: null, arrivedAt: null });
  });
});

import { afterEach, describe, expect, it } from "vitest";
import type { BoardPatch } from "../../shared/schemas/board.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { booking, ENGINES, follow, nextEvent, seedBasics, startTestServer, type TestServer } from "../helpers/test-server.js";

const SECOND = 1_000;

describe.each(ENGINES)("clock: late and no-show, on %s", (engine) => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  /** The clock's work on what fell due is done (on PostgreSQL it takes round trips, not one turn). */
  const settled = () => server.app.scheduler!.settled();

  async function card(id: number) {
    return (await server.api(`/api/appointments/${id}`)).body;
  }

  it("marks a card late at start + grace and no-show at start + no-show minutes, not a second earlier", async () => {
    // 09:00 in Shanghai; the card is at 10:00 local = 02:00Z
    const clock = new ManualClock(Date.parse("2026-11-27T01:00:00Z"));
    server = await startTestServer({ engine, clock });
    const { advisors } = await seedBasics(server);
    const { body } = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!) });
    const id = body.record.id;
    const display = await server.client("display");
    await follow(display, "2026-11-27");

    clock.set(Date.parse("2026-11-27T02:14:59Z"));

    await settled();
    expect((await card(id)).lateAt).toBeNull();

    const pushed = nextEvent<BoardPatch>(display, "board:patch");
    clock.advance(SECOND);
    await settled();
    const late = await card(id);
    expect(late.lateAt).toBe("2026-11-27T02:15:00.000Z");
    expect(late.status).toBe("booked");
    const patch = await pushed;
    expect(patch.ops[0]).toMatchObject({ kind: "appointment", appointment: { id, lateAt: "2026-11-27T02:15:00.000Z" } });

    clock.set(Date.parse("2026-11-27T02:59:59Z"));

    await settled();
    expect((await card(id)).status).toBe("booked");
    clock.advance(SECOND);
    await settled();
    expect((await card(id)).status).toBe("no_show");
    const audit = (await server.api(`/api/appointments/${id}/history`)).body as { action: string; actor: string }[];
    expect(audit.map((e) => e.action)).toEqual(["appointment.create", "appointment.mark_late", "appointment.mark_no_show"]);
  });

  it("keeps the grace in real minutes across a daylight-saving jump", async () => {
    // Berlin springs forward at 02:00 → 03:00 on 2026-03-29; a 01:50 card's 15-minute grace ends at 03:05 local (01:05Z)
    const clock = new ManualClock(Date.parse("2026-03-29T00:00:00Z"));
    server = await startTestServer({ engine, clock, timeZone: "Europe/Berlin" });
    const { advisors } = await seedBasics(server);
    await server.api("/api/settings", { method: "PATCH", json: { version: 1, openTime: "00:00" } });
    const early = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { date: "2026-03-29", startTime: "01:50" }) });
    const after = await server.api("/api/appointments", { method: "POST", json: booking(advisors[1]!, { date: "2026-03-29", startTime: "03:00" }) });

    clock.set(Date.parse("2026-03-29T01:04:59Z"));

    await settled();
    expect((await card(early.body.record.id)).lateAt).toBeNull();
    clock.advance(SECOND);
    await settled();
    expect((await card(early.body.record.id)).lateAt).toBe("2026-03-29T01:05:00.000Z");

    // 03:00 CEST is 01:00Z, so its grace ends at 01:15Z
    expect((await card(after.body.record.id)).lateAt).toBeNull();
    clock.set(Date.parse("2026-03-29T01:15:00Z"));
    await settled();
    expect((await card(after.body.record.id)).lateAt).toBe("2026-03-29T01:15:00.000Z");
  });

  it("records an arrival after the grace as arrived late, with the minutes", async () => {
    const clock = new ManualClock(Date.parse("2026-11-27T01:00:00Z"));
    server = await startTestServer({ engine, clock });
    const { advisors } = await seedBasics(server);
    const { body } = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!) });
    clock.set(Date.parse("2026-11-27T02:22:30Z"));
    await settled();
    const late = await card(body.record.id);
    const arrived = await server.api(`/api/appointments/${body.record.id}/arrive`, { method: "POST", json: { version: late.version } });
    expect(arrived.status).toBe(200);
    expect(arrived.body.record).toMatchObject({ status: "arrived", arrivedLateMinutes: 22, arrivedAt: "2026-11-27T02:22:30.000Z" });
  });

  it("moving a late card to a later time takes the late mark off until the new time is due", async () => {
    const clock = new ManualClock(Date.parse("2026-11-27T01:00:00Z"));
    server = await startTestServer({ engine, clock });
    const { advisors } = await seedBasics(server);
    const { body } = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!) });
    clock.set(Date.parse("2026-11-27T02:20:00Z"));
    await settled();
    const late = await card(body.record.id);
    expect(late.lateAt).not.toBeNull();
    const moved = await server.api(`/api/appointments/${body.record.id}/move`, { method: "POST", json: { version: late.version, startTime: "14:00" } });
    expect(moved.body.record.lateAt).toBeNull();
    clock.set(Date.parse("2026-11-27T06:15:00Z"));
    await settled();
    expect((await card(body.record.id)).lateAt).toBe("2026-11-27T06:15:00.000Z");
  });

  it("after a change, times the cards it touched anew: a card moved earlier, a stricter grace in the settings", async () => {
    // 09:00 in Shanghai; cards at 12:00 and 15:00 local (04:00Z, 07:00Z)
    const clock = new ManualClock(Date.parse("2026-11-27T01:00:00Z"));
    server = await startTestServer({ engine, clock });
    const { advisors } = await seedBasics(server);
    const noon = (await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { startTime: "12:00" }) })).body.record;
    const three = (await server.api("/api/appointments", { method: "POST", json: booking(advisors[1]!, { startTime: "15:00", plate: "京B·67890" }) })).body.record;

    // at 10:12 the 15:00 card moved to 10:00 is late at 10:15, though the clock slept towards 12:15 before the
    // move (and would next wake at 10:17 to look at everything, at most 5 minutes after its last look)
    clock.set(Date.parse("2026-11-27T02:12:00Z"));
    await settled();
    await server.api(`/api/appointments/${three.id}/move`, { method: "POST", json: { version: three.version, startTime: "10:00" } });
    clock.set(Date.parse("2026-11-27T02:14:59Z"));
    await settled();
    expect((await card(three.id)).lateAt).toBeNull();
    clock.advance(SECOND);
    await settled();
    expect((await card(three.id)).lateAt).toBe("2026-11-27T02:15:00.000Z");

    // at 12:01 a grace of 5 minutes instead of 15 applies to every card already on the board
    clock.set(Date.parse("2026-11-27T04:01:00Z"));
    await settled();
    const settings = (await server.api("/api/settings")).body;
    await server.api("/api/settings", { method: "PATCH", json: { version: settings.version, lateGraceMinutes: 5 } });
    clock.set(Date.parse("2026-11-27T04:04:59Z"));
    await settled();
    expect((await card(noon.id)).lateAt).toBeNull();
    clock.advance(SECOND);
    await settled();
    expect((await card(noon.id)).lateAt).toBe("2026-11-27T04:05:00.000Z");
  });

  it("sleeps until the next transition instead of polling every card", async () => {
    const clock = new ManualClock(Date.parse("2026-11-27T01:00:00Z"));
    server = await startTestServer({ engine, clock });
    const { advisors } = await seedBasics(server);
    // the scheduler's one timer, besides the hub's minute check of open sessions
    const idle = clock.pendingTimers();
    for (let i = 0; i < 5; i++) await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { startTime: `1${i}:00` }) });
    // still one timer for the whole board, however many cards
    expect(clock.pendingTimers()).toBe(idle);
    server.app.scheduler!.stop();
    expect(clock.pendingTimers()).toBe(idle - 1);
  });
});

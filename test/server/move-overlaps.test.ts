import { afterEach, describe, expect, it } from "vitest";
import { boardOverlaps, type Overlap } from "../../shared/rules/overlaps.js";
import { formatMinutesOfDay } from "../../shared/rules/time-of-day.js";
import type { BoardSnapshot } from "../../shared/schemas/board.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import { ENGINES, startTestServer, type TestServer } from "../helpers/test-server.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { seededRandom } from "../helpers/random.js";

/** 10:40 in Shanghai on 2026-11-27, the busy day. */
const MID_MORNING = Date.parse("2026-11-27T02:40:00Z");
const DAY = "2026-11-27";

/**
 * The server answers a move with the card's overlaps, worked out from the few cards that can share
 * them (its bay's while it is there, its advisor's in its slot) rather than the whole day. Whatever
 * it reads, the answer must be what the whole day's rule says of that card, which is what every
 * screen marks.
 */
describe.each(ENGINES)("the overlaps a move answers with, on %s", (engine) => {
  let server: TestServer;
  afterEach(async () => {
    await server?.close();
  });

  it("are the whole day's rule for that card, move after move across bays and times on a busy day", { timeout: 120_000 }, async () => {
    server = await startTestServer({ engine, sample: "busy", clock: new ManualClock(MID_MORNING) });
    const board = async () => (await server.api(`/api/board?date=${DAY}`)).body as BoardSnapshot;
    const rnd = seededRandom(16);
    let day = await board();
    const bays = [...day.bays.map((b) => b.id), null];
    const seen = { moves: 0, bayClashes: 0, earlierInBay: 0 };
    for (let i = 0; i < 60; i++) {
      const open = day.appointments.filter((a) => a.status === "booked" || a.status === "confirmed");
      const card = rnd.pick(open);
      // on the half hour and off it, over the whole day, often into a bay already in use
      const startTime = formatMinutesOfDay(8 * 60 + rnd.int(0, 23) * 30 + rnd.pick([0, 0, 10, 20]));
      const bayId = rnd.pick(bays);
      const res = await server.api(`/api/appointments/${card.id}/move`, { method: "POST", json: { version: card.version, startTime, bayId } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      day = await board();
      // the card as the answer has it: a card moved into the past is marked no-show by the clock right after
      const asAnswered = day.appointments.map((a) => (a.id === card.id ? (res.body.record as Appointment) : a));
      const expected: Overlap[] = boardOverlaps(asAnswered, day.advisors, day.settings).get(card.id) ?? [];
      expect(res.body.overlaps, `move ${i}: card ${card.id} to ${startTime}, bay ${bayId}`).toEqual(expected);
      seen.moves++;
      const clash = expected.find((o) => o.kind === "bay_double_booked");
      if (clash) {
        seen.bayClashes++;
        if (clash.with.some((id) => day.appointments.find((a) => a.id === id)!.startTime < startTime)) seen.earlierInBay++;
      }
    }
    // the moves did reach the cases the narrower read must keep: a bay shared with a card that came in earlier
    expect(seen.moves).toBe(60);
    expect(seen.bayClashes).toBeGreaterThan(5);
    expect(seen.earlierInBay).toBeGreaterThan(2);
  });
});

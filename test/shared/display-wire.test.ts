import { afterAll, describe, expect, it } from "vitest";
import { APPOINTMENT_STATUSES, AppointmentSchema, CustomerTitleSchema, PreparationSchema, type Appointment } from "../../shared/schemas/appointment.js";
import type { BoardSnapshot } from "../../shared/schemas/board.js";
import type { FixtureName } from "../../shared/schemas/sample.js";
import { decodeCompactDay, displayedPart, DISPLAY_COLUMNS, DISPLAY_FIELDS, DISPLAY_PREPARATION_FIELDS, encodeCompactDay, STATUS_CODES, TITLE_CODES } from "../../shared/display-wire.js";
import { maskAppointment } from "../../shared/rules/mask.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { follow, startTestServer, type TestServer } from "../helpers/test-server.js";

/** 10:40 in Shanghai: a morning under way, so the day holds every status, arrivals, greetings and late marks. */
const MID_MORNING = Date.parse("2026-11-27T02:40:00Z");
const TODAY = "2026-11-27";

const sentKeys = (Object.keys(DISPLAY_FIELDS) as (keyof Appointment)[]).filter((k) => DISPLAY_FIELDS[k] === "sent" && k !== "preparation");
const sentMarks = (Object.keys(DISPLAY_PREPARATION_FIELDS) as (keyof Appointment["preparation"])[]).filter((k) => DISPLAY_PREPARATION_FIELDS[k] === "sent");

function expectSameOnDisplay(decoded: BoardSnapshot, day: BoardSnapshot): void {
  const { appointments: got, ...gotBoard } = decoded;
  const { appointments: want, ...wantBoard } = day;
  expect(gotBoard).toEqual(wantBoard);
  expect(got.map(displayedPart)).toEqual(want.map(displayedPart));
}

/** One card with every rare field set, and instants the server would not write itself, so every column carries a value. */
function everythingSet(a: Appointment): Appointment {
  return {
    ...a,
    id: 987_654,
    startTime: "23:55",
    bayId: null,
    status: "arrived",
    customerTitle: "ms",
    arrivedAt: "2026-11-27T02:31:07.123Z",
    greetedAt: "2026-11-27T10:33:00+08:00",
    walkIn: true,
    lateAt: "2026-11-27T02:15:00.000Z",
    arrivedLateMinutes: 16,
    greetingOverdueAt: "2026-11-26T18:00:00.000Z",
    expectedAt: "2026-11-27T03:10:00.000Z",
    noShowDelayMinutes: 20,
    preparation: { ...a.preparation, complaint: true, repeatRepair: true },
  };
}

describe("the display's wire form of a day (shared/display-wire.ts)", () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });
  const load = async (fixture: FixtureName) => {
    const server = await startTestServer({ sample: fixture, clock: new ManualClock(MID_MORNING) });
    servers.push(server);
    return server;
  };

  it("has a decision for every field of a card, and a column for every field it sends", () => {
    // a field added to the schema without a line in DISPLAY_FIELDS fails here (and in tsc)
    expect(Object.keys(DISPLAY_FIELDS).sort()).toEqual(Object.keys(AppointmentSchema.shape).sort());
    expect(Object.keys(DISPLAY_PREPARATION_FIELDS).sort()).toEqual(Object.keys(PreparationSchema.shape).sort());
    expect([...DISPLAY_COLUMNS].sort()).toEqual([...sentKeys, ...sentMarks].sort());
    expect([...STATUS_CODES].sort()).toEqual([...APPOINTMENT_STATUSES].sort());
    expect([...TITLE_CODES].sort()).toEqual([...CustomerTitleSchema.options].sort());
  });

  it.each(["busy", "big"] as const)("gives back the %s day on every field a display uses, masked and in full", async (fixture) => {
    const server = await load(fixture);
    const day = await server.app.board.snapshot(TODAY);
    expect(day.appointments.length).toBeGreaterThanOrEqual(192);
    // the morning's cards carry the timestamps, marks and statuses the columns encode
    expect(new Set(day.appointments.map((a) => a.status)).size).toBe(APPOINTMENT_STATUSES.length);
    expect(day.appointments.some((a) => a.greetedAt !== null && a.lateAt !== null)).toBe(true);

    // what the round trip and the reliability tests compare a display's cards on is exactly what travels, and the day's date
    const part = displayedPart(day.appointments[0]!);
    expect(Object.keys(part).sort()).toEqual(["date", "preparation", ...sentKeys].sort());
    expect(Object.keys(part.preparation).sort()).toEqual([...sentMarks].sort());

    const withAll = { ...day, appointments: [...day.appointments, everythingSet(day.appointments[0]!)] };
    expectSameOnDisplay(decodeCompactDay(encodeCompactDay(withAll)), withAll);
    const masked = { ...withAll, appointments: withAll.appointments.map(maskAppointment) };
    expectSameOnDisplay(decodeCompactDay(encodeCompactDay(masked)), masked);

    // and as a public display really receives it from the server, after JSON on the socket
    const display = await server.client("display");
    const seen = await follow(display, TODAY);
    if (seen.kind !== "snapshot") throw new Error("expected a whole day");
    expectSameOnDisplay(seen.snapshot, { ...await server.app.board.snapshot(TODAY), appointments: (await server.app.board.snapshot(TODAY)).appointments.map(maskAppointment) });
  });

  it("sends a booked card's array without the blank fields at its end", async () => {
    const server = await load("busy");
    const day = encodeCompactDay(await server.app.board.snapshot(TODAY));
    const lengths = day.cards.map((c) => c.length);
    expect(Math.min(...lengths)).toBeLessThan(DISPLAY_COLUMNS.length / 2 + 1);
    expect(Math.max(...lengths)).toBeGreaterThan(DISPLAY_COLUMNS.length / 2 + 1);
    expect(day.fields).toEqual(DISPLAY_COLUMNS);
  });
});

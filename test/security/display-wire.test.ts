import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeCompactDay, DISPLAY_COLUMNS, type CompactDay } from "../../shared/display-wire.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { followAsSent, startTestServer, type StaffClient, type TestServer } from "../helpers/test-server.js";

const MID_MORNING = Date.parse("2026-11-27T02:40:00Z");
const TODAY = "2026-11-27";

/** The text frames a socket receives, exactly as they travelled (engine.io's message packets). */
function rawFrames(socket: StaffClient): string[] {
  const frames: string[] = [];
  socket.io.engine.on("packet", (p: { type: string; data?: unknown }) => {
    if (p.type === "message" && typeof p.data === "string") frames.push(`4${p.data}`);
  });
  return frames;
}

async function followCompact(socket: StaffClient): Promise<CompactDay> {
  const sent = await followAsSent(socket, TODAY);
  if (sent.kind !== "compact") throw new Error(`a display was sent ${sent.kind}, not its compact day`);
  return sent.day;
}

describe("the big day on a display's wire (30 advisors × 900 cards)", () => {
  let server: TestServer;
  let truth: Appointment[];
  beforeAll(async () => {
    server = await startTestServer({ sample: "big", clock: new ManualClock(MID_MORNING) });
    truth = (await server.app.board.snapshot(TODAY)).appointments;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("a public display's frame holds no full name, plate, phone, note, amount, mileage or complaint/repeat mark, and fits in 200 KB", async () => {
    // the day has every kind of secret to leak, so this cannot pass for want of one
    expect(truth).toHaveLength(900);
    expect(truth.filter((a) => a.notes !== "").length).toBeGreaterThan(10);
    expect(truth.some((a) => a.preparation.complaint)).toBe(true);
    expect(truth.some((a) => a.preparation.repeatRepair)).toBe(true);
    expect(truth.every((a) => a.estimatedAmount !== null && a.mileageKm !== null && a.phone !== "")).toBe(true);

    const tv = await server.client("display");
    const frames = rawFrames(tv);
    const day = await followCompact(tv);
    const frame = frames.find((f) => f.includes('"kind":"compact"'));
    expect(frame).toBeDefined();
    expect(Buffer.byteLength(frame!)).toBeLessThanOrEqual(200 * 1024);

    // no column for what a display must not have, and no secret's text anywhere in the frame
    expect(day.fields).toEqual(DISPLAY_COLUMNS);
    for (const never of ["phone", "notes", "estimatedAmount", "mileageKm", "vehicleModel", "createdBy", "updatedBy", "alertAcknowledgedBy"]) expect(day.fields).not.toContain(never);
    // the staff's own names are public (the advisors' rows), and a customer may share one: names are looked for among the cards
    const cardsPart = frame!.slice(frame!.indexOf('"fields":'));
    for (const a of truth) {
      if (a.customerName.length > 1) expect(cardsPart.includes(a.customerName), `the public frame's cards hold "${a.customerName}"`).toBe(false);
      for (const secret of [a.plate, a.plate.replace("·", ""), a.phone, a.phone.replace(/ /g, ""), a.notes]) {
        if (secret.length > 1) expect(frame!.includes(secret), `the public frame holds "${secret}"`).toBe(false);
      }
    }
    // what it does carry: every card, masked, with no complaint or repeat-repair mark
    const cards = decodeCompactDay(day).appointments;
    expect(cards.map((a) => a.id)).toEqual(truth.map((a) => a.id));
    expect(cards.every((a) => /^\p{Script=Han}\*\*$/u.test(a.customerName) && a.plate.includes("***"))).toBe(true);
    expect(cards.some((a) => a.preparation.complaint || a.preparation.repeatRepair)).toBe(false);
    expect(cards.every((a) => a.phone === "" && a.notes === "" && a.estimatedAmount === null && a.mileageKm === null)).toBe(true);
  });

  it("a paired staff-only display gets the same compact form with full names, plates and the complaint and repeat-repair marks", async () => {
    const made = await server.api("/api/displays", { method: "POST", json: { name: "车间大屏", visibility: "staff", language: "zh-CN" } });
    expect(made.status).toBe(201);
    const screen = await server.client("display", { auth: { key: made.body.secret as string } });
    const cards = decodeCompactDay(await followCompact(screen)).appointments;
    expect(cards.map((a) => [a.customerName, a.plate, a.preparation.complaint, a.preparation.repeatRepair])).toEqual(
      truth.map((a) => [a.customerName, a.plate, a.preparation.complaint, a.preparation.repeatRepair]),
    );
    // still only what a TV draws: the phone and the notes stay with the staff screens
    expect(cards.every((a) => a.phone === "" && a.notes === "")).toBe(true);
  });

  it("the staff namespace and the editor's GET /api/board still get whole cards", async () => {
    const staff = await server.client("staff");
    const sent = await followAsSent(staff, TODAY);
    if (sent.kind !== "snapshot") throw new Error(`the staff screen was sent ${sent.kind}`);
    expect(sent.snapshot.appointments).toEqual(truth);
    expect((await server.api(`/api/board?date=${TODAY}`)).body.appointments).toEqual(truth);
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Appointment } from "../../shared/schemas/appointment.js";
import { auditOf, databaseViolations } from "../helpers/db-invariants.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { booking, follow, seedBasics, startTestServer } from "../helpers/test-server.js";

const at = (iso: string) => Date.parse(iso);

describe("late and no-show marks that fell due while the server was down", () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "magboard-clock-"));
    file = path.join(dir, "magboard.sqlite");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("are applied at start-up, through the pipeline, and reach a screen that follows from before", async () => {
    // 09:00 in Shanghai: nothing is due yet
    const first = await startTestServer({ file, clock: new ManualClock(at("2026-11-27T01:00:00Z")) });
    const { advisors } = await seedBasics(first);
    const make = async (over: Record<string, unknown>) => (await first.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, over) })).body.record as Appointment;
    const yesterday = await make({ date: "2026-11-26", startTime: "16:00" });
    const ten = await make({ startTime: "10:00" });
    const eleven = await make({ startTime: "11:00" });
    const afternoon = await make({ startTime: "15:00" });
    const display = await first.client("display");
    const held = await follow(display, "2026-11-27");
    if (held.kind !== "snapshot") throw new Error("expected a snapshot");
    expect(held.snapshot.appointments.every((a) => a.lateAt === null && a.status === "booked")).toBe(true);
    await first.close();

    // the PC was off until 11:30: 10:00 is past its no-show hour, 11:00 only past its grace
    const second = await startTestServer({ file, clock: new ManualClock(at("2026-11-27T03:30:00Z")) });
    const get = async (id: number) => (await second.api(`/api/appointments/${id}`)).body as Appointment;
    expect(await get(yesterday.id)).toMatchObject({ status: "no_show", lateAt: "2026-11-26T08:15:00.000Z" });
    expect(await get(ten.id)).toMatchObject({ status: "no_show", lateAt: "2026-11-27T02:15:00.000Z" });
    expect(await get(eleven.id)).toMatchObject({ status: "booked", lateAt: "2026-11-27T03:15:00.000Z" });
    expect(await get(afternoon.id)).toMatchObject({ status: "booked", lateAt: null });
    expect((await auditOf(file, ten.id)).map((e) => [e.action, e.actorId === "system:clock"])).toEqual([
      ["appointment.create", false],
      ["appointment.mark_late", true],
      ["appointment.mark_no_show", true],
    ]);

    // a screen that held the board from before the outage replays the marks it missed
    const again = await second.client("display");
    const replay = await follow(again, "2026-11-27", held.snapshot.revision);
    if (replay.kind !== "patches") throw new Error("expected a replay");
    const marked = replay.patches.flatMap((p) => p.ops).flatMap((op) => (op.kind === "appointment" ? [op.appointment] : []));
    expect(marked.filter((a) => a.id === ten.id).at(-1)?.status).toBe("no_show");
    expect(marked.filter((a) => a.id === eleven.id).at(-1)?.lateAt).toBe("2026-11-27T03:15:00.000Z");

    // and the clock goes on from there: 11:00's no-show falls due at 12:00
    (second.clock as ManualClock).advance(30 * 60_000);
    expect(await get(eleven.id)).toMatchObject({ status: "no_show" });
    await second.close();
    expect(await databaseViolations(file)).toEqual([]);
  });
});

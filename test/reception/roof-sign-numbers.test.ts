import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Appointment } from "../../shared/schemas/appointment.js";
import { openDatabase } from "../../server/db/open-database.js";
import { errorText } from "../../shared/i18n/errors.js";
import { queueLabel } from "../../shared/i18n/queue-number.js";
import { roofSignBatch, roofSheetCount } from "../../shared/rules/roof-sign.js";
import { dbFingerprint } from "../helpers/db-fingerprint.js";
import { booking, seedBasics, startTestServer, type TestServer } from "../helpers/test-server.js";

let server: TestServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const DAY = "2026-11-27";
const OTHER_DAY = "2026-11-30";

async function book(advisorId: number, over: Record<string, unknown>): Promise<Appointment> {
  const res = await server!.api("/api/appointments", { method: "POST", json: booking(advisorId, over) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.record as Appointment;
}

const get = async (id: number): Promise<Appointment> => (await server!.api(`/api/appointments/${id}`)).body as Appointment;
const dayCards = async (date: string): Promise<Appointment[]> => (await server!.api(`/api/board?date=${date}`)).body.appointments as Appointment[];

describe("the roof sign's queue number", () => {
  it("is given at booking, unique for the day, never handed out again after a cancel or a move away, and kept by a move within the day", async () => {
    server = await startTestServer();
    const { advisors } = await seedBasics(server);
    const [a, b] = advisors as [number, number];
    const first = await book(a, { startTime: "14:00", plate: "京A·11111" });
    const second = await book(b, { startTime: "09:00", plate: "京A·22222" });
    const third = await book(a, { startTime: "11:00", plate: "京A·33333" });
    // given in booking order: the number exists from the first moment, so a sign can be printed any time
    expect([first.queueNumber, second.queueNumber, third.queueNumber]).toEqual([1, 2, 3]);

    // cancelled: it keeps its number and nobody else ever gets it
    await server.api(`/api/appointments/${third.id}/cancel`, { method: "POST", json: { version: third.version } });
    expect((await get(third.id)).queueNumber).toBe(3);
    const late = await book(b, { startTime: "16:00", plate: "京A·44444" });
    expect(late.queueNumber).toBe(4);

    // moved within the day (time and advisor): the printed number stays right
    const within = await server.api(`/api/appointments/${first.id}/move`, { method: "POST", json: { version: first.version, startTime: "15:00", advisorId: b } });
    expect(within.status).toBe(200);
    expect((await get(first.id)).queueNumber).toBe(1);

    // moved to another day: the next number of that day (the sign shows its date, so it is printed again),
    // and the old day's number is not handed out again
    const away = await server.api(`/api/appointments/${second.id}/move`, { method: "POST", json: { version: second.version, date: OTHER_DAY } });
    expect(away.status).toBe(200);
    const elsewhere = await book(a, { date: OTHER_DAY, startTime: "08:00", plate: "京A·55555" });
    expect((await get(second.id)).queueNumber).toBe(1);
    expect(elsewhere.queueNumber).toBe(2);
    const after = await book(a, { startTime: "17:00", plate: "京A·66666" });
    expect(after.queueNumber).toBe(5);

    // undoing the move to the other day gives back the number the card held on its own day
    const moved = await get(second.id);
    const auditId = (await server.api(`/api/appointments/${second.id}/history`)).body.at(-1).id as number;
    const editor = await server.client("staff");
    const ack = await editor.emitWithAck("board:command", { command: { type: "appointment.restore", id: second.id, version: moved.version, auditId } });
    expect(ack.ok).toBe(true);
    expect(await get(second.id)).toMatchObject({ date: DAY, queueNumber: 2 });

    for (const date of [DAY, OTHER_DAY]) {
      const numbers = (await dayCards(date)).map((c) => c.queueNumber);
      expect(new Set(numbers).size, date).toBe(numbers.length);
      expect(numbers.every((n) => typeof n === "number")).toBe(true);
    }
  });

  it("counts walk-ins in their own series (散001 / W001) beside the day's appointments", async () => {
    server = await startTestServer();
    const { advisors } = await seedBasics(server);
    await book(advisors[0]!, { startTime: "10:00" });
    await book(advisors[1]!, { startTime: "11:00", plate: "京A·22222" });
    const walkIn = async (plate: string) => {
      const res = await server!.api("/api/appointments/walk-in", { method: "POST", json: { plate, workRequested: "异响", jobCategory: "mechanical", advisorId: advisors[0] } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.record as Appointment;
    };
    const w1 = await walkIn("京Z·99999");
    const w2 = await walkIn("京Z·88888");
    expect([w1.queueNumber, w2.queueNumber]).toEqual([1, 2]);
    expect([queueLabel("zh-CN", w1), queueLabel("en", w2)]).toEqual(["散001", "W002"]);
    const next = await book(advisors[0]!, { startTime: "15:00", plate: "京A·33333" });
    expect(queueLabel("zh-CN", next)).toBe("003");
  });

  it("cannot be set or changed by a client: refused, the key named, nothing changed", async () => {
    server = await startTestServer();
    const { advisors } = await seedBasics(server);
    const card = await book(advisors[0]!, {});
    const before = dbFingerprint(server.db);
    const create = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { queueNumber: 7 }) });
    const edit = await server.api(`/api/appointments/${card.id}`, { method: "PATCH", json: { version: card.version, queueNumber: 7 } });
    // an unknown key is refused on the object that holds it (the convention of every command), naming the key
    for (const [res, field] of [[create, "input"], [edit, "changes"]] as const) {
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: "invalid_payload", field });
      expect(res.body.error.message).toContain("queueNumber");
      expect(errorText("zh-CN", res.body.error)).not.toBe("");
    }
    expect(dbFingerprint(server.db)).toBe(before);
  });

  it("numbers the cards of an older database in time order per day and series when it is upgraded, and goes on after them", async () => {
    dir = mkdtempSync(join(tmpdir(), "magboard-roof-"));
    const file = join(dir, "old.sqlite");
    const old = openDatabase(file, { migrateTo: 7 });
    old.prepare("INSERT INTO advisors (name, color, display_order, active, days_on_duty, version, created_at, updated_at) VALUES ('A', '#000000', 1, 1, '0123456', 1, 'x', 'x')").run();
    const insert = old.prepare(
      `INSERT INTO appointments (date, start_time, duration_minutes, advisor_id, customer_name, customer_title, phone, plate, plate_key, vehicle_model,
        work_requested, source, initiated_by, notes, parts_needed, parts_ready, repeat_repair, complaint, needs_road_test, status, walk_in, version,
        created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, 60, 1, '张伟', 'mr', '', ?, ?, '', '保养', 'regular_maintenance', 'dealer', '', 0, 0, 0, 0, 0, 'booked', ?, 1, 'x', 'x', 'x', 'x')`,
    );
    insert.run(DAY, "15:00", "京A·00001", "京A00001", 0);
    insert.run(DAY, "09:00", "京A·00002", "京A00002", 0);
    insert.run(DAY, "10:30", "京A·00003", "京A00003", 1);
    insert.run(OTHER_DAY, "08:00", "京A·00004", "京A00004", 0);
    old.close();

    server = await startTestServer({ file });
    const byPlate = new Map((await dayCards(DAY)).map((c) => [c.plate, c]));
    expect(byPlate.get("京A·00002")?.queueNumber).toBe(1);
    expect(byPlate.get("京A·00001")?.queueNumber).toBe(2);
    expect(byPlate.get("京A·00003")).toMatchObject({ walkIn: true, queueNumber: 1 });
    expect((await dayCards(OTHER_DAY))[0]?.queueNumber).toBe(1);
    const advisorId = (await server.api("/api/advisors")).body[0].id as number;
    expect((await book(advisorId, { startTime: "18:00", plate: "京A·00005" })).queueNumber).toBe(3);
  });

  it("prints a batch of every card still coming, in the order the cars are due, two signs to an A4 sheet", () => {
    const card = (id: number, startTime: string, status: Appointment["status"], queueNumber: number) => ({ id, startTime, status, queueNumber, walkIn: false }) as Appointment;
    const batch = roofSignBatch([card(1, "10:00", "booked", 3), card(2, "08:30", "confirmed", 5), card(3, "09:00", "cancelled", 1), card(4, "10:00", "booked", 2)]);
    expect(batch.map((a) => a.id)).toEqual([2, 4, 1]);
    expect([0, 1, 2, 3, 191].map(roofSheetCount)).toEqual([0, 1, 1, 2, 96]);
  });
});

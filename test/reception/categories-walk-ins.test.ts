import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/open-database.js";
import { DEFAULT_JOB_CATEGORIES } from "../../shared/schemas/job-category.js";
import { errorText } from "../../shared/i18n/errors.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { dbFingerprint } from "../helpers/db-fingerprint.js";
import { booking, seedBasics, startTestServer, type TestServer } from "../helpers/test-server.js";

/** 10:00 in Shanghai on 2026-11-27, a Friday. */
const TEN = Date.parse("2026-11-27T02:00:00Z");
const MINUTE = 60_000;

let server: TestServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A refusal that names `field`, says so in Chinese and English, and leaves the database as it was. */
async function refused(call: () => Promise<{ status: number; body: { error: { code: string; field?: string } } }>, field: string) {
  const before = dbFingerprint(server!.db);
  const res = await call();
  expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
  expect(res.body.error.field).toBe(field);
  expect(dbFingerprint(server!.db)).toBe(before);
  return { zh: errorText("zh-CN", res.body.error as never), en: errorText("en", res.body.error as never) };
}

describe("job categories and specialties", () => {
  it("an older database's cards and advisors still work after the upgrade, as 未分类, with the seed's categories and 3 minutes", async () => {
    dir = mkdtempSync(join(tmpdir(), "magboard-categories-"));
    const file = join(dir, "old.sqlite");
    const old = openDatabase(file, { migrateTo: 3 });
    old.prepare(
      `INSERT INTO settings (id, site_name, time_zone, open_time, close_time, slot_minutes, late_grace_minutes, no_show_after_minutes,
         advisor_capacity_per_slot, language, version, updated_at, updated_by)
       VALUES (1, '老店', 'Asia/Shanghai', '08:00', '20:00', 60, 15, 60, 1, 'zh-CN', 1, 'x', 'x')`,
    ).run();
    old.prepare("INSERT INTO advisors (name, color, display_order, active, days_on_duty, version, created_at, updated_at) VALUES ('A', '#000000', 1, 1, '0123456', 1, 'x', 'x')").run();
    old.prepare(
      `INSERT INTO appointments (date, start_time, duration_minutes, advisor_id, customer_name, customer_title, phone, plate, plate_key, vehicle_model,
        work_requested, source, initiated_by, notes, parts_needed, parts_ready, repeat_repair, complaint, needs_road_test, status, version,
        created_at, created_by, updated_at, updated_by)
       VALUES ('2026-11-27', '10:00', 60, 1, '张伟', 'mr', '', '京A·12345', '京A12345', '', '保养', 'regular_maintenance', 'dealer', '', 0, 0, 0, 0, 0, 'booked', 1,
        'x', 'x', 'x', 'x')`,
    ).run();
    old.close();

    server = await startTestServer({ file, clock: new ManualClock(TEN - 30 * MINUTE) });
    const board = (await server.api("/api/board?date=2026-11-27")).body;
    expect(board.settings.jobCategories).toEqual(DEFAULT_JOB_CATEGORIES);
    expect(board.settings.greetingLimitMinutes).toBe(3);
    expect(board.advisors[0].jobCategories).toEqual([]);
    expect(board.appointments[0]).toMatchObject({ jobCategory: null, walkIn: false, greetedAt: null });
    // and it is received as before
    const arrived = await server.api(`/api/appointments/${board.appointments[0].id}/arrive`, { method: "POST", json: { version: 1 } });
    expect(arrived.body.record.status).toBe("arrived");
  });

  it("a card takes a category; an unknown one is refused naming the field, in both languages, with nothing changed", async () => {
    server = await startTestServer();
    const { advisors } = await seedBasics(server);
    const ok = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { jobCategory: "body_paint" }) });
    expect(ok.body.record.jobCategory).toBe("body_paint");
    // one without a category still books, as 未分类
    expect((await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { startTime: "11:00" }) })).body.record.jobCategory).toBeNull();
    const text = await refused(() => server!.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { jobCategory: "tyres" }) }), "jobCategory");
    expect(text.zh).toContain("作业类别");
    expect(text.en).toContain("Job category");
    const update = await refused(
      () => server!.api(`/api/appointments/${ok.body.record.id}`, { method: "PATCH", json: { version: 1, jobCategory: "tyres" } }),
      "jobCategory",
    );
    expect(update.zh).toContain("作业类别");
    await refused(() => server!.api("/api/appointments/import", { method: "POST", json: { rows: [booking(advisors[0]!, { jobCategory: "nope" })] } }), "rows.0.jobCategory");
  });

  it("the manager edits the list (zh-CN and en names) and the advisors' specialties; unknown specialties are refused", async () => {
    server = await startTestServer();
    const { advisors } = await seedBasics(server);
    const s = (await server.api("/api/settings")).body;
    const list = [...s.jobCategories, { code: "tyres", nameZh: "轮胎", nameEn: "Tyres", bayKinds: ["quick_service"] }];
    const saved = await server.api("/api/settings", { method: "PATCH", json: { version: s.version, jobCategories: list } });
    expect(saved.status).toBe(200);
    expect(saved.body.record.jobCategories.at(-1)).toEqual({ code: "tyres", nameZh: "轮胎", nameEn: "Tyres", bayKinds: ["quick_service"] });
    await refused(
      () => server!.api("/api/settings", { method: "PATCH", json: { version: s.version + 1, jobCategories: [...list, list[0]] } }),
      "jobCategories",
    );
    const a = (await server.api(`/api/advisors/${advisors[0]}`)).body;
    const specialised = await server.api(`/api/advisors/${advisors[0]}`, { method: "PATCH", json: { version: a.version, jobCategories: ["tyres", "maintenance"] } });
    expect(specialised.body.record.jobCategories).toEqual(["tyres", "maintenance"]);
    await refused(() => server!.api(`/api/advisors/${advisors[0]}`, { method: "PATCH", json: { version: a.version + 1, jobCategories: ["flying"] } }), "jobCategories");
    // a desk account cannot change the list
    const desk = await server.sessionAs("desk");
    const forbidden = await server.api("/api/settings", { method: "PATCH", json: { version: s.version + 1, jobCategories: [] }, as: desk });
    expect(forbidden.status).toBe(403);
  });
});

describe("walk-ins (散客接待)", () => {
  async function site() {
    const clock = new ManualClock(TEN);
    server = await startTestServer({ clock });
    const mk = async (name: string, displayOrder: number, jobCategories: string[], daysOnDuty = [0, 1, 2, 3, 4, 5, 6]) =>
      (await server!.api("/api/advisors", { method: "POST", json: { name, displayOrder, jobCategories, daysOnDuty } })).body.record.id as number;
    const body = await mk("钣喷 A", 1, ["body_paint"]);
    const maint1 = await mk("保养 B", 2, ["maintenance", "quick_repair"]);
    const maint2 = await mk("保养 C", 3, ["maintenance"]);
    const off = await mk("保养 D（周五休）", 0, ["maintenance"], [1, 2, 3, 4]);
    const paintBay = (await server.api("/api/bays", { method: "POST", json: { name: "钣喷工位", kind: "body_paint" } })).body.record.id as number;
    return { clock, body, maint1, maint2, off, paintBay };
  }
  const walkIn = (input: Record<string, unknown>) => server!.api("/api/appointments/walk-in", { method: "POST", json: { plate: "京B·54321", workRequested: "保养", ...input } });

  it("suggests the on-duty advisor of the category with the fewest customers in the next two hours, ties by display order", async () => {
    const { maint1, maint2, body, paintBay } = await site();
    // B has one customer due at 11:00; C has one at 13:00, outside the two hours
    await server!.api("/api/appointments", { method: "POST", json: booking(maint1, { startTime: "11:00" }) });
    await server!.api("/api/appointments", { method: "POST", json: booking(maint2, { startTime: "13:00" }) });
    const first = await walkIn({ jobCategory: "maintenance" });
    expect(first.status).toBe(201);
    expect(first.body.record).toMatchObject({ advisorId: maint2, status: "arrived", walkIn: true, date: "2026-11-27", startTime: "10:00", arrivedAt: "2026-11-27T02:00:00.000Z" });
    // now both have one: the tie goes to B, first in display order (D is off on Fridays)
    expect((await walkIn({ jobCategory: "maintenance", plate: "京C11111" })).body.record.advisorId).toBe(maint1);
    // body & paint goes to A, in a body & paint bay
    expect((await walkIn({ jobCategory: "body_paint", plate: "京C22222" })).body.record).toMatchObject({ advisorId: body, bayId: paintBay });
    // the guide may pick another advisor
    expect((await walkIn({ jobCategory: "body_paint", plate: "京C33333", advisorId: maint1 })).body.record.advisorId).toBe(maint1);
  });

  it("is never late and never a no-show, and the header counts it apart", async () => {
    const { clock } = await site();
    const card = (await walkIn({ jobCategory: "maintenance" })).body.record;
    clock.set(TEN + 3 * 60 * MINUTE);
    const later = (await server!.api(`/api/appointments/${card.id}`)).body;
    expect(later).toMatchObject({ status: "arrived", lateAt: null, arrivedLateMinutes: null });
  });

  it("refuses bad input naming the field, with nothing changed", async () => {
    await site();
    await refused(() => walkIn({ jobCategory: "tyres" }), "jobCategory");
    await refused(() => walkIn({ jobCategory: "maintenance", plate: "" }), "plate");
    await refused(() => walkIn({ jobCategory: "maintenance", advisorId: 999 }), "advisorId");
    await refused(() => server!.api("/api/appointments/walk-in", { method: "POST", json: { plate: "京B12345", jobCategory: "maintenance" } }), "workRequested");
  });
});

describe("greeting and late customers: bad input", () => {
  it("greeted before arrival, greeted twice and a repair before the greeting are refused naming the field", async () => {
    server = await startTestServer({ clock: new ManualClock(TEN) });
    const { advisors } = await seedBasics(server);
    const card = (await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!) })).body.record;
    const early = await refused(() => server!.api(`/api/appointments/${card.id}/greet`, { method: "POST", json: { version: card.version } }), "status");
    expect(early.zh).toContain("状态");
    const arrived = (await server.api(`/api/appointments/${card.id}/arrive`, { method: "POST", json: { version: card.version } })).body.record;
    const order = await refused(() => server!.api(`/api/appointments/${card.id}/start`, { method: "POST", json: { version: arrived.version } }), "greetedAt");
    expect(order.zh).toContain("已出迎");
    expect(order.en).toContain("Greeted");
    const greeted = (await server.api(`/api/appointments/${card.id}/greet`, { method: "POST", json: { version: arrived.version } })).body.record;
    await refused(() => server!.api(`/api/appointments/${card.id}/greet`, { method: "POST", json: { version: greeted.version } }), "greetedAt");
    expect((await server.api(`/api/appointments/${card.id}/start`, { method: "POST", json: { version: greeted.version } })).body.record.status).toBe("in_service");
  });

  it("在路上 pushes the no-show back by the minutes given; -5 and 10,000 minutes are refused naming the field", async () => {
    const clock = new ManualClock(TEN - 60 * MINUTE);
    server = await startTestServer({ clock });
    const { advisors } = await seedBasics(server);
    const card = (await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!) })).body.record;
    clock.set(TEN + 20 * MINUTE);
    const late = (await server.api(`/api/appointments/${card.id}`)).body;
    expect(late.lateAt).not.toBeNull();
    for (const minutes of [-5, 10_000, 0, 2.5]) {
      const text = await refused(() => server!.api(`/api/appointments/${card.id}/on-the-way`, { method: "POST", json: { version: late.version, minutes } }), "minutes");
      expect(text.zh).toContain("预计几分钟到");
    }
    const onTheWay = await server.api(`/api/appointments/${card.id}/on-the-way`, { method: "POST", json: { version: late.version, minutes: 25 } });
    expect(onTheWay.body.record).toMatchObject({ expectedAt: "2026-11-27T02:45:00.000Z", noShowDelayMinutes: 25 });
    // the no-show was due at 11:00; now at 11:25
    clock.set(TEN + 60 * MINUTE);
    expect((await server.api(`/api/appointments/${card.id}`)).body.status).toBe("booked");
    clock.set(TEN + 85 * MINUTE);
    expect((await server.api(`/api/appointments/${card.id}`)).body.status).toBe("no_show");
  });
});

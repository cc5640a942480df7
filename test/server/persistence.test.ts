import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { openDatabase, DatabaseTooNewError } from "../../server/db/open-database.js";
import { MIGRATIONS } from "../../server/db/migrations/index.js";
import { booking, seedBasics, startTestServer } from "../helpers/test-server.js";

describe("persistence", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "magboard-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps every card, the audit log and the revision across a restart", async () => {
    const file = path.join(dir, "board.sqlite");
    const first = await startTestServer({ file });
    const { advisors } = await seedBasics(first);
    const made = await first.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { customerName: "王芳 🚗" }) });
    await first.api(`/api/appointments/${made.body.record.id}/confirm`, { method: "POST", json: { version: 1 } });
    const before = (await first.api("/api/board?date=2026-11-27")).body;
    await first.close();

    const second = await startTestServer({ file });
    const after = (await second.api("/api/board?date=2026-11-27")).body;
    expect(after.revision).toBe(before.revision);
    expect(after.appointments).toEqual(before.appointments);
    expect(after.advisors).toEqual(before.advisors);
    expect((await second.api("/api/audit?date=2026-11-27")).body).toHaveLength(2);
    await second.close();
  });

  it("upgrades a database an older version wrote, keeping its rows", () => {
    const file = path.join(dir, "old.sqlite");
    const old = openDatabase(file, { migrateTo: 1 });
    old.prepare("INSERT INTO advisors (name, color, display_order, active, days_on_duty, version, created_at, updated_at) VALUES ('A', '#000000', 1, 1, '0123456', 1, 'x', 'x')").run();
    old.prepare(
      `INSERT INTO appointments (date, start_time, duration_minutes, advisor_id, customer_name, customer_title, phone, plate, vehicle_model,
        work_requested, source, initiated_by, notes, parts_needed, parts_ready, repeat_repair, complaint, needs_road_test, status, version,
        created_at, created_by, updated_at, updated_by)
       VALUES ('2026-11-27', '10:00', 60, 1, '张伟', 'mr', '', '京A·12345', '', '保养', 'regular_maintenance', 'dealer', '', 0, 0, 0, 0, 0, 'booked', 1, 'x', 'x', 'x', 'x')`,
    ).run();
    expect(old.pragma("user_version", { simple: true })).toBe(1);
    old.close();

    const upgraded = openDatabase(file);
    expect(upgraded.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(upgraded.prepare("SELECT customer_name, plate_key FROM appointments").get()).toEqual({ customer_name: "张伟", plate_key: "京A12345" });
    upgraded.close();
  });

  it("refuses a database written by a newer version, with a message saying what to do", () => {
    const file = path.join(dir, "new.sqlite");
    const raw = new Database(file);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(/newer magboard/);
  });

  it("gives a new database today's sample board, and one command removes it", async () => {
    const server = await startTestServer({ sample: true });
    const board = (await server.api("/api/board?date=2026-11-27")).body;
    expect(board.advisors).toHaveLength(4);
    expect(board.bays).toHaveLength(6);
    expect(board.appointments.length).toBeGreaterThanOrEqual(18);
    const removed = await server.api("/api/sample", { method: "DELETE" });
    expect(removed.body.removed).toBe(true);
    const empty = (await server.api("/api/board?date=2026-11-27")).body;
    expect(empty.appointments).toEqual([]);
    expect(empty.advisors).toEqual([]);
    await server.close();
  });
});

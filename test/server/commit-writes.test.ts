import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Appointment } from "../../shared/schemas/appointment.js";
import Database from "better-sqlite3";
import { AppointmentRepo } from "../../server/db/appointment-repo.js";
import { sqliteSql, type Sql } from "../../server/db/sql.js";
import { databaseViolations, storedViolations } from "../helpers/db-invariants.js";
import { booking, ENGINES, seedBasics, startTestServer, type TestServer } from "../helpers/test-server.js";

/**
 * A command now writes only what it changed (issue 16, point 2): a card's UPDATE sets only the
 * columns that differ, so a move no longer rewrites the entries of indexes it did not touch. What a
 * user relies on stays: the card as answered is the card as stored, and its history still chains.
 */
describe.each(ENGINES)("what a command writes, on %s", (engine) => {
  let dir: string;
  let server: TestServer;
  let reader: Database.Database | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "magboard-writes-"));
  });
  afterEach(async () => {
    reader?.close();
    reader = undefined;
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const start = async () => {
    const file = path.join(dir, "board.sqlite");
    server = await startTestServer({ engine, file });
  };
  /** What is stored, read on a connection of its own (on SQLite, the file opened again). */
  const stored = (): Sql => {
    if (server.engine === "postgres") return server.sql;
    reader ??= new Database(path.join(dir, "board.sqlite"), { fileMustExist: true });
    return sqliteSql(reader);
  };
  const violations = () => (server.engine === "postgres" ? storedViolations(server.sql) : databaseViolations(path.join(dir, "board.sqlite")));

  it("stores every column a move, an edit, a status change and an undo changed, and nothing else", async () => {
    await start();
    const { advisors, bay } = await seedBasics(server);
    const made = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!) });
    const id: number = made.body.record.id;
    let card: Appointment = made.body.record;
    const storedCard = async () => (await new AppointmentRepo(stored()).forDate(card.date)).find((c) => c.id === id);
    const step = async (what: string, path: string, json: Record<string, unknown>, method = "POST") => {
      const res = await server.api(path, { method, json: { version: card.version, ...json } });
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      card = res.body.record;
      expect(await storedCard(), what).toEqual(card);
    };
    await step("move to another advisor, time and bay", `/api/appointments/${id}/move`, { advisorId: advisors[1], startTime: "14:30", bayId: bay });
    await step("move to another day (a new queue number)", `/api/appointments/${id}/move`, { date: "2026-11-28" });
    expect(card.queueNumber).toBe(1);
    await step("edit of text, a preparation mark and the mileage", `/api/appointments/${id}`, { workRequested: "刹车异响检查", preparation: { partsNeeded: true }, mileageKm: 52_000 }, "PATCH");
    await step("back to the first day", `/api/appointments/${id}/move`, { date: "2026-11-27", startTime: "09:00" });
    await step("arrival", `/api/appointments/${id}/arrive`, {});
    expect(card.status).toBe("arrived");
    const history = (await server.api(`/api/appointments/${id}/history`)).body as { id: number; action: string; before: Appointment; after: Appointment }[];
    const arrival = history.at(-1)!;
    expect(arrival.before.status).toBe("booked");
    expect(arrival.after.arrivedAt).not.toBeNull();

    const editor = await server.client("staff");
    const undo = await editor.emitWithAck("board:command", { command: { type: "appointment.restore", id, version: card.version, auditId: arrival.id } });
    expect(undo.ok).toBe(true);
    if (!undo.ok) return;
    card = undo.data.record as Appointment;
    expect(card).toMatchObject({ status: "booked", arrivedAt: null, arrivedLateMinutes: null, startTime: "09:00", workRequested: "刹车异响检查" });
    expect(await storedCard()).toEqual(card);
    await step("cancel", `/api/appointments/${id}/cancel`, {});
    await step("reopen", `/api/appointments/${id}/reopen`, {});
    expect(await violations()).toEqual([]);
  });

  it("keeps of a move's before only what changed, and gives history and undo the whole card, as for entries stored whole", async () => {
    await start();
    const { advisors } = await seedBasics(server);
    const made = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { notes: "客户要求洗车" }) });
    const id: number = made.body.record.id;
    const original: Appointment = made.body.record;
    const moved = await server.api(`/api/appointments/${id}/move`, { method: "POST", json: { version: 1, startTime: "15:30" } });
    const history = async () => (await server.api(`/api/appointments/${id}/history`)).body as { id: number; before: Appointment | null; after: Appointment }[];
    const entry = (await history()).at(-1)!;
    expect(entry.before, "the history shows the whole card before the move").toEqual(original);
    expect(entry.after).toEqual(moved.body.record);

    const row = (await server.sql.prepare<{ before: string | null; before_changes: string | null }>("SELECT before, before_changes FROM audit_log WHERE id = ?").get([entry.id]))!;
    expect(row.before).toBeNull();
    const kept = JSON.parse(row.before_changes!) as Partial<Appointment>;
    expect(kept).toMatchObject({ startTime: "10:00", version: 1 });
    for (const field of Object.keys(kept)) expect(["startTime", "version", "updatedAt", "updatedBy"]).toContain(field);

    // the same entry as a magboard before this change stored it: the whole card in `before`
    await server.sql.prepare("UPDATE audit_log SET before = ?, before_changes = NULL WHERE id = ?").run([JSON.stringify(original), entry.id]);
    expect((await history()).at(-1)).toEqual(entry);
    const editor = await server.client("staff");
    const undo = await editor.emitWithAck("board:command", { command: { type: "appointment.restore", id, version: 2, auditId: entry.id } });
    expect(undo.ok).toBe(true);
    expect((await server.api(`/api/appointments/${id}`)).body).toMatchObject({ startTime: "10:00", notes: "客户要求洗车", version: 3 });
    expect((await history()).at(-1)!.before, "the undo's own entry, stored by changes, reads whole").toEqual(moved.body.record);
    expect(await violations()).toEqual([]);
  });
});

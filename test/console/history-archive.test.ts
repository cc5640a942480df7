import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { booking, seedBasics, startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from "../helpers/test-server.js";
import { backupDatabase, restoreDatabase } from "../../server/db/backup.js";
import type { Clock } from "../../server/board/clock.js";
import { CommandSchema, type CommandInput, type ValidCommand } from "../../shared/schemas/commands.js";

const DAY = 24 * 60 * 60 * 1000;

/**
 * A compressed clock: it jumps days at once and fires no timer on the way (the test runs the
 * archiving job itself, as its hourly timer would), so a year passes in seconds.
 */
class CompressedClock implements Clock {
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  setTimer(): { cancel(): void } {
    return { cancel: () => undefined };
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
/** 09:00 in Shanghai on 2026-11-27. */
const START = Date.parse("2026-11-27T01:00:00Z");

interface Entry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entityId: number | null;
  before: { startTime?: string; plate?: string } | null;
  after: { startTime?: string; plate?: string } | null;
}
interface Page {
  entries: Entry[];
  archivedMonths: string[];
  onlineFrom: string;
  retention: { auditDays: number; version: number };
}

describe("history: the audit viewer, retention and the archive", () => {
  let dir: string;
  let clock: CompressedClock;
  let server: TestServer;
  let advisors: number[];

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "magboard-archive-"));
    clock = new CompressedClock(START);
    server = await startTestServer({ clock, file: path.join(dir, "magboard.sqlite"), archiveDir: path.join(dir, "backups", "archive") });
    ({ advisors } = await seedBasics(server));
  });
  afterEach(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const history = async (query: string): Promise<Page> => {
    const res = await server.api(`/api/history?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Page;
  };

  /** A card booked, moved and marked arrived by the manager; a second card on another plate, moved by a desk account. */
  async function aFewChanges(): Promise<{ card: number; other: number }> {
    const made = (await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { plate: "京A·12345" }) })).body.record;
    const moved = (await server.api(`/api/appointments/${made.id}/move`, { method: "POST", json: { version: made.version, startTime: "11:00" } })).body.record;
    await server.api(`/api/appointments/${made.id}/arrive`, { method: "POST", json: { version: moved.version } });
    const desk = await server.sessionAs("desk", { username: "xiaowang" });
    const other = (await server.api("/api/appointments", { method: "POST", json: booking(advisors[1]!, { plate: "沪B·67890", startTime: "14:00" }), as: desk })).body.record;
    await server.api(`/api/appointments/${other.id}/move`, { method: "POST", json: { version: other.version, startTime: "15:00" }, as: desk });
    return { card: made.id, other: other.id };
  }

  it("filters by day, card, plate, person and kind, with before and after of each change, newest first", async () => {
    const { card, other } = await aFewChanges();
    const life = await history(`card=${card}`);
    expect(life.entries.map((e) => e.action)).toEqual(["appointment.arrive", "appointment.move", "appointment.create"]);
    const move = life.entries[1]!;
    expect([move.before?.startTime, move.after?.startTime]).toEqual(["10:00", "11:00"]);
    expect((await history("plate=67890")).entries.every((e) => e.entityId === other)).toBe(true);
    expect((await history("plate=67890")).entries).toHaveLength(2);
    expect((await history("person=xiaowang")).entries.filter((e) => e.action.startsWith("appointment")).map((e) => e.entityId)).toEqual([other, other]);
    expect((await history("kind=appointment.move")).entries.map((e) => e.entityId)).toEqual([other, card]);
    expect((await history("kind=account")).entries.every((e) => e.action.startsWith("account."))).toBe(true);
    expect((await history("kind=appointment.status")).entries.map((e) => e.action)).toEqual(["appointment.arrive"]);
    expect((await history("day=2026-11-27&kind=appointment")).entries).toHaveLength(5);
    expect((await history("day=2026-11-26")).entries).toEqual([]);
    const bad = await server.api("/api/history?day=27.11.2026");
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("day");
  });

  it("archives entries past the retention into monthly gzip files, still readable through the viewer, and backups and restore keep working", async () => {
    const { card } = await aFewChanges();
    const before = (await history(`card=${card}`)).entries;
    expect((await history("")).retention).toEqual({ auditDays: 400, version: 1 });

    // 401 days on: everything above is past the default retention (and the manager's session long over)
    clock.advance(401 * DAY);
    server.manager = await server.signIn("admin", TEST_ADMIN_PASSWORD);
    const moved = await server.app.archiving!.runNow();
    expect(moved.audit).toBeGreaterThanOrEqual(before.length);
    const files = readdirSync(path.join(dir, "backups", "archive"));
    expect(files).toContain("audit-2026-11.jsonl.gz");
    const lines = gunzipSync(readFileSync(path.join(dir, "backups", "archive", "audit-2026-11.jsonl.gz"))).toString("utf8").trim().split("\n");
    expect(lines.length).toBe(moved.audit);
    expect(server.db.prepare("SELECT count(*) AS n FROM audit_log WHERE at < ?").get(new Date(START + DAY).toISOString())).toEqual({ n: 0 });

    // the database alone no longer has them; the viewer reads them back, unchanged
    expect((await history(`card=${card}`)).entries).toEqual([]);
    expect((await history(`card=${card}&archive=1`)).entries).toEqual(before);
    const day = await history("day=2026-11-27&kind=appointment");
    expect(day.archivedMonths).toEqual(["2026-11"]);
    expect(day.entries).toHaveLength(5);

    // a second run moves nothing again, and the archive reads each entry once
    expect(await server.app.archiving!.runNow()).toEqual({ audit: 0, changes: 0 });

    // a backup of the archived database restores, and the archive still answers beside it
    const backupDir = path.join(dir, "backups");
    const backup = await backupDatabase(server.db, backupDir, new Date(clock.now()));
    const target = path.join(dir, "restored.sqlite");
    await restoreDatabase(target, backup, new Date(clock.now()));
    const restored = new Database(target, { readonly: true });
    try {
      expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
      expect((restored.prepare("SELECT count(*) AS n FROM appointments").get() as { n: number }).n).toBe(2);
      expect((restored.prepare("SELECT audit_days FROM retention").get() as { audit_days: number }).audit_days).toBe(400);
    } finally {
      restored.close();
    }
    expect(readdirSync(backupDir).filter((f) => f.endsWith(".sqlite"))).toHaveLength(1);
    expect((await history(`card=${card}&archive=1`)).entries).toEqual(before);
  });

  it("the manager sets the retention: shorter moves more to the archive; bad values are refused naming the field", async () => {
    await aFewChanges();
    clock.advance(45 * DAY);
    server.manager = await server.signIn("admin", TEST_ADMIN_PASSWORD);
    expect((await server.app.archiving!.runNow()).audit).toBe(0);
    const current = (await server.api("/api/retention")).body as { auditDays: number; version: number };
    const refused = await server.api("/api/retention", { method: "PATCH", json: { version: current.version, auditDays: 5 } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.field).toBe("auditDays");
    const set = await server.api("/api/retention", { method: "PATCH", json: { version: current.version, auditDays: 30 } });
    expect(set.status).toBe(200);
    expect(set.body.record).toEqual({ auditDays: 30, version: current.version + 1 });
    expect((await server.app.archiving!.runNow()).audit).toBeGreaterThan(5);
    const change = (await history("kind=retention")).entries[0]!;
    expect(change.before).toEqual(current);
  });
});

describe("a year of changes on a compressed clock", () => {
  it("keeps the database under 24 MB with a 30-day retention, where without archiving the audit alone passes 40 MB", { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "magboard-year-"));
    const clock = new CompressedClock(START);
    // in memory: the size is the database's own pages, and a year of commits is not a year of disk syncs
    const server = await startTestServer({ clock, archiveDir: path.join(dir, "backups", "archive") });
    try {
      const { advisors } = await seedBasics(server);
      const retention = (await server.api("/api/retention")).body as { version: number };
      expect((await server.api("/api/retention", { method: "PATCH", json: { version: retention.version, auditDays: 30 } })).status).toBe(200);
      // a busy reception's day of edits: 40 cards on a day far ahead, each changed four times a day, every day for a year
      const actor = { id: "account:1", name: "管理员 (admin)", role: "manager" as const, accountId: 1 };
      const cards: { id: number; version: number }[] = [];
      for (let i = 0; i < 40; i++) {
        const ack = await server.app.board.execute(
          parseCommand({ type: "appointment.create", input: { ...booking(advisors[i % 2]!, { date: "2029-03-01", startTime: `${String(8 + (i % 10)).padStart(2, "0")}:00` }), customerTitle: "mr" } }),
          actor,
        );
        if (!ack.ok) throw new Error(JSON.stringify(ack.error));
        cards.push({ id: (ack.data.record as { id: number }).id, version: (ack.data.record as { version: number }).version });
      }
      const size = () => {
        server.db.pragma("wal_checkpoint(TRUNCATE)");
        return (server.db.pragma("page_count", { simple: true }) as number) * (server.db.pragma("page_size", { simple: true }) as number);
      };
      const sizes: number[] = [];
      /** Each card changed this often a day: 40 × 3 = 120 changes, a busy reception's day. */
      const ROUNDS = 3;
      let written = 0;
      for (let day = 0; day < 365; day++) {
        for (let round = 0; round < ROUNDS; round++) {
          for (const c of cards) {
            const ack = await server.app.board.execute(
              parseCommand({ type: "appointment.update", id: c.id, version: c.version, changes: { workRequested: `第 ${day} 天第 ${round} 次：1万公里保养，检查刹车异响，客户要求洗车` } }),
              actor,
            );
            if (!ack.ok) throw new Error(JSON.stringify(ack.error));
            c.version = (ack.data.record as { version: number }).version;
            written++;
          }
        }
        clock.advance(DAY);
        await server.app.archiving!.runNow();
        if (day % 30 === 29) sizes.push(size());
      }
      const rows = server.db.prepare("SELECT (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM change_log) AS changes").get() as { audit: number; changes: number };
      // 30 days online (plus the day under way), the change log at its replay keep
      console.log(`year on a compressed clock: ${written} changes; database at each 30 days (MB): ${sizes.map((b) => (b / 1048576).toFixed(1)).join(" ")}; rows ${JSON.stringify(rows)}`);
      expect(rows.audit).toBeLessThanOrEqual(31 * 120 + 50);
      expect(rows.changes).toBeLessThanOrEqual(5_000 + 200);
      // as stored: a before kept by its changed fields only (issue 16) counts what it holds
      const bytesPerEntry = (server.db.prepare("SELECT avg(coalesce(length(before), 0) + coalesce(length(before_changes), 0) + length(after)) AS n FROM audit_log").get() as { n: number }).n;
      // the bound: without archiving the audit alone would hold written × bytesPerEntry
      expect(written * bytesPerEntry).toBeGreaterThan(40 * 1024 * 1024);
      expect(Math.max(...sizes)).toBeLessThan(24 * 1024 * 1024);
      // and it stopped growing: the last months are no larger than the second
      expect(sizes.at(-1)!).toBeLessThanOrEqual(sizes[1]! * 1.05);
      const months = readdirSync(path.join(dir, "backups", "archive")).filter((f) => f.startsWith("audit-"));
      expect(months.length).toBeGreaterThanOrEqual(11);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function parseCommand(cmd: CommandInput): ValidCommand {
  return CommandSchema.parse(cmd);
}

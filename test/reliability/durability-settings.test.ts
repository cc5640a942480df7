import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/open-database.js";
import { readConfig } from "../../server/config.js";

describe("how the database is opened", () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "magboard-durable-"));
    file = path.join(dir, "magboard.sqlite");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("uses WAL with synchronous=FULL unless told otherwise, so an acknowledged commit is on disk", () => {
    expect(readConfig({}).synchronous).toBe("FULL");
    const db = openDatabase(file, { synchronous: readConfig({}).synchronous });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("synchronous", { simple: true })).toBe(2); // FULL
    db.close();
  });

  it("leaves the old schema whole when an upgrade step fails halfway", () => {
    openDatabase(file, { migrateTo: 1 }).close();
    // something in the way of step 2's last statement: the step's earlier ALTERs must not stay behind
    const raw = new Database(file);
    raw.exec("CREATE TABLE idempotency (x INTEGER)");
    raw.close();
    expect(() => openDatabase(file)).toThrow(/idempotency/);
    const after = new Database(file);
    expect(after.pragma("user_version", { simple: true })).toBe(1);
    const columns = after.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('appointments')").all().map((c) => c.name);
    expect(columns).not.toContain("plate_key");
    after.close();
  });
});

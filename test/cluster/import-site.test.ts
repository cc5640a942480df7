import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { openDatabase } from "../../server/db/open-database.js";
import { GROUP_SCHEMA, siteSchema } from "../../server/db/pg/group-schema.js";
import { importSqliteSite, tablesInOrder } from "../../server/db/pg/import-sqlite.js";
import { pgTypes } from "../../server/db/pg/types.js";
import { startPostgres, type PostgresServer } from "../../scripts/cluster/postgres.js";
import { freePort } from "../helpers/server-process.js";
import { npmRun } from "../helpers/npm-run.js";
import { startTestServer } from "../helpers/test-server.js";

// Moving a store into the group: its busy day, its history and its people arrive whole in the
// group's PostgreSQL, or nothing does.

let dir: string;
let server: PostgresServer;
let client: pg.Client;
let storeFile: string;

/** A store's database as a day's work leaves it: the busy day, a card moved, one arrived, a new account. */
async function workedStore(file: string): Promise<void> {
  const store = await startTestServer({ file, sample: "busy" });
  const board = await store.api("/api/board?date=2026-11-27");
  expect(board.status).toBe(200);
  const waiting = (board.body.appointments as { id: number; version: number; status: string }[]).filter((c) => c.status === "booked" || c.status === "confirmed");
  const [first, second] = waiting;
  expect((await store.api(`/api/appointments/${first!.id}/arrive`, { method: "POST", json: { version: first!.version } })).status).toBe(200);
  expect((await store.api(`/api/appointments/${second!.id}`, { method: "PATCH", json: { version: second!.version, notes: "客户要求洗车" } })).status).toBe(200);
  await store.sessionAs("desk");
  await store.close();
}

async function rowsOf(schema: string, table: string, pk: string): Promise<unknown[]> {
  await client.query("BEGIN");
  await client.query(`SET LOCAL search_path TO ${schema}`);
  const r = await client.query(`SELECT * FROM ${table} ORDER BY ${pk}`);
  await client.query("COMMIT");
  return r.rows;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "magboard-import-"));
  server = await startPostgres({ dir: path.join(dir, "pg"), port: await freePort() });
  client = new pg.Client({ connectionString: server.url, types: pgTypes });
  await client.connect();
  storeFile = path.join(dir, "store.sqlite");
  await workedStore(storeFile);
}, 120_000);
afterAll(async () => {
  await client?.end();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("importing a store's SQLite database as a site", () => {
  it("copies every row of every table as it was, and new rows continue its numbering", async () => {
    const site = await importSqliteSite(client, storeFile, { slug: "pudong", name: "浦东店" });
    const source = new Database(storeFile, { readonly: true });
    expect(site.rows.appointments).toBeGreaterThanOrEqual(192);
    expect(site.rows.audit_log).toBeGreaterThan(0);
    for (const table of tablesInOrder()) {
      const pk = (source.pragma(`table_info(${table})`) as { name: string; pk: number }[]).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name).join(", ");
      const want = source.prepare(`SELECT * FROM ${table} ORDER BY ${pk}`).all();
      expect(await rowsOf(siteSchema(site.siteId), table, pk), table).toEqual(want);
      expect(site.rows[table]).toBe(want.length);
    }
    const maxId = (source.prepare("SELECT max(id) AS id FROM advisors").get() as { id: number }).id;
    source.close();
    await client.query("BEGIN");
    await client.query(`SET LOCAL search_path TO ${siteSchema(site.siteId)}`);
    const added = await client.query("INSERT INTO advisors (name, color, display_order, active, days_on_duty, version, created_at, updated_at) VALUES ('新顾问', '#345', 99, 1, '[]', 1, 'now', 'now') RETURNING id");
    await client.query("ROLLBACK");
    expect(added.rows[0].id).toBe(maxId + 1);
  }, 120_000);

  it("refuses a name already taken, and changes nothing", async () => {
    const before = await client.query(`SELECT count(*)::int AS n FROM ${GROUP_SCHEMA}.sites`);
    await expect(importSqliteSite(client, storeFile, { slug: "pudong", name: "again" })).rejects.toThrow(/"pudong" exists already/);
    const after = await client.query(`SELECT count(*)::int AS n FROM ${GROUP_SCHEMA}.sites`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  }, 60_000);

  it("refuses a database of another schema version and a bad slug, naming what to do", async () => {
    const old = path.join(dir, "old.sqlite");
    openDatabase(old, { migrateTo: 9 }).close();
    await expect(importSqliteSite(client, old, { slug: "old", name: "旧店" })).rejects.toThrow(/schema 9.*npm start/);
    await expect(importSqliteSite(client, storeFile, { slug: "Pu Dong", name: "x" })).rejects.toThrow(/--slug "Pu Dong"/);
    const sites = await client.query(`SELECT slug FROM ${GROUP_SCHEMA}.sites ORDER BY id`);
    expect(sites.rows.map((r) => r.slug)).toEqual(["pudong"]);
  }, 60_000);

  it("leaves no site and no schema behind when a row cannot be stored half way through", async () => {
    // an old store with foreign keys off can hold a card whose advisor is gone: PostgreSQL refuses it
    const broken = path.join(dir, "broken.sqlite");
    const db = openDatabase(broken);
    db.pragma("foreign_keys = OFF");
    db.prepare(
      `INSERT INTO appointments (date, start_time, duration_minutes, advisor_id, customer_name, customer_title, phone, plate, vehicle_model, work_requested, source, initiated_by, notes, parts_needed, parts_ready, repeat_repair, complaint, needs_road_test, status, version, created_at, created_by, updated_at, updated_by)
       VALUES ('2030-01-15', '09:00', 30, 777, '王', '先生', '13800000000', '沪A·12345', '', '', 'phone', 'customer', '', 0, 0, 0, 0, 0, 'booked', 1, 'now', 'x', 'now', 'x')`,
    ).run();
    db.close();
    const schemasBefore = await client.query("SELECT count(*)::int AS n FROM pg_namespace WHERE nspname LIKE 'site_%'");
    await expect(importSqliteSite(client, broken, { slug: "broken", name: "坏店" })).rejects.toThrow(/foreign key/);
    const schemasAfter = await client.query("SELECT count(*)::int AS n FROM pg_namespace WHERE nspname LIKE 'site_%'");
    expect(schemasAfter.rows[0].n).toBe(schemasBefore.rows[0].n);
    const sites = await client.query(`SELECT slug FROM ${GROUP_SCHEMA}.sites`);
    expect(sites.rows.map((r) => r.slug)).not.toContain("broken");
  }, 60_000);

  it("runs as the documented command, and says what is missing", async () => {
    const ok = await npmRun("import-site", dir, ["--file", storeFile, "--slug", "jingan", "--name", "静安店"], { DATABASE_URL: server.url });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/imported .* as site jingan/);
    expect(ok.stdout).toMatch(/appointments\s+\d+/);
    const missing = await npmRun("import-site", dir, ["--file", storeFile, "--slug", "x"], { DATABASE_URL: server.url });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--name/);
    const noUrl = await npmRun("import-site", dir, ["--file", storeFile, "--slug", "y", "--name", "y"], { DATABASE_URL: "" });
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toMatch(/DATABASE_URL/);
  }, 120_000);
});

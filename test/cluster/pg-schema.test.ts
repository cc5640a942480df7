import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { openDatabase } from "../../server/db/open-database.js";
import { PG_SITE_MIGRATIONS } from "../../server/db/pg/site-migrations.js";
import { startPostgres, type PostgresServer } from "../../scripts/cluster/postgres.js";
import { freePort } from "../helpers/server-process.js";

// A site's tables must mean the same on both engines: the repositories' SQL is shared, so a column
// SQLite has and PostgreSQL lacks (or a NOT NULL, a default, an index on one side only) is a bug
// that only the group would meet.

interface Column {
  name: string;
  type: "integer" | "text" | "real";
  notNull: boolean;
  default: string | null;
  pk: boolean;
}
type Schema = Map<string, { columns: Column[]; indexes: string[] }>;

function sqliteType(t: string): Column["type"] {
  return ({ INTEGER: "integer", TEXT: "text", REAL: "real" } as const)[t as "INTEGER"] ?? (t as never);
}
function pgType(t: string): Column["type"] {
  return ({ bigint: "integer", integer: "integer", text: "text", "double precision": "real" } as const)[t as "bigint"] ?? (t as never);
}
/** `'[]'::text` and `'[]'` are the same default; identity columns have none on either side. */
function plainDefault(d: string | null): string | null {
  return d === null ? null : d.replace(/::[a-z ]+$/, "");
}

function sqliteSchema(): Schema {
  const db = openDatabase(":memory:");
  const schema: Schema = new Map();
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  for (const t of tables) {
    const info = db.pragma(`table_info(${t})`) as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
    const columns = info.map((c) => ({ name: c.name, type: sqliteType(c.type), notNull: c.notnull === 1 || c.pk === 1, default: c.dflt_value, pk: c.pk > 0 }));
    const indexes = (db.pragma(`index_list(${t})`) as { name: string; origin: string }[]).filter((i) => i.origin === "c").map((i) => i.name).sort();
    schema.set(t, { columns, indexes });
  }
  db.close();
  return schema;
}

async function pgSchema(client: pg.Client, name: string): Promise<Schema> {
  const cols = await client.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null; is_identity: string }>(
    `SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity
       FROM information_schema.columns WHERE table_schema = $1 ORDER BY table_name, ordinal_position`,
    [name],
  );
  const pks = await client.query<{ table_name: string; column_name: string }>(
    `SELECT k.table_name, k.column_name FROM information_schema.table_constraints c
       JOIN information_schema.key_column_usage k USING (constraint_schema, constraint_name)
      WHERE c.constraint_schema = $1 AND c.constraint_type = 'PRIMARY KEY'`,
    [name],
  );
  const pk = new Set(pks.rows.map((r) => `${r.table_name}.${r.column_name}`));
  // indexes made by CREATE INDEX, not those behind PRIMARY KEY / UNIQUE constraints
  const idx = await client.query<{ tablename: string; indexname: string }>(
    `SELECT i.tablename, i.indexname FROM pg_indexes i
      WHERE i.schemaname = $1 AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = $1::regnamespace)`,
    [name],
  );
  const schema: Schema = new Map();
  for (const r of cols.rows) {
    const t = schema.get(r.table_name) ?? { columns: [], indexes: [] };
    t.columns.push({ name: r.column_name, type: pgType(r.data_type), notNull: r.is_nullable === "NO", default: plainDefault(r.column_default), pk: pk.has(`${r.table_name}.${r.column_name}`) });
    schema.set(r.table_name, t);
  }
  for (const r of idx.rows) schema.get(r.tablename)!.indexes.push(r.indexname);
  for (const t of schema.values()) t.indexes.sort();
  return schema;
}

describe("a site's schema on PostgreSQL", () => {
  let dir: string;
  let server: PostgresServer;
  let client: pg.Client;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "magboard-pg-schema-"));
    server = await startPostgres({ dir: path.join(dir, "pg"), port: await freePort() });
    client = new pg.Client({ connectionString: server.url });
    await client.connect();
  }, 60_000);
  afterAll(async () => {
    await client?.end();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("has every table, column, NOT NULL, default, primary key and index SQLite's migrations make", async () => {
    await client.query("CREATE SCHEMA site_1");
    for (const step of PG_SITE_MIGRATIONS) {
      await client.query("BEGIN");
      await client.query("SET LOCAL search_path TO site_1");
      await client.query(step);
      await client.query("COMMIT");
    }
    const sqlite = sqliteSchema();
    const postgres = await pgSchema(client, "site_1");
    expect([...postgres.keys()].sort()).toEqual([...sqlite.keys()].sort());
    for (const [table, want] of sqlite) {
      const got = postgres.get(table)!;
      expect(got.columns.map((c) => c.name).sort(), table).toEqual(want.columns.map((c) => c.name).sort());
      for (const w of want.columns) expect(got.columns.find((c) => c.name === w.name), `${table}.${w.name}`).toEqual(w);
      expect(got.indexes, `indexes of ${table}`).toEqual(want.indexes);
    }
  }, 60_000);

  it("keeps two sites' rows apart: the same statements, another search_path, other rows", async () => {
    await client.query("CREATE SCHEMA site_2");
    await client.query("BEGIN");
    await client.query("SET LOCAL search_path TO site_2");
    for (const step of PG_SITE_MIGRATIONS) await client.query(step);
    await client.query("COMMIT");
    const insert = "INSERT INTO advisors (name, color, display_order, active, days_on_duty, version, created_at, updated_at) VALUES ($1, '#333', 1, 1, '[]', 1, 'now', 'now')";
    for (const [site, name] of [["site_1", "李娜"], ["site_2", "王强"]] as const) {
      await client.query("BEGIN");
      await client.query(`SET LOCAL search_path TO ${site}`);
      await client.query(insert, [name]);
      await client.query("COMMIT");
    }
    const names = async (site: string) => {
      await client.query("BEGIN");
      await client.query(`SET LOCAL search_path TO ${site}`);
      const r = await client.query<{ name: string }>("SELECT name FROM advisors");
      await client.query("COMMIT");
      return r.rows.map((x) => x.name);
    };
    expect(await names("site_1")).toEqual(["李娜"]);
    expect(await names("site_2")).toEqual(["王强"]);
  }, 60_000);
});

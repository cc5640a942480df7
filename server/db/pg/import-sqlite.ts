import Database from "better-sqlite3";
import pg from "pg";
import { MIGRATIONS } from "../migrations/index.js";
import { GROUP_MIGRATIONS, GROUP_SCHEMA, registerSite, SLUG } from "./group-schema.js";
import { PG_SITE_MIGRATIONS } from "./site-migrations.js";
import { pgTypes } from "./types.js";

export interface ImportedSite {
  siteId: number;
  slug: string;
  /** Rows copied, per table. */
  rows: Record<string, number>;
}

export class ImportRefused extends Error {}

/** Parents before children, as the foreign keys need; the order the PostgreSQL schema creates them in. */
export function tablesInOrder(): string[] {
  return [...PG_SITE_MIGRATIONS[0]!.matchAll(/^CREATE TABLE (\w+)/gm)].map((m) => m[1]!);
}

/** The same rule as the registry's CHECK, so a bad name is refused before anything is touched. */

const BATCH_PARAMS = 30_000; // PostgreSQL takes at most 65,535 parameters in one statement

/** Brings the group's own schema up to date; idempotent, safe from several nodes at once (advisory lock). */
export async function migrateGroup(client: pg.ClientBase): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('magboard_group migrations'))");
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${GROUP_SCHEMA}`);
    for (const step of GROUP_MIGRATIONS) await client.query(step);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  }
}

/**
 * Moves one store's SQLite database into the group's PostgreSQL as a new site, in one transaction:
 * the site's schema, every row of every table, the id sequences, and its line in the registry, or
 * nothing at all. The file is read in one read transaction, so a copy of a running store's database
 * (or `npm run backup`'s) is a consistent snapshot.
 */
export async function importSqliteSite(client: pg.ClientBase, file: string, site: { slug: string; name: string }, now = new Date()): Promise<ImportedSite> {
  if (!SLUG.test(site.slug)) throw new ImportRefused(`--slug "${site.slug}" is not a name for URLs: 1 to 40 of a-z, 0-9 and -, starting with a letter or digit`);
  if (!site.name.trim()) throw new ImportRefused("--name is empty: give the store's name as staff know it");
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const version = source.pragma("user_version", { simple: true }) as number;
    if (version !== MIGRATIONS.length) {
      throw new ImportRefused(
        `${file} has schema ${version}, this magboard writes ${MIGRATIONS.length}: ` +
          (version < MIGRATIONS.length ? "start this magboard on it once (npm start) to upgrade it, then import" : "import it with the magboard that wrote it"),
      );
    }
    await migrateGroup(client);
    await client.query("BEGIN");
    source.exec("BEGIN");
    try {
      const taken = await client.query(`SELECT 1 FROM ${GROUP_SCHEMA}.sites WHERE slug = $1`, [site.slug]);
      if (taken.rowCount) throw new ImportRefused(`a site named "${site.slug}" exists already; nothing was imported`);
      const siteId = await registerSite(client, site, now);
      // the migrations' own rows (retention's defaults) give way to the store's
      for (const table of tablesInOrder().reverse()) await client.query(`DELETE FROM ${table}`);
      const rows: Record<string, number> = {};
      for (const table of tablesInOrder()) rows[table] = await copyTable(source, client, table);
      // identity columns continue after the store's last id, so the next card is not refused as a duplicate
      const identities = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'",
      );
      for (const { table_name: table } of identities.rows) {
        await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), coalesce((SELECT max(id) FROM ${table}), 0) + 1, false)`, [table]);
      }
      await client.query("COMMIT");
      return { siteId, slug: site.slug, rows };
    } catch (err) {
      await client.query("ROLLBACK");
      throw err;
    } finally {
      source.exec("COMMIT");
    }
  } finally {
    source.close();
  }
}

async function copyTable(source: Database.Database, client: pg.ClientBase, table: string): Promise<number> {
  const columns = (source.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
  const list = columns.map((c) => `"${c}"`).join(", ");
  const perBatch = Math.max(1, Math.floor(BATCH_PARAMS / columns.length));
  let batch: unknown[][] = [];
  let copied = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(", ")})`).join(", ");
    await client.query(`INSERT INTO ${table} (${list}) VALUES ${values}`, batch.flat());
    copied += batch.length;
    batch = [];
  };
  // rows in id order, so the copy's physical order is the store's
  for (const row of source.prepare(`SELECT ${list} FROM ${table} ORDER BY rowid`).raw().iterate() as Iterable<unknown[]>) {
    batch.push(row.map((v) => (typeof v === "bigint" ? Number(v) : v)));
    if (batch.length >= perBatch) await flush();
  }
  await flush();
  return copied;
}

/** The import command's whole work: one connection to the group's database, for this import only. */
export async function importSqliteSiteAt(databaseUrl: string, file: string, site: { slug: string; name: string }): Promise<ImportedSite> {
  const client = new pg.Client({ connectionString: databaseUrl, types: pgTypes });
  await client.connect();
  try {
    return await importSqliteSite(client, file, site);
  } finally {
    await client.end();
  }
}

import pg from "pg";
import { GROUP_SCHEMA, registerSite } from "./group-schema.js";
import { migrateGroup } from "./import-sqlite.js";

export interface SiteRow {
  id: number;
  slug: string;
  name: string;
}

/**
 * Registers a new, empty site and makes its schema with every table, in one transaction: the
 * registry never names a site whose tables are missing. The board's first start fills in its
 * settings and first account, as on a new SQLite file.
 */
export async function createSite(client: pg.ClientBase, site: { slug: string; name: string }, now = new Date()): Promise<SiteRow> {
  await migrateGroup(client);
  await client.query("BEGIN");
  try {
    const id = await registerSite(client, site, now);
    await client.query("COMMIT");
    return { id, slug: site.slug, name: site.name };
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  }
}

/** The site of that slug, or with no slug the first registered; undefined when there is none (or no registry yet). */
export async function findSite(client: pg.ClientBase, slug?: string): Promise<SiteRow | undefined> {
  const registry = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'sites'`, [GROUP_SCHEMA]);
  if (!registry.rowCount) return undefined;
  const found = await client.query<{ id: string | number; slug: string; name: string }>(
    slug === undefined
      ? `SELECT id, slug, name FROM ${GROUP_SCHEMA}.sites ORDER BY id LIMIT 1`
      : `SELECT id, slug, name FROM ${GROUP_SCHEMA}.sites WHERE slug = $1`,
    slug === undefined ? [] : [slug],
  );
  const row = found.rows[0];
  return row && { id: Number(row.id), slug: row.slug, name: row.name };
}

/** The name a site is registered under when a server starts on an empty database (`MAGBOARD_SITE` unset). */
export const FIRST_SITE_SLUG = "main";

/**
 * The site named `slug` (the first registered without one) on the group's database at `url`. On
 * a database with no site yet, the group schema and that first site are made; a slug the registry
 * does not know is refused, not made, so a typo never opens an empty store.
 */
export async function ensureSite(url: string, slug?: string): Promise<SiteRow> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const site = await findSite(client, slug);
    if (site) return site;
    const any = await findSite(client);
    if (any) throw new Error(`MAGBOARD_SITE: there is no site "${slug}" in this database (the first is "${any.slug}")`);
    const first = slug ?? FIRST_SITE_SLUG;
    // another node starting on the same empty database at the same moment may have made it first
    return await createSite(client, { slug: first, name: first }).catch(async (err: unknown) => {
      if ((err as { code?: string }).code !== "23505") throw err;
      return (await findSite(client, first))!;
    });
  } finally {
    await client.end();
  }
}

import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { importSqliteSiteAt, ImportRefused } from "../db/pg/import-sqlite.js";

/**
 * `npm run import-site -- --file <store.sqlite> --slug <url-name> --name <store name>`: moves one
 * store's embedded database into the group's PostgreSQL (DATABASE_URL) as a new site, all of it or
 * nothing. Import a copy (`npm run backup` makes one while the store runs) or stop the store first,
 * so that nothing is written to it after the copy.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { file: { type: "string" }, slug: { type: "string" }, name: { type: "string" } } });
  const url = process.env.DATABASE_URL;
  if (!url) throw new ImportRefused("DATABASE_URL is not set: it names the group's PostgreSQL, e.g. postgres://magboard@db.example/magboard");
  if (!values.file || !values.slug || !values.name) throw new ImportRefused("give --file (the store's .sqlite file), --slug (its name in URLs: a-z, 0-9, -) and --name (the store's name)");
  const file = path.resolve(values.file);
  if (!existsSync(file)) throw new ImportRefused(`no file at ${file}`);
  const site = await importSqliteSiteAt(url, file, { slug: values.slug, name: values.name });
  console.log(`imported ${file} as site ${site.slug} (id ${site.siteId}):`);
  for (const [table, n] of Object.entries(site.rows)) if (n > 0) console.log(`  ${table.padEnd(20)} ${n}`);
}

main().catch((err: unknown) => {
  console.error(`import failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(err instanceof ImportRefused ? 2 : 1);
});

import pg from "pg";
import { createSite } from "../../server/db/pg/sites.js";

let made = 0;

/** A new, empty site on the run's PostgreSQL: its own schema, so no two test servers see each other's rows. */
export async function newTestSite(url: string): Promise<{ url: string; siteId: number }> {
  if (!url) throw new Error("no PostgreSQL for this run: test/helpers/global-setup.ts starts one (apt-get install postgresql)");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const site = await createSite(client, { slug: `t${process.pid}-${++made}-${Date.now().toString(36)}`, name: "测试门店" });
    return { url, siteId: site.id };
  } finally {
    await client.end();
  }
}

import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createRepositories } from "../../server/db/repositories.js";
import { compile, pgSql } from "../../server/db/pg/pg-sql.js";
import { createSitePool } from "../../server/db/pg/pg-store.js";
import type { Query, Sql } from "../../server/db/sql.js";
import { newTestSite } from "../helpers/pg-sites.js";

// Every repository's SQL is written once for both engines. The pipeline's suite runs the
// statements a command uses on PostgreSQL; this has PostgreSQL parse every one of them (names,
// ambiguity, each parameter's type), including those of screens that suite does not reach.

/** Records each statement the repositories prepare, running none. */
function recording(): { sql: Sql; texts: string[] } {
  const texts: string[] = [];
  const never = (): Promise<never> => Promise.reject(new Error("recording only"));
  const query: Query<never> = { get: never, all: never, run: never };
  return { sql: { prepare: (text: string) => (texts.push(text), query) }, texts };
}

describe("the repositories' SQL on PostgreSQL", () => {
  let pool: pg.Pool;
  beforeAll(async () => {
    const site = await newTestSite(inject("postgresUrl"));
    pool = createSitePool(site.url, site.siteId, { max: 1 });
  });
  afterAll(async () => {
    await pool.end();
  });

  it("parses every statement the repositories prepare, each parameter's type known", async () => {
    const { sql, texts } = recording();
    createRepositories(sql);
    expect(texts.length).toBeGreaterThan(100);
    const refused: string[] = [];
    for (const [i, text] of texts.entries()) {
      await pool.query(`PREPARE check_${i} AS ${compile(text).text}`).catch((err: Error) => refused.push(`${err.message}: ${text}`));
    }
    expect(refused).toEqual([]);
  });

  it("runs the history search with every filter, and finds by part of a name whatever its case, a % typed as itself", async () => {
    const repos = createRepositories(pgSql(pool));
    await repos.audit.append({
      at: "2026-11-27T01:00:00.000Z", actorId: "1", actor: "Wang Fang (wf)", action: "appointment.move", entity: "appointment",
      entityId: 1, date: "2026-11-27", before: null, after: { note: "x" }, revision: 1,
    });
    const all = { fromIso: "2026-11-27T00:00:00.000Z", toIso: "2026-11-28T00:00:00.000Z", cardId: 1, person: "wang", kind: "appointment", actions: ["appointment.move"], limit: 10 };
    expect(await repos.audit.search(all)).toHaveLength(1);
    expect(await repos.audit.search({ person: "WANG F", limit: 10 })).toHaveLength(1);
    expect(await repos.audit.search({ person: "wang%", limit: 10 })).toHaveLength(0);
    expect(await repos.audit.search({ kind: "appointment.mo", limit: 10 })).toHaveLength(0);
  });
});

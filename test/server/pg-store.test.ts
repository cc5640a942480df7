import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { createSitePool, PgStore } from "../../server/db/pg/pg-store.js";
import { StoreMisuseError } from "../../server/db/store.js";
import type { Repositories } from "../../server/db/repositories.js";
import { newTestSite } from "../helpers/pg-sites.js";

const NOW = "2026-11-27T01:00:00.000Z";
const bay = (name: string) => ({ name, kind: "quick_service" as const, active: true, version: 1 });
const names = async (repos: Repositories) => (await repos.bays.all()).map((b) => b.name);

/** The PostgreSQL store's own rules, beside what the pipeline's suite shows of it on both engines. */
describe("the PostgreSQL store's transactions", () => {
  let store: PgStore;
  beforeEach(async () => {
    const site = await newTestSite(inject("postgresUrl"));
    store = new PgStore(createSitePool(site.url, site.siteId, { max: 3 }), site.siteId);
  });
  afterEach(async () => {
    await store.close();
  });

  it("undoes only a refused savepoint's writes, and the whole transaction when its work throws", async () => {
    await store.transaction(async (repos) => {
      await repos.bays.insert(bay("kept"), NOW);
      await expect(
        store.savepoint(async (inner) => {
          await inner.bays.insert(bay("refused"), NOW);
          throw new Error("refused");
        }),
      ).rejects.toThrow("refused");
      await store.savepoint((inner) => inner.bays.insert(bay("kept too"), NOW));
    });
    await expect(
      store.transaction(async (repos) => {
        await repos.bays.insert(bay("rolled back"), NOW);
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    expect(await names(store.repos)).toEqual(["kept", "kept too"]);
  });

  it("refuses the repositories of an ended transaction instead of running on a connection handed on", async () => {
    let kept: Repositories | undefined;
    await store.transaction(async (repos) => {
      kept = repos;
      await repos.bays.insert(bay("inside"), NOW);
    });
    await expect(kept!.bays.insert(bay("after"), NOW)).rejects.toBeInstanceOf(StoreMisuseError);
    expect(await names(store.repos)).toEqual(["inside"]);
  });

  it("refuses a savepoint outside a transaction", async () => {
    await expect(store.savepoint((repos) => repos.bays.all())).rejects.toBeInstanceOf(StoreMisuseError);
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../server/db/open-database.js";
import { createStore, StoreMisuseError, type Store } from "../../server/db/store.js";
import type { Repositories } from "../../server/db/repositories.js";

const NOW = "2026-11-27T01:00:00.000Z";
const bay = (name: string) => ({ name, kind: "quick_service" as const, active: true, version: 1 });
const names = async (repos: Repositories) => (await repos.bays.all()).map((b) => b.name);

/**
 * The SQLite store under the async interface (issue 17): a transaction that awaits only the store
 * runs within one turn of the event loop, and one that waits on anything else is refused and rolled
 * back before any other work can read what it half wrote.
 */
describe("the SQLite store's transactions", () => {
  let dir: string;
  let db: Db;
  let store: Store;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "magboard-store-"));
    db = openDatabase(path.join(dir, "magboard.sqlite"));
    store = createStore(db);
  });

  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses and rolls back a transaction that waits on a timer, before a request in between can read it", async () => {
    let seenInBetween: string[] | undefined;
    let usedAfterEnd: unknown;
    const refused = store.transaction(async (repos) => {
      await repos.bays.insert(bay("half written"), NOW);
      // what a request arriving while the transaction waits would read
      setImmediate(() => void names(store.repos).then((n) => (seenInBetween = n)));
      await new Promise((resolve) => setTimeout(resolve, 20));
      try {
        await repos.bays.insert(bay("after the wait"), NOW);
      } catch (err) {
        usedAfterEnd = err;
      }
    });
    await expect(refused).rejects.toBeInstanceOf(StoreMisuseError);
    await expect(refused).rejects.toThrow(/waited on something other than the store/);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(seenInBetween).toEqual([]);
    expect(usedAfterEnd).toBeInstanceOf(StoreMisuseError);
    expect(await names(store.repos)).toEqual([]);
    expect(db.inTransaction).toBe(false);
    // the store goes on working
    await store.transaction((repos) => repos.bays.insert(bay("next"), NOW));
    expect(await names(store.repos)).toEqual(["next"]);
  });

  it("refuses a transaction that waits on a file", async () => {
    const { readFile } = await import("node:fs/promises");
    const refused = store.transaction(async (repos) => {
      await repos.bays.insert(bay("half written"), NOW);
      await readFile(path.join(dir, "magboard.sqlite"));
    });
    await expect(refused).rejects.toBeInstanceOf(StoreMisuseError);
    expect(await names(store.repos)).toEqual([]);
  });

  it("commits a transaction that awaits only the store, however many statements it runs", async () => {
    const written = await store.transaction(async (repos) => {
      for (let i = 0; i < 200; i++) await repos.bays.insert(bay(`bay ${i}`), NOW);
      return (await repos.bays.all()).length;
    });
    expect(written).toBe(200);
    expect((await names(store.repos)).length).toBe(200);
  });

  it("rolls back a transaction whose work throws", async () => {
    const failed = store.transaction(async (repos) => {
      await repos.bays.insert(bay("undone"), NOW);
      throw new Error("refused");
    });
    await expect(failed).rejects.toThrow("refused");
    expect(await names(store.repos)).toEqual([]);
  });

  it("runs transactions asked for in one turn one after another, and a read asked for meanwhile sees only what was committed", async () => {
    const order: string[] = [];
    const first = store.transaction(async (repos) => {
      order.push("first begins");
      await repos.bays.insert(bay("first"), NOW);
      await repos.bays.insert(bay("first, again"), NOW);
      order.push("first ends");
    });
    // asked for while the first is open: neither half of it is visible
    const during = names(store.repos);
    const second = store.transaction(async (repos) => {
      order.push("second begins");
      order.push(`second sees ${(await names(repos)).length}`);
    });
    await Promise.all([first, second]);
    expect(order).toEqual(["first begins", "first ends", "second begins", "second sees 2"]);
    expect(await during).toEqual(["first", "first, again"]);
  });

  it("undoes only a failed savepoint's writes and commits the rest (group commit)", async () => {
    await store.transaction(async () => {
      await store.savepoint((repos) => repos.bays.insert(bay("kept"), NOW));
      await expect(
        store.savepoint(async (repos) => {
          await repos.bays.insert(bay("refused"), NOW);
          throw new Error("stale");
        }),
      ).rejects.toThrow("stale");
      await store.savepoint((repos) => repos.bays.insert(bay("kept too"), NOW));
    });
    expect(await names(store.repos)).toEqual(["kept", "kept too"]);
  });
});

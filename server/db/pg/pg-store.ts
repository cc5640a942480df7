import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { createRepositories, type Repositories } from "../repositories.js";
import { StoreMisuseError, type Store, type Work } from "../store.js";
import { siteSchema } from "./group-schema.js";
import { pgSql, type Runner } from "./pg-sql.js";
import { pgTypes } from "./types.js";

/**
 * The first key of the per-site advisory lock every write transaction takes (the second is the site
 * id): "magb" in ASCII, so it cannot meet another lock of the group's (the clock's is hashtext('clock')).
 */
export const REVISION_LOCK = 0x6d616762;

/** How long `reachable` waits for an answer before it says no. */
const PING_MS = 2_000;

/** One site's connections: each selects the site's schema when it opens, so every statement on it means that site's tables. */
export function createSitePool(url: string, siteId: number, opts: { max?: number } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    // the schema name is built from the numeric id only (siteSchema refuses anything else)
    options: `-c search_path=${siteSchema(siteId)}`,
    types: pgTypes,
    max: opts.max ?? 10,
    connectionTimeoutMillis: 5_000,
  });
  // an idle connection the server dropped (a restart, a crash) is discarded by the pool; without a listener the process would exit
  pool.on("error", () => {});
  return pool;
}

interface Open {
  client: pg.PoolClient;
  repos: Repositories;
  savepoints: number;
}

const ignore = (): void => {};

/**
 * The PostgreSQL store of one site, on a pool whose connections select the site's schema
 * (createSitePool). Each transaction runs on one pooled client; write transactions take the site's
 * advisory lock before their first read, so the version check and the revision bump are one step
 * per site across every node writing it (strictly +1, no gaps, no duplicates). Which transaction a
 * savepoint belongs to is carried with the work's async context, as transactions here run side by side.
 */
export class PgStore implements Store {
  readonly repos: Repositories;
  private readonly current = new AsyncLocalStorage<Open>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly siteId: number,
  ) {
    // outside a transaction the settings are read anew each time: another node may have changed them
    this.repos = createRepositories(pgSql(pool), { cacheSettings: false });
  }

  transaction<T>(work: Work<T>): Promise<T> {
    return this.run(["BEGIN", { text: "SELECT pg_advisory_xact_lock($1, $2)", values: [REVISION_LOCK, this.siteId] }], work);
  }

  read<T>(work: Work<T>): Promise<T> {
    return this.run(["BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"], work);
  }

  async savepoint<T>(work: Work<T>): Promise<T> {
    const tx = this.current.getStore();
    if (tx === undefined) throw new StoreMisuseError("a savepoint needs an open transaction");
    const name = `sp${++tx.savepoints}`;
    await tx.client.query(`SAVEPOINT ${name}`);
    try {
      const result = await work(tx.repos);
      await tx.client.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (err) {
      await tx.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      await tx.client.query(`RELEASE SAVEPOINT ${name}`);
      // the settings cache may have run ahead of what was rolled back
      tx.repos.settings.forget();
      throw err;
    }
  }

  async reachable(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), PING_MS)));
    const ping = this.pool.query("SELECT 1").then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([ping, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes the site's connections. */
  close(): Promise<void> {
    return this.pool.end();
  }

  private async run<T>(begin: (string | pg.QueryConfig)[], work: Work<T>): Promise<T> {
    const client = await this.pool.connect();
    // a server that goes away while the client is checked out and idle must not take the process with it
    client.on("error", ignore);
    // only a connection known to be outside any transaction goes back to the pool; any other is closed
    let clean = false;
    let ended = false;
    try {
      for (const q of begin) await client.query(q);
      const tx: Open = { client, repos: createRepositories(pgSql(whileOpen(client, () => !ended))), savepoints: 0 };
      let result: T;
      try {
        result = await this.current.run(tx, () => work(tx.repos));
      } catch (err) {
        // the work's own refusal is what the caller needs, whatever the rollback meets
        clean = await client.query("ROLLBACK").then(
          () => true,
          () => false,
        );
        throw err;
      }
      await client.query("COMMIT");
      clean = true;
      return result;
    } finally {
      ended = true;
      client.off("error", ignore);
      client.release(!clean);
    }
  }
}

/**
 * The transaction's client for its repositories: once it has ended they refuse, as SQLite's do,
 * rather than run on a connection the pool may have handed to another transaction since.
 */
function whileOpen(client: pg.PoolClient, open: () => boolean): Runner {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  return {
    query: ((...args: unknown[]) => {
      if (!open()) throw new StoreMisuseError("repositories of an ended transaction used");
      return query(...args);
    }) as Runner["query"],
  };
}

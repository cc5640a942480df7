import type { Db } from "./open-database.js";
import { createRepositories, type Repositories } from "./repositories.js";

/**
 * The board's storage as the board layer sees it: repositories, and the transactions they run in.
 * Nothing above this file sees the connection, so another engine (issue 17's PostgreSQL, async)
 * replaces this interface's implementation, not its callers' SQL.
 */
export interface Store {
  readonly repos: Repositories;
  /**
   * Runs `work` as one write transaction that takes the write lock before its first read, so a
   * version check and the write after it see the same row. Rolled back when `work` throws.
   */
  write<T>(work: () => T): T;
  /** Runs `work` as one read transaction: everything it reads belongs to one moment. */
  read<T>(work: () => T): T;
  /** Whether the database answers a query now. */
  reachable(): boolean;
}

export function createStore(db: Db): Store {
  const repos = createRepositories(db);
  const ping = db.prepare("SELECT 1");
  return {
    repos,
    write(work) {
      try {
        return db.transaction(work).immediate();
      } catch (err) {
        // the settings cache may have run ahead of what was rolled back
        repos.settings.forget();
        throw err;
      }
    },
    read: (work) => db.transaction(work)(),
    reachable() {
      try {
        ping.get();
        return true;
      } catch {
        return false;
      }
    },
  };
}

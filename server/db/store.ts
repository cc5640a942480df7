import type { Db } from "./open-database.js";
import { createRepositories, type Repositories } from "./repositories.js";
import { sqliteSql } from "./sql.js";

/** What a transaction does with the repositories it is given; it runs SQL only through them. */
export type Work<T> = (repos: Repositories) => Promise<T>;

/**
 * The board's storage as the board layer sees it: repositories, and the transactions they run in.
 * Nothing above this file sees the connection, so another engine (issue 17's PostgreSQL, async)
 * replaces this interface's implementation, not its callers' SQL. Every repository method returns a
 * Promise for that engine's sake; on SQLite each still runs its statement synchronously.
 */
export interface Store {
  /**
   * The repositories for work outside a transaction: single reads, and bookkeeping's single-row
   * writes. A call made while a transaction is open waits for it to end, so it never sees half of
   * one. Inside a transaction, only the repositories it was given may be used.
   */
  readonly repos: Repositories;
  /**
   * Runs `work` as one write transaction that takes the write lock before its first read, so a
   * version check and the write after it see the same row. Committed when `work` resolves, rolled
   * back when it throws. Transactions run one at a time, in the order they were asked for.
   */
  transaction<T>(work: Work<T>): Promise<T>;
  /**
   * Inside `transaction`'s work: runs `work` in a savepoint, so when it throws only its own writes
   * are undone and the transaction goes on (group commit: one command refused, the others kept).
   */
  savepoint<T>(work: Work<T>): Promise<T>;
  /** Runs `work` as one read transaction: everything it reads belongs to one moment. */
  read<T>(work: Work<T>): Promise<T>;
  /** Whether the database answers a query now. */
  reachable(): Promise<boolean>;
}

/** better-sqlite3 throws Errors; anything else thrown is wrapped so a refusal always carries a stack. */
const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

/** A store used against its rules: a bug in the server, never the user's doing. */
export class StoreMisuseError extends Error {}

interface Open {
  live: boolean;
  /** Gives the connection to whoever waits next. */
  done(): void;
  repos: Repositories;
  savepoints: number;
  /** Settles the runner's promise as refused when the transaction is ended from outside its work. */
  abort(err: Error): void;
}

/**
 * The SQLite store. better-sqlite3 runs each statement synchronously, so a transaction whose work
 * awaits only the store runs from BEGIN to COMMIT within one turn of the event loop: no request or
 * socket event can run in between and read what it half wrote. That is checked, not assumed: once
 * the microtask queue has drained with the work still pending, the work is waiting on something
 * else (a timer, a file, the network), so the transaction is rolled back there and then, before any
 * other event runs, and refused with a StoreMisuseError; its repositories refuse from then on.
 * Transactions, and calls through `repos` made while one is open, take turns in the order asked.
 */
export function createStore(db: Db): Store {
  return new SqliteStore(db);
}

class SqliteStore implements Store {
  readonly repos: Repositories;
  private readonly raw: Repositories;
  private readonly ping;
  private readonly stmt;
  private open: Open | null = null;
  /** A transaction, or a call waiting for one to end, has the connection. */
  private busy = false;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly db: Db) {
    this.raw = createRepositories(sqliteSql(db));
    this.ping = db.prepare("SELECT 1");
    this.stmt = {
      immediate: db.prepare("BEGIN IMMEDIATE"),
      deferred: db.prepare("BEGIN"),
      commit: db.prepare("COMMIT"),
      rollback: db.prepare("ROLLBACK"),
    };
    this.repos = this.takingTurns(this.raw);
  }

  transaction<T>(work: Work<T>): Promise<T> {
    return this.inTurn((done) => this.run(this.stmt.immediate, work, done));
  }

  read<T>(work: Work<T>): Promise<T> {
    return this.inTurn((done) => this.run(this.stmt.deferred, work, done));
  }

  async savepoint<T>(work: Work<T>): Promise<T> {
    const tx = this.open;
    if (tx === null || !tx.live) throw new StoreMisuseError("a savepoint needs an open transaction");
    const name = `sp${++tx.savepoints}`;
    this.db.exec(`SAVEPOINT ${name}`);
    try {
      const result = await work(tx.repos);
      if (tx.live) this.db.exec(`RELEASE ${name}`);
      return result;
    } catch (err) {
      if (tx.live) {
        this.db.exec(`ROLLBACK TO ${name}`);
        this.db.exec(`RELEASE ${name}`);
        // the settings cache may have run ahead of what was rolled back
        this.raw.settings.forget();
      }
      throw err;
    }
  }

  reachable(): Promise<boolean> {
    try {
      this.ping.get();
      return Promise.resolve(true);
    } catch {
      return Promise.resolve(false);
    }
  }

  /** Runs `job` now when the connection is free, else after those already waiting; `job` calls `done` once it is finished with it. */
  private inTurn<T>(job: (done: () => void) => Promise<T>): Promise<T> {
    if (!this.busy) {
      this.busy = true;
      return job(() => this.handOn());
    }
    return new Promise<void>((resolve) => this.waiting.push(resolve)).then(() => job(() => this.handOn()));
  }

  private handOn(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy = false;
  }

  private release(tx: Open): void {
    tx.live = false;
    this.open = null;
    tx.done();
  }

  private run<T>(begin: { run(): unknown }, work: Work<T>, done: () => void): Promise<T> {
    try {
      begin.run();
    } catch (err) {
      done();
      return Promise.reject(asError(err));
    }
    return new Promise<T>((resolve, reject) => {
      const tx: Open = {
        live: true,
        done,
        savepoints: 0,
        repos: this.guarded(() => tx.live),
        abort: (err) => {
          this.rollback(tx);
          reject(asError(err));
        },
      };
      this.open = tx;
      // runs once the microtask queue has drained: a transaction still open then has yielded
      queueMicrotask(() => process.nextTick(() => this.checkFinished(tx)));
      let pending: Promise<T>;
      try {
        pending = work(tx.repos);
      } catch (err) {
        pending = Promise.reject(asError(err));
      }
      pending.then(
        (value) => {
          if (!tx.live) return;
          try {
            this.stmt.commit.run();
          } catch (err) {
            tx.abort(err as Error);
            return;
          }
          this.release(tx);
          resolve(value);
        },
        (err: unknown) => {
          if (!tx.live) return;
          this.rollback(tx);
          reject(asError(err));
        },
      );
    });
  }

  private checkFinished(tx: Open): void {
    if (!tx.live) return;
    tx.abort(
      new StoreMisuseError(
        "a transaction waited on something other than the store (a timer, a file, the network); it was rolled back so no other work could read it half written",
      ),
    );
  }

  private rollback(tx: Open): void {
    try {
      if (this.db.inTransaction) this.stmt.rollback.run();
    } finally {
      // the settings cache may have run ahead of what was rolled back
      this.raw.settings.forget();
      this.release(tx);
    }
  }

  /**
   * The repositories with each method taking its turn: called while the connection is busy, a
   * method waits until it is free, and holds it until it has answered. Built once.
   */
  private takingTurns(raw: Repositories): Repositories {
    const view: Record<string, object> = {};
    for (const [name, repo] of Object.entries(raw) as [string, object][]) {
      const wrapped: Record<string, unknown> = Object.create(repo) as Record<string, unknown>;
      for (const key of Object.getOwnPropertyNames(Object.getPrototypeOf(repo))) {
        const method = (repo as Record<string, unknown>)[key];
        // only a repository's async methods run SQL; `forget` and the like stay as they are
        if (typeof method !== "function" || method.constructor.name !== "AsyncFunction") continue;
        const call = method as (...args: unknown[]) => Promise<unknown>;
        wrapped[key] = (...args: unknown[]) =>
          this.inTurn((done) => {
            const answer = call.apply(repo, args);
            answer.then(done, done);
            return answer;
          });
      }
      view[name] = wrapped;
    }
    return view as unknown as Repositories;
  }

  /** The repositories for one transaction: they refuse once it has ended. */
  private guarded(live: () => boolean): Repositories {
    return new Proxy(this.raw, {
      get: (target, key: keyof Repositories) => {
        if (!live()) throw new StoreMisuseError(`repositories of an ended transaction used (${String(key)})`);
        return target[key];
      },
    });
  }
}

import type { Statement } from "better-sqlite3";
import type { Db } from "./open-database.js";

/** A statement's parameters: positional (`?`) as an array, or named (`@name`) as an object. */
export type Params = readonly unknown[] | object;

/**
 * One statement of a repository, prepared once and run on whichever engine the repositories were
 * built on. Every repository method runs its SQL only through these, so each statement's text is
 * written once for SQLite and PostgreSQL alike.
 */
export interface Query<R> {
  get(params?: Params): Promise<R | undefined>;
  all(params?: Params): Promise<R[]>;
  run(params?: Params): Promise<{ changes: number }>;
}

/** The engine as the repositories see it: prepares a statement's text. */
export interface Sql {
  prepare<R = unknown>(text: string): Query<R>;
}

/**
 * On SQLite each statement is better-sqlite3's, prepared once by the repository that holds it, and
 * runs synchronously: the promise is settled when it is returned, so a transaction still ends within
 * one turn of the event loop (store.ts checks that).
 */
export function sqliteSql(db: Db): Sql {
  return { prepare: <R>(text: string) => new SqliteQuery<R>(db.prepare(text)) };
}

class SqliteQuery<R> implements Query<R> {
  constructor(private readonly stmt: Statement) {}

  get(params?: Params): Promise<R | undefined> {
    return Promise.resolve(this.stmt.get(...args(params)) as R | undefined);
  }

  all(params?: Params): Promise<R[]> {
    return Promise.resolve(this.stmt.all(...args(params)) as R[]);
  }

  run(params?: Params): Promise<{ changes: number }> {
    return Promise.resolve({ changes: this.stmt.run(...args(params)).changes });
  }
}

const NONE: readonly unknown[] = [];
const args = (params: Params | undefined): readonly unknown[] =>
  params === undefined ? NONE : Array.isArray(params) ? params : [params];

/**
 * `x LIKE ? ESCAPE '\'` finding `text` anywhere in x: a typed % or _ is a character to find, not a
 * wildcard. Both engines take the same LIKE with ESCAPE; SQLite's is case-insensitive (ASCII) and
 * PostgreSQL's is not, so callers compare `lower(x) LIKE lower(?)` and mean the same on both.
 */
export const containing = (text: string): string => `%${escapeLike(text)}%`;
export const endingWith = (text: string): string => `%${escapeLike(text)}`;
export const startingWith = (text: string): string => `${escapeLike(text)}%`;
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

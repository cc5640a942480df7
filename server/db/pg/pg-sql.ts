import type pg from "pg";
import type { Params, Query, Sql } from "../sql.js";

/** A statement's text as PostgreSQL takes it: `$n` placeholders, and where each value comes from. */
interface Compiled {
  /** pg prepares a named statement once per connection and reuses it. */
  name: string;
  text: string;
  /** For `@name` placeholders: the parameter names in `$n` order; null for `?` placeholders. */
  names: string[] | null;
}

const compiled = new Map<string, Compiled>();

/**
 * Rewrites `?` and `@name` to `$n`, once per text for the process: quoted strings and identifiers
 * are left alone, and a name used twice is one `$n`.
 */
export function compile(sql: string): Compiled {
  const known = compiled.get(sql);
  if (known) return known;
  let out = "";
  let positional = 0;
  const names: string[] = [];
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      if (end < 0) throw new Error(`unterminated quote in SQL: ${sql}`);
      out += sql.slice(i, end + 1);
      i = end;
    } else if (c === "?") {
      out += `$${++positional}`;
    } else if (c === "@" && /[A-Za-z_]/.test(sql[i + 1] ?? "")) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))![0];
      let n = names.indexOf(name);
      if (n < 0) n = names.push(name) - 1;
      out += `$${n + 1}`;
      i += name.length;
    } else {
      out += c;
    }
  }
  if (positional > 0 && names.length > 0) throw new Error(`SQL mixes ? and @name placeholders: ${sql}`);
  const entry = { name: `magboard_${compiled.size + 1}`, text: out, names: names.length > 0 ? names : null };
  compiled.set(sql, entry);
  return entry;
}

/** Whatever runs one statement: a pool (one statement, any connection) or a transaction's client. */
export type Runner = Pick<pg.ClientBase, "query">;

/** The repositories' statements on PostgreSQL, run by `runner`. */
export function pgSql(runner: Runner): Sql {
  return { prepare: <R>(text: string) => new PgQuery<R>(runner, compile(text)) };
}

class PgQuery<R> implements Query<R> {
  constructor(
    private readonly runner: Runner,
    private readonly stmt: Compiled,
  ) {}

  async get(params?: Params): Promise<R | undefined> {
    return (await this.query(params)).rows[0];
  }

  async all(params?: Params): Promise<R[]> {
    return (await this.query(params)).rows;
  }

  async run(params?: Params): Promise<{ changes: number }> {
    return { changes: (await this.query(params)).rowCount ?? 0 };
  }

  private query(params: Params | undefined): Promise<pg.QueryResult<R & pg.QueryResultRow>> {
    return this.runner.query<R & pg.QueryResultRow>({ name: this.stmt.name, text: this.stmt.text, values: values(this.stmt, params) });
  }
}

function values(stmt: Compiled, params: Params | undefined): unknown[] {
  if (params === undefined) return [];
  if (Array.isArray(params)) return params as unknown[];
  const named = params as Record<string, unknown>;
  if (stmt.names === null) return [named];
  // better-sqlite3 binds undefined as NULL too
  return stmt.names.map((n) => named[n] ?? null);
}

import pg from "pg";

const INT8 = 20;

/**
 * How rows come back from PostgreSQL: bigint as a number, as better-sqlite3 gives SQLite's INTEGER
 * (ids and epoch milliseconds stay far below 2^53), so the repositories read both engines alike.
 * Per connection, not pg's global parsers: nothing else in the process is changed.
 */
const toNumber = (v: string): number => Number(v);

export const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary"): unknown =>
    oid === INT8 && format !== "binary" ? toNumber : (pg.types.getTypeParser(oid, format ?? "text") as unknown)) as pg.CustomTypesConfig["getTypeParser"],
};

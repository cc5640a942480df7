import Database from "better-sqlite3";
import { MIGRATIONS } from "./migrations/index.js";
import { createPrivateFile } from "./private-files.js";

export type Db = Database.Database;

export class DatabaseTooNewError extends Error {
  constructor(found: number, known: number) {
    super(
      `This database was written by a newer magboard (schema ${found}; this version knows up to ${known}). ` +
        `Upgrade magboard, or point DATA_DIR at another folder.`,
    );
  }
}

export interface OpenOptions {
  /** Stop after this many migrations: lets a test make the file an older version would have left. */
  migrateTo?: number;
  /** `FULL` makes an acknowledged change survive power loss, not only a crash of the process. */
  synchronous?: "FULL" | "NORMAL";
}

/** Opens the one connection the server writes through, and brings its schema up to date. */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  if (file !== ":memory:" && file !== "") createPrivateFile(file);
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma(`synchronous = ${opts.synchronous ?? "FULL"}`);
    db.pragma("foreign_keys = ON");
    // another process (the backup command) may hold the lock for a moment
    db.pragma("busy_timeout = 5000");
    migrate(db, opts.migrateTo ?? MIGRATIONS.length);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function migrate(db: Db, target: number): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > MIGRATIONS.length) throw new DatabaseTooNewError(current, MIGRATIONS.length);
  for (let v = current; v < target; v++) {
    // each step and its version bump commit together, so a crash mid-upgrade leaves the old schema intact
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

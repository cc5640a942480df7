import { rmSync } from "node:fs";
import Database from "better-sqlite3";

/** A lock held by this process until `release()` or until the process ends, however it ends. */
export interface HeldLock {
  release(): void;
}

const BUSY = new Set(["SQLITE_BUSY", "SQLITE_LOCKED"]);
const DAMAGED = new Set(["SQLITE_NOTADB", "SQLITE_CORRUPT"]);

/**
 * Takes an exclusive SQLite lock on `file` (a small file of its own, never the board's database) and
 * keeps it: in `locking_mode = EXCLUSIVE` a connection that has written never lets go of its lock.
 * The lock is the operating system's (fcntl), so it vanishes with the process: after a crash or a
 * power cut nothing is left that blocks the next start. Returns null at once when another process,
 * or another connection of this one, holds it.
 *
 * The file must never be opened by anything else in the holding process: closing any descriptor of
 * a file drops every fcntl lock the process has on it.
 */
export function takeExclusiveLock(file: string, holder: number): HeldLock | null {
  try {
    return lockOnce(file, holder);
  } catch (err) {
    // damaged (a torn write at power-off: the file is written without a journal or fsync) or not a
    // database at all: nobody holds a lock on it, since they would have had to write it first
    if (!DAMAGED.has((err as { code?: string }).code ?? "")) throw err;
    rmSync(file, { force: true });
    return lockOnce(file, holder);
  }
}

function lockOnce(file: string, holder: number): HeldLock | null {
  // no busy wait: a second server is told at once, not after a timeout
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    // what the file holds does not matter, only the lock: no journal file, no fsync on every start
    db.pragma("journal_mode = MEMORY");
    db.pragma("synchronous = OFF");
    db.exec("CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL)");
    // the write is what makes SQLite take the exclusive lock, and keep it from then on
    db.transaction(() => {
      db.exec("DELETE FROM holder");
      db.prepare("INSERT INTO holder (pid) VALUES (?)").run(holder);
    }).immediate();
  } catch (err) {
    db.close();
    if (BUSY.has((err as { code?: string }).code ?? "")) return null;
    throw err;
  }
  return { release: () => db.close() };
}

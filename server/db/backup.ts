import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Db } from "./open-database.js";
import { MIGRATIONS } from "./migrations/index.js";
import { ChangeLogRepo } from "./change-log-repo.js";
import { sqliteSql } from "./sql.js";
import { chmodIfPossible, createPrivateFile, PRIVATE_FILE, privateDir } from "./private-files.js";

/** Automatic backups carry this mark so retention never deletes one a person made on purpose. */
export const AUTO_MARK = "auto";

const NAME = /^magboard-\d{8}-\d{6}Z(-auto)?(-\d+)?\.sqlite$/;

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, "").replace("T", "-").replace(/\.\d+Z$/, "Z");
}

/**
 * Copies the live database into `dir` through SQLite's online backup API, which reads one
 * consistent snapshot while the server keeps writing. The copy appears under its final name only
 * once it is complete, so a crash mid-backup never leaves a file that looks like a good backup.
 */
export async function backupDatabase(db: Db, dir: string, at: Date, automatic = false): Promise<string> {
  privateDir(dir);
  const base = path.join(dir, `magboard-${stamp(at)}${automatic ? `-${AUTO_MARK}` : ""}`);
  let file = `${base}.sqlite`;
  for (let n = 2; existsSync(file); n++) file = `${base}-${n}.sqlite`;
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  createPrivateFile(partial);
  // all remaining pages in one step: one read transaction, so the copy is one moment of the board
  await db.backup(partial, { progress: () => 0x7fffffff });
  renameSync(partial, file);
  return file;
}

/**
 * A backup of a database file some other process (the running server) may be writing, through a
 * connection of its own that waits for the server's brief write locks.
 */
export async function backupDatabaseFile(file: string, dir: string, at: Date): Promise<string> {
  const db = new Database(file, { fileMustExist: true, timeout: 5000 });
  try {
    return await backupDatabase(db, dir, at);
  } finally {
    db.close();
  }
}

/** The instant in a backup's name, e.g. magboard-20261127-023000Z-auto.sqlite. */
export function backupInstant(file: string): number {
  const m = /magboard-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})Z/.exec(file);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Number.NEGATIVE_INFINITY;
}

export interface BackupFile {
  file: string;
  automatic: boolean;
  bytes: number;
}

/** The backups in `dir`, oldest first (their names sort by time). */
export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => NAME.test(name))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      return { file, automatic: name.includes(`-${AUTO_MARK}`), bytes: statSync(file).size };
    });
}

/** Deletes the oldest automatic backups beyond `keep`; returns what it deleted. */
export function pruneAutomaticBackups(dir: string, keep: number): string[] {
  const auto = listBackups(dir).filter((b) => b.automatic);
  const excess = auto.slice(0, Math.max(0, auto.length - keep)).map((b) => b.file);
  for (const file of excess) rmSync(file, { force: true });
  return excess;
}

export class RestoreRefusedError extends Error {}

/** Checks that `file` is a magboard database this version can open; returns its revision. */
export async function inspectBackup(file: string): Promise<{ revision: number; schema: number }> {
  if (!existsSync(file)) throw new RestoreRefusedError(`no such file: ${file}`);
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new RestoreRefusedError(`${file} is not a SQLite database (${(err as Error).message})`);
  }
  try {
    const check = db.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new RestoreRefusedError(`${file} is damaged: ${String(check)}`);
    const schema = db.pragma("user_version", { simple: true }) as number;
    if (schema < 1) throw new RestoreRefusedError(`${file} is not a magboard database`);
    if (schema > MIGRATIONS.length) throw new RestoreRefusedError(`${file} was written by a newer magboard (schema ${schema})`);
    return { revision: await new ChangeLogRepo(sqliteSql(db)).revision(), schema };
  } catch (err) {
    if (err instanceof RestoreRefusedError) throw err;
    throw new RestoreRefusedError(`${file} is not a magboard database (${(err as Error).message})`);
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  /** Where the database that was replaced was saved, if there was one. */
  saved: string | null;
  revision: number;
}

/**
 * Replaces `target` with a copy of `backup`. The caller must make sure no server has `target` open.
 * The replaced database is kept next to it; the restored one starts at a revision above both, with
 * one change telling every screen to reload, so screens that saw the lost history take a snapshot.
 */
export async function restoreDatabase(target: string, backup: string, at: Date): Promise<RestoreResult> {
  const { revision: backupRevision } = await inspectBackup(backup);
  let saved: string | null = null;
  let currentRevision = 0;
  if (existsSync(target)) {
    const current = new Database(target, { fileMustExist: true });
    try {
      currentRevision = await new ChangeLogRepo(sqliteSql(current)).revision();
      saved = `${target}.before-restore-${stamp(at)}`;
      createPrivateFile(saved);
      await current.backup(saved, { progress: () => 0x7fffffff });
    } finally {
      current.close();
    }
  }
  const staging = `${target}.restoring`;
  for (const f of [staging, `${staging}-wal`, `${staging}-shm`]) rmSync(f, { force: true });
  copyFileSync(backup, staging);
  // a copy takes the backup's mode, which an older magboard left readable by all; its WAL takes the copy's
  chmodIfPossible(staging, PRIVATE_FILE);
  const revision = Math.max(currentRevision, backupRevision) + 1;
  const db = new Database(staging);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    // the staged file may hold an older schema, so only the change log is opened on it, not the whole store
    const changes = new ChangeLogRepo(sqliteSql(db));
    db.exec("BEGIN IMMEDIATE");
    try {
      await changes.restartWithResync(revision, at.getTime());
      db.exec("COMMIT");
    } catch (err) {
      db.exec("ROLLBACK");
      throw err;
    }
    // fold the WAL back so the staged file alone is the whole database before it is renamed
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
  for (const f of [`${target}-wal`, `${target}-shm`]) rmSync(f, { force: true });
  renameSync(staging, target);
  return { saved, revision };
}

import path from "node:path";
import { DATABASE_FILE } from "../config.js";
import { filesIn, privateDir, restrictToOwner, type OpenToOthers } from "../db/private-files.js";

/** The database and everything SQLite and restores keep beside it (-wal, -shm, .before-restore-…, .restoring). */
const DATABASE_FILES = new RegExp(`^${DATABASE_FILE.replace(".", "\\.")}`);
/** Backups, finished or partial. */
const BACKUP_FILES = /^magboard-.*\.sqlite/;

/**
 * Creates the data and backup folders owner-only, and takes group and other permissions off what
 * an earlier version or a loose umask left readable: the folders, the database files, the backups.
 * Returns what it had to fix, for the start-up log.
 */
export function secureDataFolder(dataDir: string, backupDir: string): OpenToOthers[] {
  const before = restrictToOwner([dataDir, backupDir]);
  privateDir(dataDir);
  const files = restrictToOwner([...filesIn(dataDir, DATABASE_FILES), ...filesIn(backupDir, BACKUP_FILES)]);
  return [...before, ...files];
}

/**
 * The start-up log's account of it, or null when all was private already: what it made
 * owner-only, and what it could not (a file system without permissions, someone else's file).
 */
export function describeFixed(found: OpenToOthers[], dataDir: string): string | null {
  const name = (p: string) => {
    const rel = path.relative(dataDir, p);
    return rel === "" || rel.startsWith("..") || path.isAbsolute(rel) ? p : rel;
  };
  const list = (items: OpenToOthers[]) => items.map((f) => `${name(f.path)} (was ${f.mode.toString(8)})`).join(", ");
  const fixed = found.filter((f) => f.fixed);
  const kept = found.filter((f) => !f.fixed);
  const parts = [
    ...(fixed.length ? [`made owner-only what others could read: ${list(fixed)}`] : []),
    ...(kept.length ? [`could not make owner-only (the file system keeps no permissions, or the file is another account's): ${list(kept)}`] : []),
  ];
  return parts.length ? `data folder: ${parts.join("; ")}` : null;
}

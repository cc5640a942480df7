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

/** "/srv/magboard (was 755), magboard.sqlite (was 644), backups (was 755)": inside the data folder relative to it. */
export function describeFixed(fixed: OpenToOthers[], dataDir: string): string {
  return fixed
    .map((f) => {
      const rel = path.relative(dataDir, f.path);
      const name = rel === "" || rel.startsWith("..") || path.isAbsolute(rel) ? f.path : rel;
      return `${name} (was ${f.mode.toString(8)})`;
    })
    .join(", ");
}

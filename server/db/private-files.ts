import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync } from "node:fs";
import path from "node:path";

/**
 * The database and its backups hold customers' names, phones and plates and the staff's password
 * hashes: only the account the server runs as may read them, whatever umask it was started with.
 * SQLite gives a database's WAL and shared-memory files the mode of the database file itself, so a
 * private database file keeps those private too.
 */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/** What chmod answers where the file system keeps no permissions (a FAT USB disk, some network shares) or the file is someone else's. */
const MODES_NOT_KEPT = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "EROFS"]);

/**
 * chmod, or false where it cannot be done: there the mount's options or the file's owner decide
 * who reads, and a backup to a USB disk must not fail for it.
 */
export function chmodIfPossible(p: string, mode: number): boolean {
  try {
    chmodSync(p, mode);
    return true;
  } catch (err) {
    if (MODES_NOT_KEPT.has((err as NodeJS.ErrnoException).code ?? "")) return false;
    throw err;
  }
}

/** Creates `dir` (and any missing parents) readable by its owner only. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  chmodIfPossible(dir, PRIVATE_DIR);
}

/**
 * Creates `file` empty and readable by its owner only when it does not exist yet, for SQLite to
 * open or write (it would create it 0644 less the umask); an empty file is a valid empty database.
 * An existing file is left as it is: the server's start reports and fixes those (ops/data-folder).
 */
export function createPrivateFile(file: string): void {
  if (existsSync(file)) return;
  closeSync(openSync(file, "a", PRIVATE_FILE));
  chmodIfPossible(file, PRIVATE_FILE);
}

/** A file or folder that others could read or enter, the mode it was found with, and whether that is fixed now. */
export interface OpenToOthers {
  path: string;
  mode: number;
  fixed: boolean;
}

/**
 * Takes group and other permissions off each path (a link is left alone: its target may be
 * anyone's); returns those that had any. Owner permissions are kept as they were.
 */
export function restrictToOwner(paths: string[]): OpenToOthers[] {
  const found: OpenToOthers[] = [];
  for (const p of paths) {
    const st = lstatSync(p, { throwIfNoEntry: false });
    if (!st || st.isSymbolicLink() || (st.mode & 0o077) === 0) continue;
    found.push({ path: p, mode: st.mode & 0o777, fixed: chmodIfPossible(p, st.mode & 0o700) });
  }
  return found;
}

/** The files of `dir` whose names match, as paths (none when the folder does not exist). */
export function filesIn(dir: string, name: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => name.test(n))
    .map((n) => path.join(dir, n));
}

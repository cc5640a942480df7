import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { takeExclusiveLock } from "../db/exclusive-lock.js";

/**
 * Who holds a data folder is decided by an operating-system lock on `magboard.lock`, which dies with
 * its process: a server killed by a power cut leaves nothing that blocks the next boot. The process
 * number in `magboard.pid` only names the holder in messages; a stale one (whatever process now has
 * that number) blocks nothing.
 */
export const LOCK_FILE = "magboard.lock";
export const PID_FILE = "magboard.pid";

export class DataFolderBusyError extends Error {
  constructor(
    readonly dataDir: string,
    /** The holder's process number as it wrote it, when it could be read. */
    readonly holder: number | null,
  ) {
    super(`another magboard server${holder === null ? "" : ` (process ${holder})`} is using ${dataDir}; stop it first`);
  }
}

/**
 * Holds `dataDir` for this process (a server, or a restore while no server runs) until the returned
 * function is called or the process ends. Throws DataFolderBusyError when another process holds it.
 */
export function holdLock(dataDir: string): () => void {
  const lock = takeExclusiveLock(path.join(dataDir, LOCK_FILE), process.pid);
  if (!lock) throw new DataFolderBusyError(dataDir, namedHolder(dataDir));
  const pidFile = path.join(dataDir, PID_FILE);
  writeFileSync(pidFile, `${process.pid}\n`);
  return () => {
    rmSync(pidFile, { force: true });
    lock.release();
  };
}

function namedHolder(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(dataDir, PID_FILE), "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A file next to the database naming the server process that has it open. Offline tools (restore)
 * read it to refuse to run under a live server; a file left by a killed server names a dead process
 * and is ignored.
 */
export function lockFileOf(dataDir: string): string {
  return path.join(dataDir, "magboard.pid");
}

export function holdLock(dataDir: string): () => void {
  const file = lockFileOf(dataDir);
  const other = runningHolder(dataDir);
  if (other !== null && other !== process.pid) {
    throw new Error(`another magboard server (process ${other}) is using ${dataDir}; stop it first`);
  }
  writeFileSync(file, `${process.pid}\n`);
  return () => {
    if (runningHolder(dataDir) === process.pid) rmSync(file, { force: true });
  };
}

/** The process id of a live server holding `dataDir`, or null. */
export function runningHolder(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(lockFileOf(dataDir), "utf8").trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    // EPERM: alive but someone else's; only ESRCH means the holder is gone
    return (err as NodeJS.ErrnoException).code === "EPERM" ? pid : null;
  }
}

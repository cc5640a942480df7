import path from "node:path";
import { DATABASE_FILE, readConfig } from "../config.js";
import { restoreDatabase } from "../db/backup.js";
import { DataFolderBusyError, holdLock } from "../ops/server-lock.js";

/**
 * `npm run restore -- <backup file>`: replaces the database with a backup while the server is
 * stopped. It holds the data folder's lock while it works, so it refuses while a server runs and no
 * server can start half-way through; it keeps the replaced database next to it.
 */
async function main(): Promise<void> {
  const [backup] = process.argv.slice(2);
  if (!backup) throw new Error("usage: npm run restore -- <backup file>");
  const config = readConfig();
  let release: () => void;
  try {
    release = holdLock(config.dataDir);
  } catch (err) {
    if (!(err instanceof DataFolderBusyError)) throw err;
    const who = err.holder === null ? "" : ` (process ${err.holder})`;
    throw new Error(`the magboard server${who} is running on ${config.dataDir}; stop it first`, { cause: err });
  }
  try {
    const target = path.join(config.dataDir, DATABASE_FILE);
    const { saved, revision } = await restoreDatabase(target, path.resolve(backup), new Date());
    if (saved) console.log(`kept the replaced database as ${saved}`);
    console.log(`restored ${path.resolve(backup)} into ${target} (revision ${revision}); start the server again`);
  } finally {
    release();
  }
}

main().catch((err: unknown) => {
  console.error(`restore refused: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

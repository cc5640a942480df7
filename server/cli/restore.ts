import path from "node:path";
import { DATABASE_FILE, readConfig } from "../config.js";
import { restoreDatabase } from "../db/backup.js";
import { lockFileOf, runningHolder } from "../ops/server-lock.js";

/**
 * `npm run restore -- <backup file>`: replaces the database with a backup while the server is
 * stopped. Refuses while a server holds the data folder; keeps the replaced database next to it.
 */
async function main(): Promise<void> {
  const [backup] = process.argv.slice(2);
  if (!backup) throw new Error("usage: npm run restore -- <backup file>");
  const config = readConfig();
  const holder = runningHolder(config.dataDir);
  if (holder !== null) {
    throw new Error(
      `the magboard server (process ${holder}) is running on ${config.dataDir}; stop it first ` +
        `(if no magboard server runs, process ${holder} is something else: delete ${lockFileOf(config.dataDir)})`,
    );
  }
  const target = path.join(config.dataDir, DATABASE_FILE);
  const { saved, revision } = await restoreDatabase(target, path.resolve(backup), new Date());
  if (saved) console.log(`kept the replaced database as ${saved}`);
  console.log(`restored ${path.resolve(backup)} into ${target} (revision ${revision}); start the server again`);
}

main().catch((err: unknown) => {
  console.error(`restore refused: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

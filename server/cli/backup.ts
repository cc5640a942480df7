import path from "node:path";
import { existsSync } from "node:fs";
import { DATABASE_FILE, readConfig } from "../config.js";
import { backupDatabaseFile } from "../db/backup.js";

/**
 * `npm run backup`: an online copy of the database, safe while the server runs (SQLite's backup API
 * reads a consistent snapshot through its own connection). Prints the file it wrote.
 */
async function main(): Promise<void> {
  const config = readConfig();
  const file = path.join(config.dataDir, DATABASE_FILE);
  if (!existsSync(file)) throw new Error(`no database at ${file} (set DATA_DIR)`);
  console.log(await backupDatabaseFile(file, config.backupDir, new Date()));
}

main().catch((err: unknown) => {
  console.error(`backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

import path from "node:path";
import { fileURLToPath } from "node:url";
import { ARCHIVE_FOLDER, DATABASE_FILE, readConfig } from "./config.js";
import { openDatabase } from "./db/open-database.js";
import { createApp } from "./app.js";
import { systemClock } from "./board/clock.js";
import { consoleLogger as log } from "./logger.js";
import { holdLock } from "./ops/server-lock.js";
import { DailyBackups } from "./ops/daily-backups.js";
import { describeFixed, secureDataFolder } from "./ops/data-folder.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** A shutdown that has not finished by then is stuck (a hung connection); exit rather than hang the service manager. */
const SHUTDOWN_LIMIT_MS = 10_000;

/** The composition root: read the environment, open the database, wire the app, listen. */
async function main(): Promise<void> {
  const config = readConfig();
  const folderReport = describeFixed(secureDataFolder(config.dataDir, config.backupDir), config.dataDir);
  if (folderReport) log.info(folderReport);
  const releaseLock = holdLock(config.dataDir);
  const file = path.join(config.dataDir, DATABASE_FILE);
  const db = openDatabase(file, { synchronous: config.synchronous });
  const app = await createApp({
    db,
    clock: systemClock,
    log,
    staticDir: path.join(root, "dist"),
    defaults: { timeZone: config.timeZone, sample: config.sample },
    adminPassword: config.adminPassword,
    trustProxy: config.trustProxy,
    requireDisplayPairing: config.requireDisplayPairing,
    archiveDir: path.join(config.backupDir, ARCHIVE_FOLDER),
    ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
  });
  const backups = config.backupKeep > 0 ? new DailyBackups(db, systemClock, log, { dir: config.backupDir, keep: config.backupKeep }) : null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping (no new connections; finishing requests under way)`);
    setTimeout(() => {
      log.error(`shutdown took over ${SHUTDOWN_LIMIT_MS} ms; exiting`);
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    await app.close();
    await backups?.stop();
    db.close();
    releaseLock();
    log.info("stopped; database closed");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));

  await new Promise<void>((resolve) => app.httpServer.listen(config.port, config.host, resolve));
  const address = app.httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const tz = (await app.board.records.settings()).settings.timeZone;
  log.info(`database ${file} (revision ${await app.board.revision()}, time zone ${tz})`);
  log.info(`display  http://localhost:${port}/display`);
  log.info(`admin    http://localhost:${port}/admin`);
  log.info(`advisor  http://localhost:${port}/advisor`);
  log.info(`API      http://localhost:${port}/api/health`);
  log.info(backups ? `backups  ${config.backupDir} (daily, keeping ${config.backupKeep})` : "backups  automatic backups are off");
  backups?.start();
  log.info(`archive  ${path.join(config.backupDir, ARCHIVE_FOLDER)} (audit entries older than the retention, change log past the replay)`);
  await app.archiving?.start();
}

main().catch((err: unknown) => {
  log.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});

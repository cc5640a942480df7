import path from "node:path";
import { fileURLToPath } from "node:url";
import { ARCHIVE_FOLDER, DATABASE_FILE, readConfig, type Config } from "./config.js";
import { openDatabase } from "./db/open-database.js";
import { openSiteStore } from "./db/pg/sites.js";
import { PgLeaderLock } from "./db/pg/leader-lock.js";
import type { Leadership } from "./ops/leadership.js";
import { createApp, type AppOptions, type Storage } from "./app.js";
import { systemClock } from "./board/clock.js";
import { consoleLogger as log } from "./logger.js";
import { holdLock } from "./ops/server-lock.js";
import { DailyBackups } from "./ops/daily-backups.js";
import { describeFixed, secureDataFolder } from "./ops/data-folder.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** A shutdown that has not finished by then is stuck (a hung connection); exit rather than hang the service manager. */
const SHUTDOWN_LIMIT_MS = 10_000;

/** The storage the app runs on, and what goes with it: SQLite's file lock, backups and archive, or a site of the group's PostgreSQL. */
interface Opened {
  storage: Storage;
  archiveDir?: string;
  describe: string;
  backups: DailyBackups | null;
  /** On PostgreSQL several nodes may serve the site: one of them runs its clock. */
  leadership?: Leadership;
  close(): Promise<void>;
}

async function openStorage(config: Config): Promise<Opened> {
  if (config.databaseUrl) {
    const { store, site } = await openSiteStore(config.databaseUrl, config.site);
    // the SQLite file's backups and archive folder are one node's; the group backs up with pg_dump -n site_<id>
    return {
      storage: { store },
      describe: `PostgreSQL site "${site.slug}" (schema site_${site.id})`,
      backups: null,
      leadership: new PgLeaderLock(config.databaseUrl, site.id, log),
      close: () => store.close(),
    };
  }
  const folderReport = describeFixed(secureDataFolder(config.dataDir, config.backupDir), config.dataDir);
  if (folderReport) log.info(folderReport);
  const releaseLock = holdLock(config.dataDir);
  const file = path.join(config.dataDir, DATABASE_FILE);
  const db = openDatabase(file, { synchronous: config.synchronous });
  const backups = config.backupKeep > 0 ? new DailyBackups(db, systemClock, log, { dir: config.backupDir, keep: config.backupKeep }) : null;
  return {
    storage: { db },
    archiveDir: path.join(config.backupDir, ARCHIVE_FOLDER),
    describe: `database ${file}`,
    backups,
    close: async () => {
      await backups?.stop();
      db.close();
      releaseLock();
    },
  };
}

/** The composition root: read the environment, open the database, wire the app, listen. */
async function main(): Promise<void> {
  const config = readConfig();
  const opened = await openStorage(config);
  const options: AppOptions = {
    clock: systemClock,
    log,
    staticDir: path.join(root, "dist"),
    defaults: { timeZone: config.timeZone, sample: config.sample },
    adminPassword: config.adminPassword,
    trustProxy: config.trustProxy,
    requireDisplayPairing: config.requireDisplayPairing,
    ...(opened.archiveDir ? { archiveDir: opened.archiveDir } : {}),
    ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
    ...(opened.leadership ? { leadership: opened.leadership } : {}),
  };
  const app = await createApp({ ...opened.storage, ...options });
  const { backups } = opened;
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
    await opened.close();
    log.info("stopped; database closed");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));

  await new Promise<void>((resolve) => app.httpServer.listen(config.port, config.host, resolve));
  const address = app.httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const tz = (await app.board.records.settings()).settings.timeZone;
  log.info(`${opened.describe} (revision ${await app.board.revision()}, time zone ${tz})`);
  log.info(`display  http://localhost:${port}/display`);
  log.info(`admin    http://localhost:${port}/admin`);
  log.info(`advisor  http://localhost:${port}/advisor`);
  log.info(`API      http://localhost:${port}/api/health`);
  if (opened.archiveDir) {
    log.info(backups ? `backups  ${config.backupDir} (daily, keeping ${config.backupKeep})` : "backups  automatic backups are off");
    backups?.start();
    log.info(`archive  ${opened.archiveDir} (audit entries older than the retention, change log past the replay)`);
    await app.archiving?.start();
  } else {
    log.info("backups  on PostgreSQL: pg_dump of the site's schema (no file backups or archive on this node)");
  }
}

main().catch((err: unknown) => {
  log.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});

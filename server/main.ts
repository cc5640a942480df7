import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Server as HttpServer } from "node:http";
import { ARCHIVE_FOLDER, DATABASE_FILE, readConfig, type Config } from "./config.js";
import { openDatabase } from "./db/open-database.js";
import { ensureSite } from "./db/pg/sites.js";
import { createApp } from "./app.js";
import { createGroupApp } from "./group-app.js";
import { systemClock } from "./board/clock.js";
import { consoleLogger as log } from "./logger.js";
import { holdLock } from "./ops/server-lock.js";
import { DailyBackups } from "./ops/daily-backups.js";
import { describeFixed, secureDataFolder } from "./ops/data-folder.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** A shutdown that has not finished by then is stuck (a hung connection); exit rather than hang the service manager. */
const SHUTDOWN_LIMIT_MS = 10_000;

/** What runs, however it is stored: its listener, what to say once it listens, and how to stop it. */
interface Running {
  httpServer: HttpServer;
  announce(port: number): Promise<void>;
  stop(): Promise<void>;
}

const common = (config: Config) => ({
  clock: systemClock,
  log,
  staticDir: path.join(root, "dist"),
  defaults: { timeZone: config.timeZone, sample: config.sample },
  adminPassword: config.adminPassword,
  trustProxy: config.trustProxy,
  requireDisplayPairing: config.requireDisplayPairing,
  ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
});

/** The embedded default: one store on its SQLite file, with its file lock, daily backups and archive. */
async function runEmbedded(config: Config): Promise<Running> {
  const folderReport = describeFixed(secureDataFolder(config.dataDir, config.backupDir), config.dataDir);
  if (folderReport) log.info(folderReport);
  const releaseLock = holdLock(config.dataDir);
  const file = path.join(config.dataDir, DATABASE_FILE);
  const db = openDatabase(file, { synchronous: config.synchronous });
  const backups = config.backupKeep > 0 ? new DailyBackups(db, systemClock, log, { dir: config.backupDir, keep: config.backupKeep }) : null;
  const archiveDir = path.join(config.backupDir, ARCHIVE_FOLDER);
  const app = await createApp({ db, ...common(config), archiveDir });
  return {
    httpServer: app.httpServer,
    async announce(port) {
      const tz = (await app.board.records.settings()).settings.timeZone;
      log.info(`database ${file} (revision ${await app.board.revision()}, time zone ${tz})`);
      log.info(`display  http://localhost:${port}/display`);
      log.info(`admin    http://localhost:${port}/admin`);
      log.info(`advisor  http://localhost:${port}/advisor`);
      log.info(`API      http://localhost:${port}/api/health`);
      log.info(backups ? `backups  ${config.backupDir} (daily, keeping ${config.backupKeep})` : "backups  automatic backups are off");
      backups?.start();
      log.info(`archive  ${archiveDir} (audit entries older than the retention, change log past the replay)`);
      await app.archiving?.start();
    },
    async stop() {
      await app.close();
      await backups?.stop();
      db.close();
      releaseLock();
    },
  };
}

/**
 * A node of a dealer group (DATABASE_URL): every store of the group's PostgreSQL under /s/<slug>/.
 * An empty database gets its first store (MAGBOARD_SITE, else "main").
 */
async function runGroup(config: Config, databaseUrl: string): Promise<Running> {
  const first = await ensureSite(databaseUrl, config.site);
  const app = await createGroupApp({ databaseUrl, ...common(config) });
  return {
    httpServer: app.httpServer,
    async announce(port) {
      const sites = await app.sites.list();
      log.info(`PostgreSQL group of ${sites.length} store${sites.length === 1 ? "" : "s"}: ${sites.map((s) => s.slug).join(", ")}`);
      log.info(`group    http://localhost:${port}/group`);
      log.info(`display  http://localhost:${port}/s/${first.slug}/display (each store at /s/<store>/…)`);
      log.info(`admin    http://localhost:${port}/s/${first.slug}/admin`);
      log.info("backups  on PostgreSQL: pg_dump of each store's schema (no file backups or archive on this node)");
      log.info(`API      http://localhost:${port}/api/health`);
    },
    stop: () => app.close(),
  };
}

/** The composition root: read the environment, open the storage, wire the app, listen. */
async function main(): Promise<void> {
  const config = readConfig();
  const running = config.databaseUrl ? await runGroup(config, config.databaseUrl) : await runEmbedded(config);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping (no new connections; finishing requests under way)`);
    setTimeout(() => {
      log.error(`shutdown took over ${SHUTDOWN_LIMIT_MS} ms; exiting`);
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    await running.stop();
    log.info("stopped; database closed");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));

  await new Promise<void>((resolve) => running.httpServer.listen(config.port, config.host, resolve));
  const address = running.httpServer.address();
  await running.announce(typeof address === "object" && address ? address.port : config.port);
}

main().catch((err: unknown) => {
  log.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});

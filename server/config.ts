import path from "node:path";

/** Inside the backup folder: the monthly archive files of the audit log and the change log. */
export const ARCHIVE_FOLDER = "archive";

export const DATABASE_FILE = "magboard.sqlite";

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  backupDir: string;
  /** Automatic daily backups kept; 0 turns them off. */
  backupKeep: number;
  timeZone: string;
  sample: boolean;
  synchronous: "FULL" | "NORMAL";
  /** The first manager's password, used only when the database has no account yet. */
  adminPassword?: string;
  /** Express's `trust proxy`: hop count, or true; unset when magboard faces the browsers itself. */
  trustProxy?: boolean | number;
  requireDisplayPairing: boolean;
  /** REDIS_URL: the fan-out between several nodes of a group; unset for a lone server. */
  redisUrl?: string;
  /** The dealer group's PostgreSQL (issue 17): the board's data is there instead of the SQLite file. */
  databaseUrl?: string;
  /**
   * On PostgreSQL: the store this node names when it starts (and makes, on an empty database);
   * every store of the group is served under /s/<slug>/ whatever it is.
   */
  site?: string;
}

/** Everything configurable, from the environment; documented in the README's configuration table. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? "data");
  const backupKeep = Number(env.MAGBOARD_BACKUP_KEEP ?? 14);
  if (!Number.isInteger(backupKeep) || backupKeep < 0) throw new Error(`MAGBOARD_BACKUP_KEEP must be 0 or more, not ${env.MAGBOARD_BACKUP_KEEP}`);
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env.PORT}`);
  const sync = (env.MAGBOARD_SYNCHRONOUS ?? "FULL").toUpperCase();
  if (sync !== "FULL" && sync !== "NORMAL") throw new Error("MAGBOARD_SYNCHRONOUS must be FULL or NORMAL");
  const adminPassword = env.MAGBOARD_ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && (adminPassword.length < 10 || adminPassword.length > 200)) {
    throw new Error("MAGBOARD_ADMIN_PASSWORD must be 10 to 200 characters");
  }
  const proxy = env.MAGBOARD_TRUST_PROXY;
  const trustProxy = proxy === undefined || proxy === "" ? undefined : proxy === "true" ? true : Number(proxy);
  if (typeof trustProxy === "number" && !(Number.isInteger(trustProxy) && trustProxy >= 0)) {
    throw new Error("MAGBOARD_TRUST_PROXY must be true or the number of proxies in front of magboard");
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  const site = env.MAGBOARD_SITE || undefined;
  return {
    ...(databaseUrl !== undefined ? { databaseUrl } : {}),
    ...(site !== undefined ? { site } : {}),
    ...(adminPassword !== undefined ? { adminPassword } : {}),
    ...(trustProxy !== undefined ? { trustProxy } : {}),
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
    requireDisplayPairing: env.MAGBOARD_REQUIRE_PAIRING === "1",
    port,
    host: env.HOST ?? "0.0.0.0",
    dataDir,
    timeZone: env.MAGBOARD_TIME_ZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    sample: env.MAGBOARD_SAMPLE !== "0",
    synchronous: sync,
    backupDir: path.resolve(env.MAGBOARD_BACKUP_DIR ?? path.join(dataDir, "backups")),
    backupKeep,
  };
}

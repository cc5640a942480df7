import type { Server as HttpServer } from "node:http";
import type { Db } from "./db/open-database.js";
import { createStore, type Store } from "./db/store.js";
import type { Board } from "./board/board.js";
import type { ClockScheduler } from "./board/clock-scheduler.js";
import type { Clock } from "./board/clock.js";
import type { Logger } from "./logger.js";
import type { BoardHub } from "./realtime/board-hub.js";
import type { BoardServer } from "./realtime/namespaces.js";
import type { SiteDefaults } from "./sample/initialise-site.js";
import type { AccessControl, AccessOptions } from "./access/access-control.js";
import { ArchiveFiles } from "./db/archive-files.js";
import { Archiving } from "./ops/archiving.js";
import type { TextHook } from "./ops/text-hook.js";
import { nodeName, type FanoutState } from "./realtime/cluster-link.js";
import { ALONE, type Leadership } from "./ops/leadership.js";
import { closeWebNode, createWebNode, pageFile, SITE_PAGES, serveAssets } from "./web-node.js";
import { openSiteRuntime } from "./site-runtime.js";

/**
 * The board's storage: the SQLite file (the embedded default; the store is built on it), or a
 * store already built on another engine (a site's PostgreSQL store, with DATABASE_URL).
 */
export type Storage = { db: Db; store?: undefined } | { store: Store; db?: undefined };

export type AppDeps = Storage & AppOptions;

export interface AppOptions {
  clock: Clock;
  /** Unsent packets a screen may have queued before it is dropped; tests lower it. */
  maxPendingPackets?: number;
  log: Logger;
  /** Built pages (Vite's output); when absent only the API and sockets are served. */
  staticDir?: string;
  /** Used only when the database is new. */
  defaults: SiteDefaults;
  /**
   * The first manager's (`admin`) password when there is no account yet, e.g. from
   * MAGBOARD_ADMIN_PASSWORD. Without it a one-time password is generated and logged once.
   */
  adminPassword?: string;
  /** Behind a reverse proxy: trust its X-Forwarded-* headers (client address, HTTPS for Secure cookies). */
  trustProxy?: boolean | number | string;
  /** Only paired displays (with a key) may open /display; by default an unpaired screen gets the public, masked board. */
  requireDisplayPairing?: boolean;
  access?: AccessOptions;
  /**
   * Where old audit entries and change-log rows go (monthly gzip files, next to the backups); the
   * archiving job runs only with one. Without it the audit log stays in the database.
   */
  archiveDir?: string;
  /**
   * Several nodes on one site: Redis for the fan-out between them (REDIS_URL; issue 17). Without it
   * the node is alone and hears only its own commits.
   */
  redisUrl?: string;
  /** This node's name in /api/health; by default MAGBOARD_NODE, else host and process id. */
  nodeName?: string;
  /** Several nodes: which of them runs the site's clock, call lists and text hook. Alone by default. */
  leadership?: Leadership;
}

export interface App {
  httpServer: HttpServer;
  io: BoardServer;
  board: Board;
  hub: BoardHub;
  access: AccessControl;
  /** The site's clock, on the node that leads; null on the others. */
  readonly scheduler: ClockScheduler | null;
  /** Sends pending texts to the manager's SMS gateway hook, after their commands commit; on the node that leads. */
  readonly textHook: TextHook | null;
  /** The hourly archiving job, when the app has an archive folder (started by the caller). */
  archiving: Archiving | null;
  /** How this node hears the other nodes' commits. */
  fanout(): FanoutState;
  /** Stops accepting, lets in-flight commands finish, closes sockets; the caller closes the database. */
  close(): Promise<void>;
}

/**
 * Builds the server of one site at the root (`/api`, `/display`, namespaces `/display`, `/staff`)
 * around the given storage and clock: the embedded default. `main.ts` and the tests both call this;
 * a group's nodes serve many sites through `createGroupApp` instead.
 */
export async function createApp(deps: AppDeps): Promise<App> {
  const { clock, log } = deps;
  const store = deps.store ?? createStore(deps.db);
  const archive = deps.archiveDir ? new ArchiveFiles(deps.archiveDir) : null;
  const archiving = archive ? new Archiving(store, archive, clock, log) : null;
  const node = createWebNode({ log, trustProxy: deps.trustProxy, redisUrl: deps.redisUrl });
  const site = await openSiteRuntime(node, store, {
    clock,
    log,
    defaults: deps.defaults,
    adminPassword: deps.adminPassword,
    requireDisplayPairing: deps.requireDisplayPairing,
    maxPendingPackets: deps.maxPendingPackets,
    access: deps.access,
    prefix: "",
    leadership: deps.leadership ?? ALONE,
    archive,
    nodeName: deps.nodeName ?? nodeName(),
  });
  node.web.use("/api", site.router);
  const dir = serveAssets(node.web, deps.staticDir);
  for (const page of SITE_PAGES) {
    node.web.get([`/${page}`, `/${page}/`], (_req, res, next) => {
      const file = pageFile(dir, page);
      return file ? res.sendFile(file) : next();
    });
  }
  node.web.get("/", (_req, res) => res.redirect("/display"));

  return {
    httpServer: node.httpServer,
    io: node.io,
    board: site.board,
    hub: site.hub,
    access: site.access,
    get scheduler() {
      return site.scheduler;
    },
    get textHook() {
      return site.textHook;
    },
    archiving,
    fanout: () => node.link?.state() ?? "local",
    async close() {
      archiving?.stop();
      await site.close();
      // a request under way finishes; commands run synchronously, so once the sockets and listener
      // are closed nothing is in flight
      await closeWebNode(node);
    },
  };
}

import { createServer, type IncomingMessage, type Server as HttpServer } from "node:http";
import type { TLSSocket } from "node:tls";
import { existsSync } from "node:fs";
import path from "node:path";
import express from "express";
import helmet from "helmet";
import { Server } from "socket.io";
import type { Db } from "./db/open-database.js";
import { createStore, type Store } from "./db/store.js";
import { Board } from "./board/board.js";
import { Bookkeeping } from "./board/bookkeeping.js";
import { ClockScheduler } from "./board/clock-scheduler.js";
import { CallScheduler } from "./board/call-scheduler.js";
import type { Clock } from "./board/clock.js";
import type { Logger } from "./logger.js";
import { apiRouter } from "./http/api-router.js";
import { BoardHub } from "./realtime/board-hub.js";
import type { BoardServer } from "./realtime/namespaces.js";
import { initialiseSite, type SiteDefaults } from "./sample/initialise-site.js";
import { AccessControl, type AccessOptions } from "./access/access-control.js";
import { hashPassword, newOneTimePassword } from "./access/secrets.js";
import { forwardedHost, sameOrigin } from "./access/same-origin.js";
import { ArchiveFiles } from "./db/archive-files.js";
import { Archiving } from "./ops/archiving.js";
import { TextHook } from "./ops/text-hook.js";
import { compressResponses } from "./http/compress.js";
import { ClusterLink, nodeName, type FanoutState } from "./realtime/cluster-link.js";
import { ALONE, LeaderDuties, type Leadership } from "./ops/leadership.js";

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

const FIRST_RUN = { id: "system:first-run", name: "首次启动", role: "system" as const };

/** The first start makes the manager `admin`; a generated password is shown once and must be changed at first sign-in. */
async function initialiseAccounts(board: Board, log: Logger, adminPassword: string | undefined): Promise<void> {
  if (await board.records.hasAccounts()) return;
  const password = adminPassword ?? newOneTimePassword();
  await board.executeSystem({ type: "account.init", passwordHash: hashPassword(password), mustChangePassword: adminPassword === undefined }, FIRST_RUN);
  if (adminPassword === undefined) {
    log.info(`first start: manager account "admin", one-time password ${password} (shown only now; you will be asked to change it)`);
  }
}

const isEncrypted = (req: IncomingMessage) => (req.socket as Partial<TLSSocket>).encrypted === true;

/** Builds the whole server around the given database and clock; `main.ts` and the tests both call this. */
export async function createApp(deps: AppDeps): Promise<App> {
  const { clock, log } = deps;
  const store = deps.store ?? createStore(deps.db);
  const archive = deps.archiveDir ? new ArchiveFiles(deps.archiveDir) : null;
  const board = new Board(store, clock, log, archive);
  const archiving = archive ? new Archiving(store, archive, clock, log) : null;
  await initialiseSite(board, deps.defaults);
  await initialiseAccounts(board, log, deps.adminPassword);
  const bookkeeping = new Bookkeeping(store.repos);
  const access = new AccessControl(store.repos, bookkeeping, clock, log, deps.access);

  const web = express();
  web.disable("x-powered-by");
  if (deps.trustProxy !== undefined) web.set("trust proxy", deps.trustProxy);
  web.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'"],
          // no inline style: Lit's static styles are constructable stylesheets and the board's positions
          // are set through the CSSOM (display/style-props.ts), neither of which CSP counts as inline
          "style-src": ["'self'"],
          // the pages use the system's fonts; helmet's default would let any https: host serve one
          "font-src": ["'self'"],
          "connect-src": ["'self'"],
          "img-src": ["'self'", "data:"],
          "media-src": ["'self'", "data:"],
          "upgrade-insecure-requests": null,
        },
      },
      strictTransportSecurity: false,
    }),
  );
  web.use(compressResponses());
  const httpServer = createServer(web);
  const link = deps.redisUrl ? ClusterLink.open(deps.redisUrl, log) : null;
  const io: BoardServer = new Server(httpServer, {
    ...(link ? { adapter: link.adapter } : {}),
    serveClient: false,
    // a command is a few KB; a larger frame is refused before it is parsed
    maxHttpBufferSize: 256 * 1024,
    pingInterval: 10_000,
    pingTimeout: 5_000,
    // no CORS: a page from another origin may not open a socket here (browsers always send Origin on these)
    allowRequest: (req, callback) =>
      callback(null, sameOrigin(req.headers.origin, [req.headers.host, deps.trustProxy ? forwardedHost(req.headers["x-forwarded-host"]) : undefined])),
  });
  // engine.io keeps each connection's first HTTP request for its whole life (socket.io memory-usage docs);
  // keep only the headers that say who is connecting, which the namespaces read once per connection
  io.engine.on("connection", (raw: { request: IncomingMessage | null }) => {
    const req = raw.request;
    if (!req) return;
    const { cookie, authorization, origin, host } = req.headers;
    const kept = { headers: { cookie, authorization, origin, host }, connection: { encrypted: isEncrypted(req) }, url: req.url };
    raw.request = kept as unknown as IncomingMessage;
  });
  const hub = new BoardHub(io, board, {
    access,
    bookkeeping,
    clock,
    log,
    requirePairing: deps.requireDisplayPairing ?? false,
    maxPendingPackets: deps.maxPendingPackets,
  });
  await link?.join(io, board);
  // what must run once per site, not once per node: on the node that leads (server/ops/leadership.ts)
  const leadership = deps.leadership ?? ALONE;
  const duties = new LeaderDuties(
    () => ({
      scheduler: new ClockScheduler(board, store.repos, clock, log),
      calls: new CallScheduler(board, clock, log),
      textHook: new TextHook(store, bookkeeping, board, clock, log),
    }),
    log,
  );
  const node = deps.nodeName ?? nodeName();
  const fanout = (): FanoutState => link?.state() ?? "local";
  const live = {
    displays: () => hub.displays(),
    editors: () => hub.editors(),
    droppedSlow: () => hub.droppedSlow(),
    displayStatuses: () => hub.displayStatuses(),
    node: () => node,
    fanout,
    clock: () => (duties.current ? ("leads" as const) : ("follows" as const)),
  };
  web.use("/api", apiRouter(board, access, live));

  if (deps.staticDir && existsSync(deps.staticDir)) {
    const dir = deps.staticDir;
    // no directory redirect: /display is the page itself, not a folder listing to redirect to
    web.use(express.static(dir, { index: false, maxAge: "1h", redirect: false }));
    for (const page of ["display", "admin", "advisor", "gate"]) {
      const file = path.join(dir, page, "index.html");
      web.get([`/${page}`, `/${page}/`], (_req, res, next) => (existsSync(file) ? res.sendFile(file) : next()));
    }
  }
  web.get("/", (_req, res) => res.redirect("/display"));

  leadership.start((leader) => void duties.lead(leader));
  // a lone server leads at once: its clock has swept what fell due while it was down before it serves
  await duties.settled();

  return {
    httpServer,
    io,
    board,
    hub,
    access,
    get scheduler() {
      return duties.current?.scheduler ?? null;
    },
    get textHook() {
      return duties.current?.textHook ?? null;
    },
    archiving,
    fanout,
    async close() {
      await leadership.stop();
      await duties.lead(false);
      archiving?.stop();
      hub.close();
      // a request under way finishes; a kept-alive connection that goes idle after it is closed at once
      // rather than after the keep-alive timeout
      const idle = setInterval(() => httpServer.closeIdleConnections(), 50);
      try {
        // commands run synchronously, so once the sockets and listener are closed nothing is in flight
        await new Promise<void>((resolve) => void io.close(() => resolve()));
        if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        await link?.close(board);
      } finally {
        clearInterval(idle);
      }
    },
  };
}

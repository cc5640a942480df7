import { createServer, type Server as HttpServer } from "node:http";
import { existsSync } from "node:fs";
import path from "node:path";
import express from "express";
import helmet from "helmet";
import { Server } from "socket.io";
import type { Db } from "./db/open-database.js";
import { createRepositories } from "./db/repositories.js";
import { Board } from "./board/board.js";
import { ClockScheduler } from "./board/clock-scheduler.js";
import type { Clock } from "./board/clock.js";
import type { Logger } from "./logger.js";
import { apiRouter } from "./http/api-router.js";
import { BoardHub, type BoardIo } from "./realtime/board-hub.js";
import { initialiseSite, type SiteDefaults } from "./sample/initialise-site.js";
import type { Actor } from "../shared/schemas/actor.js";

export interface AppDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  /** Built pages (Vite's output); when absent only the API and sockets are served. */
  staticDir?: string;
  /** Used only when the database is new. */
  defaults: SiteDefaults;
}

export interface App {
  httpServer: HttpServer;
  io: BoardIo;
  board: Board;
  hub: BoardHub;
  scheduler: ClockScheduler;
  /** Stops accepting, lets in-flight commands finish, closes sockets; the caller closes the database. */
  close(): Promise<void>;
}

const LOCAL_STAFF: Actor = { id: "local", name: "前台", role: "manager" };

/** Builds the whole server around the given database and clock; `main.ts` and the tests both call this. */
export function createApp(deps: AppDeps): App {
  const { db, clock, log } = deps;
  const repos = createRepositories(db);
  const board = new Board(repos, clock, log);
  initialiseSite(board, deps.defaults);

  const web = express();
  web.disable("x-powered-by");
  web.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'"],
          "style-src": ["'self'", "'unsafe-inline'"],
          "connect-src": ["'self'"],
          "img-src": ["'self'", "data:"],
          "media-src": ["'self'", "data:"],
          "upgrade-insecure-requests": null,
        },
      },
      strictTransportSecurity: false,
    }),
  );
  const httpServer = createServer(web);
  const io: BoardIo = new Server(httpServer, {
    serveClient: false,
    // a command is a few KB; a larger frame is refused before it is parsed
    maxHttpBufferSize: 256 * 1024,
    pingInterval: 10_000,
    pingTimeout: 5_000,
  });
  // the first HTTP request of each connection is kept by engine.io for nothing; free it (socket.io memory-usage docs)
  io.engine.on("connection", (raw: { request: unknown }) => {
    raw.request = null;
  });
  const hub = new BoardHub(io, board, log, () => LOCAL_STAFF);
  web.use("/api", apiRouter(board, hub, log));

  if (deps.staticDir && existsSync(deps.staticDir)) {
    const dir = deps.staticDir;
    // no directory redirect: /display is the page itself, not a folder listing to redirect to
    web.use(express.static(dir, { index: false, maxAge: "1h", redirect: false }));
    for (const page of ["display", "admin", "advisor"]) {
      const file = path.join(dir, page, "index.html");
      web.get([`/${page}`, `/${page}/`], (_req, res, next) => (existsSync(file) ? res.sendFile(file) : next()));
    }
  }
  web.get("/", (_req, res) => res.redirect("/display"));

  const scheduler = new ClockScheduler(board, log);
  scheduler.start();

  return {
    httpServer,
    io,
    board,
    hub,
    scheduler,
    async close() {
      scheduler.stop();
      hub.close();
      // commands run synchronously, so once the sockets and listener are closed nothing is in flight
      await new Promise<void>((resolve) => io.close(() => resolve()));
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

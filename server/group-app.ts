import type { Server as HttpServer } from "node:http";
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Clock } from "./board/clock.js";
import type { Logger } from "./logger.js";
import type { BoardServer } from "./realtime/namespaces.js";
import type { SiteDefaults } from "./sample/initialise-site.js";
import { nodeName as defaultNodeName } from "./realtime/cluster-link.js";
import { GroupRecords } from "./db/pg/group-records.js";
import { PgLeaderLocks } from "./db/pg/leader-lock.js";
import { SITE_NAMESPACE } from "./db/pg/group-schema.js";
import { refusalOf } from "./board/refusal.js";
import { processHealth } from "./ops/process-health.js";
import { sendError } from "./http/send-error.js";
import { GroupAccess } from "./group/group-access.js";
import { groupRoutes } from "./group/group-routes.js";
import { SiteRegistry } from "./group/site-registry.js";
import { closeWebNode, createWebNode, pageFile, serveAssets } from "./web-node.js";

export interface GroupAppOptions {
  /** The group's PostgreSQL: its registry of sites, its accounts, and each site's schema. */
  databaseUrl: string;
  clock: Clock;
  log: Logger;
  /** A new site's time zone and sample day, when a node opens it for the first time. */
  defaults: SiteDefaults;
  /** Each new site's first manager (`admin`) password; otherwise a one-time one is logged per site. */
  adminPassword?: string;
  staticDir?: string;
  trustProxy?: boolean | number | string;
  requireDisplayPairing?: boolean;
  maxPendingPackets?: number;
  redisUrl?: string;
  nodeName?: string;
  /** How often a node asks for the clock's lock of the sites it has open (tests shorten it). */
  leaderPollMs?: number;
}

export interface GroupApp {
  httpServer: HttpServer;
  io: BoardServer;
  sites: SiteRegistry;
  close(): Promise<void>;
}


/**
 * A node of a dealer group (issue 17): one set of nodes serves every store of the group's
 * PostgreSQL, each under `/s/<slug>/` with its own API, namespaces, accounts and session cookie.
 * A site opens on a node when a screen or request first asks for it; the group director signs in
 * at `/group` and reads every site.
 */
export async function createGroupApp(o: GroupAppOptions): Promise<GroupApp> {
  const { clock, log } = o;
  const node = createWebNode({ log, trustProxy: o.trustProxy, redisUrl: o.redisUrl });
  const name = o.nodeName ?? defaultNodeName();
  const records = await GroupRecords.open(o.databaseUrl);
  const access = new GroupAccess(records, clock, log);
  const locks = new PgLeaderLocks(o.databaseUrl, log, o.leaderPollMs);
  const pagesDir = serveAssets(node.web, o.staticDir);
  const sites = new SiteRegistry(node, records, locks, {
    databaseUrl: o.databaseUrl,
    clock,
    log,
    defaults: o.defaults,
    adminPassword: o.adminPassword,
    requireDisplayPairing: o.requireDisplayPairing,
    maxPendingPackets: o.maxPendingPackets,
    nodeName: name,
    pagesDir,
    outsider: (cookie) => access.fromCookie(cookie),
  });

  // a screen's namespace opens its site first; a slug nobody registered is an invalid namespace
  node.io.of((nsp, _auth, next) => {
    const m = SITE_NAMESPACE.exec(nsp);
    if (!m) return next(null, false);
    sites.open(m[1]!).then(
      (site) => next(null, site !== null),
      (err: unknown) => {
        log.error(`could not open the site of ${nsp}`, err);
        next(null, false);
      },
    );
  });

  // the balancer's check: this node, its database and its fan-out (each site also answers at /s/<slug>/api/health)
  node.web.get("/api/health", async (_req, res) => {
    const database = (await records.reachable()) ? ("ok" as const) : ("unavailable" as const);
    const fanout = node.link?.state() ?? "local";
    res
      .status(database === "ok" ? 200 : 503)
      .set("cache-control", "no-store")
      .json({
        status: database === "ok" && fanout !== "unavailable" ? "ok" : "degraded",
        node: name,
        database,
        fanout,
        sites: (await sites.opened()).length,
        serverTime: clock.now(),
        process: processHealth(),
      });
  });
  node.web.use("/group/api", groupRoutes(access, sites));
  const site: RequestHandler = (req, res, next) => {
    const slug = String(req.params.slug);
    sites.open(slug).then((open) => {
      if (!open) return sendError(res, { code: "not_found", message: `there is no site "${slug}" in this group` });
      open.web(req, res, next);
    }, next);
  };
  node.web.use("/s/:slug", site);
  node.web.get(["/group", "/group/"], (_req, res, next) => {
    const file = pageFile(pagesDir, "group");
    return file ? res.sendFile(file) : next();
  });
  node.web.get("/", (_req, res) => res.redirect("/group"));
  const onError: ErrorRequestHandler = (err, _req, res, _next) => sendError(res, refusalOf(err, log));
  node.web.use(onError);

  return {
    httpServer: node.httpServer,
    io: node.io,
    sites,
    async close() {
      await sites.close();
      await locks.stop();
      await closeWebNode(node);
      await records.close();
    },
  };
}

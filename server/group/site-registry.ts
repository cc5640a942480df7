import { Router } from "express";
import { siteCookieName } from "../access/cookies.js";
import type { Principal } from "../access/access-control.js";
import type { GroupRecords } from "../db/pg/group-records.js";
import { SLUG } from "../db/pg/group-schema.js";
import { createSitePool, PgStore } from "../db/pg/pg-store.js";
import type { PgLeaderLocks } from "../db/pg/leader-lock.js";
import { openSiteRuntime, type SiteOptions, type SiteRuntime } from "../site-runtime.js";
import { pageFile, SITE_PAGES, type WebNode } from "../web-node.js";


/** Connections one site may hold on one node: a site's commands run one at a time, reads beside them. */
const SITE_POOL_MAX = 4;

export interface OpenSite {
  runtime: SiteRuntime;
  store: PgStore;
  id: number;
  slug: string;
  name: string;
  /** Everything under `/s/<slug>`: the API and the pages. */
  web: Router;
}

/** What every store opened on this node shares; the rest of a store's options are its own (prefix, cookie, leadership). */
export interface RegistryOptions extends Pick<SiteOptions, "clock" | "log" | "defaults" | "adminPassword" | "requireDisplayPairing" | "maxPendingPackets" | "nodeName"> {
  databaseUrl: string;
  /** The built pages' folder, or null when only the API is served. */
  pagesDir: string | null;
  /** Who a request is when it carries no session of the site: the group's director, or nobody. */
  outsider: (cookie: string | undefined) => Promise<Principal | null>;
}

/**
 * The sites this node serves, each opened on first use (a screen, a request) and kept open: its
 * PostgreSQL pool, its board and namespaces under `/s/<slug>`, and its lock for leading its clock.
 * A slug the registry does not know opens nothing.
 */
export class SiteRegistry {
  private readonly sites = new Map<string, Promise<OpenSite>>();

  constructor(
    private readonly node: WebNode,
    private readonly records: GroupRecords,
    private readonly locks: PgLeaderLocks,
    private readonly o: RegistryOptions,
  ) {}

  /** The site of that slug, opened on this node; null when there is no such site. */
  async open(slug: string): Promise<OpenSite | null> {
    if (!SLUG.test(slug)) return null;
    const opening = this.sites.get(slug);
    if (opening) return opening;
    const row = await this.records.site(slug);
    if (!row) return null;
    // asked twice while the registry was read: the first to get here opens it
    const again = this.sites.get(slug);
    if (again) return again;
    const started = this.start(row);
    this.sites.set(slug, started);
    // a site that could not be opened (the database went away) is tried again by the next request
    started.catch(() => this.sites.delete(slug));
    return started;
  }

  /** The sites opened on this node so far. */
  async opened(): Promise<OpenSite[]> {
    const all = await Promise.allSettled(this.sites.values());
    return all.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  }

  /** Every registered site, for the group's overview. */
  list(): ReturnType<GroupRecords["sites"]> {
    return this.records.sites();
  }

  async close(): Promise<void> {
    const open = await this.opened();
    this.sites.clear();
    for (const site of open) await site.runtime.close();
    await Promise.all(open.map((s) => s.store.close()));
  }

  private async start(row: { id: number; slug: string; name: string }): Promise<OpenSite> {
    const { o } = this;
    const store = new PgStore(createSitePool(o.databaseUrl, row.id, { max: SITE_POOL_MAX }), row.id);
    const prefix = `/s/${row.slug}`;
    try {
      const runtime = await openSiteRuntime(this.node, store, {
        clock: o.clock,
        log: o.log,
        defaults: { ...o.defaults, siteName: row.name },
        adminPassword: o.adminPassword,
        requireDisplayPairing: o.requireDisplayPairing,
        maxPendingPackets: o.maxPendingPackets,
        access: { cookieName: siteCookieName(row.slug), outsider: o.outsider },
        prefix,
        leadership: this.locks.forSite(row.id),
        nodeName: o.nodeName,
      });
      const web = Router();
      web.use("/api", runtime.router);
      for (const page of SITE_PAGES) {
        web.get([`/${page}`, `/${page}/`], (_req, res, next) => {
          const file = pageFile(o.pagesDir, page);
          return file ? res.sendFile(file) : next();
        });
      }
      web.get("/", (_req, res) => res.redirect(`${prefix}/display`));
      o.log.info(`site "${row.slug}" opened on this node (${prefix}/display)`);
      return { runtime, store, id: row.id, slug: row.slug, name: row.name, web };
    } catch (err) {
      await store.close().catch(() => undefined);
      throw err;
    }
  }
}

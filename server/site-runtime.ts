import type { Router } from "express";
import type { Store } from "./db/store.js";
import { Board } from "./board/board.js";
import { Bookkeeping } from "./board/bookkeeping.js";
import { ClockScheduler } from "./board/clock-scheduler.js";
import { CallScheduler } from "./board/call-scheduler.js";
import type { Clock } from "./board/clock.js";
import type { Logger } from "./logger.js";
import { apiRouter } from "./http/api-router.js";
import { BoardHub } from "./realtime/board-hub.js";
import { initialiseSite, type SiteDefaults } from "./sample/initialise-site.js";
import { AccessControl, type AccessOptions } from "./access/access-control.js";
import { hashPassword, newOneTimePassword } from "./access/secrets.js";
import type { ArchiveFiles } from "./db/archive-files.js";
import { TextHook } from "./ops/text-hook.js";
import type { FanoutState } from "./realtime/cluster-link.js";
import { LeaderDuties, type Leadership } from "./ops/leadership.js";
import type { WebNode } from "./web-node.js";

/** What one site needs from the node it runs on and from whoever opens it. */
export interface SiteOptions {
  clock: Clock;
  log: Logger;
  /** Used only when the site's database is new. */
  defaults: SiteDefaults;
  /** The first manager's (`admin`) password when the site has no account yet; otherwise one is generated and logged once. */
  adminPassword?: string;
  requireDisplayPairing?: boolean;
  maxPendingPackets?: number;
  access?: AccessOptions;
  /** Where the site's namespaces live: empty for the embedded default, `/s/<slug>` in a group. */
  prefix: string;
  /** Which node runs the site's clock, call lists and text hook. */
  leadership: Leadership;
  /** Where archived audit entries are read back from (the embedded default's archive folder). */
  archive?: ArchiveFiles | null;
  /** Which node answered, in the site's health. */
  nodeName: string;
}

/** One site served by this node: its board, its screens, its API, and its leader's duties. */
export interface SiteRuntime {
  readonly store: Store;
  readonly board: Board;
  readonly hub: BoardHub;
  readonly access: AccessControl;
  /** The site's API, mounted at `<prefix>/api`. */
  readonly router: Router;
  readonly scheduler: ClockScheduler | null;
  readonly textHook: TextHook | null;
  /** Stops the leader's duties, leaves the other nodes and closes the site's screens; the caller closes the store. */
  close(): Promise<void>;
}

const FIRST_RUN = { id: "system:first-run", name: "首次启动", role: "system" as const };

/** The first start makes the manager `admin`; a generated password is shown once and must be changed at first sign-in. */
async function initialiseAccounts(board: Board, log: Logger, adminPassword: string | undefined, where: string): Promise<void> {
  if (await board.records.hasAccounts()) return;
  const password = adminPassword ?? newOneTimePassword();
  await board.executeSystem({ type: "account.init", passwordHash: hashPassword(password), mustChangePassword: adminPassword === undefined }, FIRST_RUN);
  if (adminPassword === undefined) {
    log.info(`first start${where}: manager account "admin", one-time password ${password} (shown only now; you will be asked to change it)`);
  }
}

/**
 * Opens one site on this node: fills a new site's settings and first account, opens its namespaces
 * and its API, joins the same site on the other nodes, and runs its clock while this node leads it.
 */
export async function openSiteRuntime(node: WebNode, store: Store, o: SiteOptions): Promise<SiteRuntime> {
  const { clock, log } = o;
  const board = new Board(store, clock, log, o.archive ?? null);
  await initialiseSite(board, o.defaults);
  await initialiseAccounts(board, log, o.adminPassword, o.prefix ? ` of ${o.prefix}` : "");
  const bookkeeping = new Bookkeeping(store.repos);
  const access = new AccessControl(store.repos, bookkeeping, clock, log, o.access);
  const hub = new BoardHub(node.io, board, {
    access,
    bookkeeping,
    clock,
    log,
    requirePairing: o.requireDisplayPairing ?? false,
    maxPendingPackets: o.maxPendingPackets,
    prefix: o.prefix,
  });
  const leave = node.link ? await node.link.join(hub.displayNamespace, board) : null;
  // what must run once per site, not once per node: on the node that leads (server/ops/leadership.ts)
  const duties = new LeaderDuties(
    () => ({
      scheduler: new ClockScheduler(board, store.repos, clock, log),
      calls: new CallScheduler(board, clock, log),
      textHook: new TextHook(store, bookkeeping, board, clock, log),
    }),
    log,
  );
  const fanout = (): FanoutState => node.link?.state() ?? "local";
  const router = apiRouter(board, access, {
    displays: () => hub.displays(),
    editors: () => hub.editors(),
    droppedSlow: () => hub.droppedSlow(),
    displayStatuses: () => hub.displayStatuses(),
    node: () => o.nodeName,
    fanout,
    clock: () => (duties.current ? ("leads" as const) : ("follows" as const)),
  });
  o.leadership.start((leader) => void duties.lead(leader));
  // a lone server leads at once: its clock has swept what fell due while it was down before it serves
  await duties.settled();
  return {
    store,
    board,
    hub,
    access,
    router,
    get scheduler() {
      return duties.current?.scheduler ?? null;
    },
    get textHook() {
      return duties.current?.textHook ?? null;
    },
    async close() {
      await o.leadership.stop();
      await duties.lead(false);
      hub.close();
      leave?.();
    },
  };
}

import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { inject } from "vitest";
import { openDatabase, type Db } from "../../server/db/open-database.js";
import { createApp, type App, type Storage } from "../../server/app.js";
import { PgStore, createSitePool } from "../../server/db/pg/pg-store.js";
import { pgSql } from "../../server/db/pg/pg-sql.js";
import { sqliteSql, type Sql } from "../../server/db/sql.js";
import { newTestSite } from "./pg-sites.js";
import { silentLogger, type Logger } from "../../server/logger.js";
import type { Clock } from "../../server/board/clock.js";
import { ManualClock } from "./manual-clock.js";
import type { AccountRole } from "../../shared/schemas/access.js";
import type { FixtureName } from "../../shared/schemas/sample.js";
import { decodeCompactDay } from "../../shared/display-wire.js";
import {
  DISPLAY_NAMESPACE,
  PROTOCOL_VERSION,
  STAFF_NAMESPACE,
  type Ack,
  type FollowResult,
  type ServerToClientEvents,
  type StaffToServerEvents,
} from "../../shared/protocol.js";

export type StaffClient = Socket<ServerToClientEvents, StaffToServerEvents>;

/** The first manager's password in every test server (createApp's `adminPassword`, MAGBOARD_ADMIN_PASSWORD in main.ts). */
export const TEST_ADMIN_PASSWORD = "test-admin-password";

/** A signed-in account: its session cookie (`magboard_session=…`) and who it is. */
export interface Session {
  cookie: string;
  accountId: number;
  username: string;
}

/**
 * Who a request or socket acts as. By default the manager `admin` (already signed in);
 * "anonymous" sends no credentials; a Session (from `server.sessionAs`) acts as that account.
 */
export type As = Session | "anonymous";

export type Engine = "sqlite" | "postgres";
/** The engines the pipeline's suite runs on (`describe.each(ENGINES)`). */
export const ENGINES: readonly Engine[] = ["sqlite", "postgres"];

/** Where a PostgreSQL test server's site lives: another server on it (`site`) is another node, or the same store after a restart. */
export interface PgSite {
  url: string;
  siteId: number;
}

export interface TestServer {
  app: App;
  /** The SQLite file; on PostgreSQL reading it throws (use `site`). */
  db: Db;
  engine: Engine;
  /** On PostgreSQL: the site's database and id. */
  site: PgSite | null;
  /** Statements straight on the server's database, either engine: what the test checks of the stored rows. */
  sql: Sql;
  clock: Clock;
  url: string;
  /** The manager `admin`, signed in when the server started; `api` and `client` act as it unless told otherwise. */
  manager: Session;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON answers of many shapes
  api(path: string, init?: RequestInit & { json?: unknown; as?: As }): Promise<{ status: number; body: any; headers: Headers }>;
  /** `auth` is the handshake's auth payload, e.g. `{ key }` for a paired display. */
  client(ns?: "staff" | "display", opts?: { as?: As; auth?: Record<string, unknown> }): Promise<StaffClient>;
  /** Signs in through POST /api/auth/login. */
  signIn(username: string, password: string): Promise<Session>;
  /** Creates an account of that role (as the manager) and signs it in with its own, changed password. */
  sessionAs(role: AccountRole, opts?: { advisorId?: number; username?: string }): Promise<Session>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Defaults to SQLite. */
  engine?: Engine;
  /** SQLite: defaults to a fresh in-memory database. */
  file?: string;
  /** PostgreSQL: defaults to a new site on the run's PostgreSQL (global-setup.ts); given, the server is one more node of it. */
  site?: PgSite;
  /** Unsent packets a screen may have queued before the server drops it. */
  maxPendingPackets?: number;
  clock?: Clock;
  timeZone?: string;
  /** A new database's sample board: true for the sample, or a fixture by name (see server/sample/fixture-plan.ts). */
  sample?: boolean | FixtureName;
  staticDir?: string;
  /** Defaults to TEST_ADMIN_PASSWORD; used only when the database has no account yet. */
  adminPassword?: string;
  /** false: do not sign the manager in at start (`manager` then holds an empty cookie). */
  signIn?: boolean;
  /** createApp's requireDisplayPairing. */
  requireDisplayPairing?: boolean;
  /** createApp's trustProxy: lets a test speak for many client addresses through X-Forwarded-For. */
  trustProxy?: boolean | number;
  /** Where the server logs; silent unless given. */
  log?: Logger;
  /** createApp's archiveDir: the archiving job's folder (the test runs it with app.archiving.runNow()). */
  archiveDir?: string;
  /** Listen on this port instead of an ephemeral one (a restart test brings a server back where it was). */
  port?: number;
  /** createApp's redisUrl and nodeName: one node of several on one site. */
  redisUrl?: string;
  nodeName?: string;
}

/**
 * A request as a test sends it: `json` as the body, `cookie` as the Cookie header; the answer's
 * body parsed when it is JSON, else its text (CSV, HTML).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON answers of many shapes
export async function callJson(url: string, init: RequestInit & { json?: unknown; cookie?: string } = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const { json, cookie, ...rest } = init;
  const res = await fetch(url, {
    ...rest,
    headers: { ...(json !== undefined ? { "content-type": "application/json" } : {}), ...(cookie ? { cookie } : {}), ...(rest.headers ?? {}) },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the text itself
  }
  return { status: res.status, body, headers: res.headers };
}

/** The session cookie (the embedded default's, or a group's site's) from a response's Set-Cookie headers, as a Cookie header value. */
export function sessionCookieOf(headers: Headers): string | undefined {
  for (const c of headers.getSetCookie()) {
    const m = /^(magboard_session(?:_[a-z0-9-]+)?=s_[^;]+)/.exec(c);
    if (m) return m[1];
  }
  return undefined;
}

/** A real server on an ephemeral port, as main.ts builds it, around a database and clock the test owns. */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const engine = opts.engine ?? "sqlite";
  const site = engine === "postgres" ? (opts.site ?? (await newTestSite(inject("postgresUrl")))) : null;
  const pool = site ? createSitePool(site.url, site.siteId, { max: 4 }) : null;
  const store = site && pool ? new PgStore(pool, site.siteId) : null;
  const db = store ? null : openDatabase(opts.file ?? ":memory:");
  const sql = pool ? pgSql(pool) : sqliteSql(db!);
  const storage: Storage = store ? { store } : { db: db! };
  const clock = opts.clock ?? new ManualClock(Date.parse("2026-11-27T01:00:00Z"));
  const app = await createApp({
    ...storage,
    clock,
    log: opts.log ?? silentLogger,
    ...(opts.trustProxy !== undefined ? { trustProxy: opts.trustProxy } : {}),
    staticDir: opts.staticDir,
    maxPendingPackets: opts.maxPendingPackets,
    defaults: { timeZone: opts.timeZone ?? "Asia/Shanghai", sample: opts.sample ?? false },
    adminPassword: opts.adminPassword ?? TEST_ADMIN_PASSWORD,
    requireDisplayPairing: opts.requireDisplayPairing ?? false,
    ...(opts.archiveDir ? { archiveDir: opts.archiveDir } : {}),
    ...(opts.redisUrl ? { redisUrl: opts.redisUrl } : {}),
    ...(opts.nodeName ? { nodeName: opts.nodeName } : {}),
  });
  await new Promise<void>((resolve) => app.httpServer.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  const clients: StaffClient[] = [];
  const cookieFor = (as: As | undefined): string | undefined => (as === "anonymous" ? undefined : (as ?? server.manager).cookie || undefined);
  let made = 0;
  const server: TestServer = {
    app,
    get db(): Db {
      if (!db) throw new Error("this test server runs on PostgreSQL: it has no SQLite file");
      return db;
    },
    engine,
    site,
    sql,
    clock,
    url,
    manager: { cookie: "", accountId: 1, username: "admin" },
    async api(path, init = {}) {
      const { as, ...rest } = init;
      const cookie = cookieFor(as);
      return callJson(url + path, { ...rest, ...(cookie ? { cookie } : {}) });
    },
    async signIn(username, password) {
      const res = await server.api("/api/auth/login", { method: "POST", json: { username, password }, as: "anonymous" });
      const cookie = sessionCookieOf(res.headers);
      if (res.status !== 200 || !cookie) throw new Error(`sign-in as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return { cookie, accountId: res.body.account.id, username: res.body.account.username };
    },
    async sessionAs(role, o = {}) {
      const username = o.username ?? `${role}${++made}`;
      const first = `first-${username}-pw`;
      const created = await server.api("/api/accounts", {
        method: "POST",
        json: { username, displayName: username, role, password: first, ...(o.advisorId !== undefined ? { advisorId: o.advisorId } : {}) },
      });
      if (created.status !== 201) throw new Error(`creating ${username} failed: ${created.status} ${JSON.stringify(created.body)}`);
      const initial = await server.signIn(username, first);
      const changed = await server.api("/api/auth/password", {
        method: "POST",
        json: { currentPassword: first, newPassword: `own-${username}-pw` },
        as: initial,
      });
      const cookie = sessionCookieOf(changed.headers);
      if (changed.status !== 200 || !cookie) throw new Error(`changing ${username}'s password failed: ${changed.status}`);
      return { cookie, accountId: initial.accountId, username };
    },
    async client(ns = "staff", o = {}) {
      const cookie = cookieFor(o.as ?? (ns === "display" ? "anonymous" : undefined));
      const socket: StaffClient = connect(url + (ns === "staff" ? STAFF_NAMESPACE : DISPLAY_NAMESPACE), {
        transports: ["websocket"],
        forceNew: true,
        ...(cookie ? { extraHeaders: { cookie } } : {}),
        ...(o.auth ? { auth: o.auth } : {}),
      });
      clients.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
      });
      return socket;
    },
    async close() {
      for (const c of clients) c.disconnect();
      await app.close();
      db?.close();
      await store?.close();
    },
  };
  if (opts.signIn !== false) server.manager = await server.signIn("admin", opts.adminPassword ?? TEST_ADMIN_PASSWORD);
  return server;
}

/** Follows as a screen does; a display's compact day comes back as the board it decodes to (followAsSent keeps it as sent). */
export async function follow(socket: StaffClient, date: string, since?: number): Promise<FollowResult> {
  const data = await followAsSent(socket, date, since);
  return data.kind === "compact" ? { kind: "snapshot", snapshot: decodeCompactDay(data.day) } : data;
}

export async function followAsSent(socket: StaffClient, date: string, since?: number): Promise<FollowResult> {
  const res: Ack<FollowResult> = await socket.emitWithAck("board:follow", { date, protocol: PROTOCOL_VERSION, ...(since !== undefined ? { since } : {}) });
  if (!res.ok) throw new Error(`follow failed: ${res.error.code} ${res.error.message}`);
  return res.data;
}

/** Resolves with the next event of that name, or fails after `ms`. */
export function nextEvent<T>(socket: StaffClient, event: keyof ServerToClientEvents, ms = 2_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    socket.once(event, ((payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    }) as never);
  });
}

/** Seeds a minimal board: two advisors and one bay, through the API like any client. */
export async function seedBasics(server: TestServer): Promise<{ advisors: number[]; bay: number }> {
  const a = await server.api("/api/advisors", { method: "POST", json: { name: "服务顾问 A", displayOrder: 1 } });
  const b = await server.api("/api/advisors", { method: "POST", json: { name: "服务顾问 B", displayOrder: 2 } });
  const bay = await server.api("/api/bays", { method: "POST", json: { name: "1号工位", kind: "quick_service" } });
  return { advisors: [a.body.record.id, b.body.record.id], bay: bay.body.record.id };
}

export function booking(advisorId: number, over: Record<string, unknown> = {}) {
  return {
    date: "2026-11-27",
    startTime: "10:00",
    advisorId,
    customerName: "张伟",
    customerTitle: "mr",
    phone: "138 1024 5567",
    plate: "京A·12345",
    workRequested: "1万公里保养",
    ...over,
  };
}

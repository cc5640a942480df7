import type { AddressInfo } from "node:net";
import pg from "pg";
import { io as connect } from "socket.io-client";
import { inject } from "vitest";
import { createGroupApp, type GroupApp } from "../../server/group-app.js";
import { createSite } from "../../server/db/pg/sites.js";
import { createGroupAccount } from "../../server/group/group-access.js";
import { siteCookieName } from "../../server/access/cookies.js";
import { GROUP_COOKIE } from "../../server/group/group-access.js";
import { silentLogger, type Logger } from "../../server/logger.js";
import type { Clock } from "../../server/board/clock.js";
import type { FixtureName } from "../../shared/schemas/sample.js";
import { ManualClock } from "./manual-clock.js";
import { callJson, TEST_ADMIN_PASSWORD, type StaffClient } from "./test-server.js";

let made = 0;

/**
 * A database of its own on the run's PostgreSQL, so a group's registry lists only the sites its
 * test made (every other PostgreSQL test shares the run's first database).
 */
export async function newGroupDatabase(url = inject("postgresUrl")): Promise<string> {
  const name = `group_${process.pid}_${++made}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Someone signed in somewhere: the Cookie header value they send. */
export interface GroupSession {
  cookie: string;
}

export interface TestGroup {
  app: GroupApp;
  databaseUrl: string;
  url: string;
  clock: Clock;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON answers of many shapes
  api(path: string, init?: RequestInit & { json?: unknown; cookie?: string }): Promise<{ status: number; body: any; headers: Headers }>;
  /** Signs in at a site: its own /s/<slug>/api/auth/login. */
  signIn(slug: string, username: string, password: string): Promise<GroupSession>;
  /** Signs the group's director in at /group/api/auth/login. */
  groupSignIn(username: string, password: string): Promise<GroupSession>;
  /** A socket on a site's namespace, connected. */
  client(slug: string, ns: "staff" | "display", cookie?: string): Promise<StaffClient>;
  close(): Promise<void>;
}

export interface TestGroupOptions {
  sites: { slug: string; name?: string }[];
  /** A group director's account to make: username and password. */
  director?: { username: string; password: string; displayName?: string };
  databaseUrl?: string;
  clock?: Clock;
  sample?: boolean | FixtureName;
  staticDir?: string;
  log?: Logger;
  redisUrl?: string;
  nodeName?: string;
}

/** The cookie `name=value` a response set, as a Cookie header value. */
export function cookieOf(headers: Headers, name: string): string | undefined {
  for (const c of headers.getSetCookie()) {
    const m = new RegExp(`^(${name}=s_[^;]+)`).exec(c);
    if (m) return m[1];
  }
  return undefined;
}

/** A group node on its own database, as main.ts builds it with DATABASE_URL, on an ephemeral port. */
export async function startTestGroup(o: TestGroupOptions): Promise<TestGroup> {
  const databaseUrl = o.databaseUrl ?? (await newGroupDatabase());
  const setup = new pg.Client({ connectionString: databaseUrl });
  await setup.connect();
  try {
    for (const s of o.sites) {
      const known = await setup.query("SELECT 1 FROM information_schema.tables WHERE table_schema = 'magboard_group' AND table_name = 'sites'");
      const exists = known.rowCount ? (await setup.query("SELECT 1 FROM magboard_group.sites WHERE slug = $1", [s.slug])).rowCount : 0;
      if (!exists) await createSite(setup, { slug: s.slug, name: s.name ?? s.slug });
    }
    if (o.director) await createGroupAccount(databaseUrl, { displayName: o.director.displayName ?? o.director.username, ...o.director });
  } finally {
    await setup.end();
  }
  const clock = o.clock ?? new ManualClock(Date.parse("2026-11-27T01:00:00Z"));
  const app = await createGroupApp({
    databaseUrl,
    clock,
    log: o.log ?? silentLogger,
    defaults: { timeZone: "Asia/Shanghai", sample: o.sample ?? false },
    adminPassword: TEST_ADMIN_PASSWORD,
    staticDir: o.staticDir,
    ...(o.redisUrl ? { redisUrl: o.redisUrl } : {}),
    ...(o.nodeName ? { nodeName: o.nodeName } : {}),
  });
  await new Promise<void>((resolve) => app.httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  const sockets: StaffClient[] = [];
  const group: TestGroup = {
    app,
    databaseUrl,
    url,
    clock,
    api: (path, init = {}) => callJson(url + path, init),
    async signIn(slug, username, password) {
      const res = await group.api(`/s/${slug}/api/auth/login`, { method: "POST", json: { username, password } });
      const cookie = cookieOf(res.headers, siteCookieName(slug));
      if (res.status !== 200 || !cookie) throw new Error(`sign-in as ${username} at ${slug} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return { cookie };
    },
    async groupSignIn(username, password) {
      const res = await group.api("/group/api/auth/login", { method: "POST", json: { username, password } });
      const cookie = cookieOf(res.headers, GROUP_COOKIE);
      if (res.status !== 200 || !cookie) throw new Error(`group sign-in as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return { cookie };
    },
    async client(slug, ns, cookie) {
      const socket: StaffClient = connect(`${url}/s/${slug}/${ns}`, { transports: ["websocket"], forceNew: true, ...(cookie ? { extraHeaders: { cookie } } : {}) });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
      });
      return socket;
    },
    async close() {
      for (const s of sockets) s.disconnect();
      await app.close();
    },
  };
  return group;
}

import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresBinDir } from "../../scripts/cluster/postgres.js";
import { io as connect } from "socket.io-client";
import { createSitePool } from "../../server/db/pg/pg-store.js";
import { pgSql } from "../../server/db/pg/pg-sql.js";
import type { BoardPatch } from "../../shared/schemas/board.js";
import { sqlFingerprint } from "../helpers/db-fingerprint.js";
import { startTestGroup, type TestGroup } from "../helpers/test-group.js";
import { booking, follow, TEST_ADMIN_PASSWORD, type StaffClient } from "../helpers/test-server.js";

/**
 * Issue 17 point 1: nothing of one store is visible from another. Every API route site A has (read
 * from its router, so a route added later is in the matrix by itself) is called as each of site
 * B's people and keys, as nobody, and as the group's director; every socket namespace of A is
 * opened as each of them, and every event they could send is sent. Site B's people get what
 * nobody gets and never a byte of A's; the director reads A and changes nothing; A's rows are the
 * same afterwards.
 */

type Layer = { rawPath?: unknown; route?: { path: string; methods: Record<string, boolean> }; handle: { stack?: Layer[] } };

/** Every route of an express router, as `METHOD /path`. */
function routesOf(stack: Layer[], prefix = ""): { method: string; path: string }[] {
  return stack.flatMap((l) => {
    if (l.route) return Object.keys(l.route.methods).map((m) => ({ method: m.toUpperCase(), path: prefix + l.route!.path }));
    if (l.handle.stack) return routesOf(l.handle.stack, prefix + (typeof l.rawPath === "string" && l.rawPath !== "/" ? l.rawPath : ""));
    return [];
  });
}

/** What only site A knows: a customer, a phone and a plate no other store has. */
const A = { customerName: "甲店独有客户", phone: "13911110001", plate: "沪Z·A0001" };
const B = { customerName: "乙店独有客户", phone: "13922220002", plate: "沪Z·B0002" };
const DATE = "2026-11-27";

let g: TestGroup;
/** Site A's own manager: the positive control. */
let managerA: string;
let cardA: { id: number; version: number };
let advisorA: number;
/** Site B's people and keys, and the group's director. */
const outsiders: Record<string, { cookie?: string; bearer?: string }> = {};
let displayKeyB: string;
let directorCookie: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON answers of many shapes
const ok = (res: { status: number; body: any }): any => {
  if (res.status >= 300) throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** An account of `role` at `slug`, signed in with its own password: its cookie. */
async function staffAt(slug: string, manager: string, role: string, advisorId?: number): Promise<string> {
  const username = `${role.replace("_", "")}${slug}`;
  ok(await g.api(`/s/${slug}/api/accounts`, { method: "POST", cookie: manager, json: { username, displayName: username, role, password: `first-${username}-pw`, ...(advisorId ? { advisorId } : {}) } }));
  const first = await g.signIn(slug, username, `first-${username}-pw`);
  const changed = await g.api(`/s/${slug}/api/auth/password`, { method: "POST", cookie: first.cookie, json: { currentPassword: `first-${username}-pw`, newPassword: `own-${username}-pw` } });
  ok(changed);
  return (await g.signIn(slug, username, `own-${username}-pw`)).cookie;
}

/** Site A's rows, as the fingerprint every refused request must leave alone. */
async function fingerprintA(): Promise<string> {
  const site = (await g.app.sites.open("a"))!;
  const pool = createSitePool(g.databaseUrl, site.id, { max: 1 });
  try {
    return await sqlFingerprint(pgSql(pool));
  } finally {
    await pool.end();
  }
}

beforeAll(async () => {
  g = await startTestGroup({ sites: [{ slug: "a", name: "甲店" }, { slug: "b", name: "乙店" }], director: { username: "boss", password: "group-boss-password" }, sample: true });
  managerA = (await g.signIn("a", "admin", TEST_ADMIN_PASSWORD)).cookie;
  let managerB = (await g.signIn("b", "admin", TEST_ADMIN_PASSWORD)).cookie;
  // two stores' managers do not share a password in life; B's own makes "B's password at A" a real try
  ok(await g.api("/s/b/api/auth/password", { method: "POST", cookie: managerB, json: { currentPassword: TEST_ADMIN_PASSWORD, newPassword: "store-b-manager-pw" } }));
  managerB = (await g.signIn("b", "admin", "store-b-manager-pw")).cookie;

  advisorA = ok(await g.api(`/s/a/api/board?date=${DATE}`, { cookie: managerA })).advisors[0].id;
  const advisorB = ok(await g.api(`/s/b/api/board?date=${DATE}`, { cookie: managerB })).advisors[0].id as number;
  cardA = ok(await g.api("/s/a/api/appointments", { method: "POST", cookie: managerA, json: booking(advisorA, { ...A, startTime: "19:00" }) })).record;
  ok(await g.api("/s/b/api/appointments", { method: "POST", cookie: managerB, json: booking(advisorB, { ...B, startTime: "19:00" }) }));

  outsiders["B manager"] = { cookie: managerB };
  outsiders["B desk"] = { cookie: await staffAt("b", managerB, "desk") };
  outsiders["B service desk"] = { cookie: await staffAt("b", managerB, "service_desk") };
  outsiders["B advisor"] = { cookie: await staffAt("b", managerB, "advisor", advisorB) };
  outsiders["B API token"] = { bearer: ok(await g.api("/s/b/api/tokens", { method: "POST", cookie: managerB, json: { name: "DMS", role: "manager" } })).token };
  displayKeyB = ok(await g.api("/s/b/api/displays", { method: "POST", cookie: managerB, json: { name: "乙店大屏", visibility: "staff", language: "zh-CN" } })).secret;
  directorCookie = (await g.groupSignIn("boss", "group-boss-password")).cookie;
});
afterAll(() => g?.close());

/** A path of the route with its parameters filled from site A's own rows. */
function concrete(path: string): string {
  return path
    .replace(/\/$/, "")
    .replace(":list", "campaign")
    .replace(":action", "arrive")
    .replace(/^\/appointments\/:id/, `/appointments/${cardA.id}`)
    .replace(/^\/advisors\/:id/, `/advisors/${advisorA}`)
    .replace(":id", "1");
}

/** `query`: the day and a search for A's plate, which the routes that read either need; the others ignore it or refuse it alike. */
async function call(method: string, path: string, who: { cookie?: string; bearer?: string }, query = true) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (who.cookie) headers.cookie = who.cookie;
  if (who.bearer) headers.authorization = `Bearer ${who.bearer}`;
  const res = await fetch(`${g.url}/s/a/api${path}${query ? `?date=${DATE}&q=${encodeURIComponent(A.plate)}` : ""}`, {
    method,
    headers,
    ...(method === "GET" || method === "HEAD" ? {} : { body: "{}" }),
  });
  return { status: res.status, text: await res.text() };
}

const leaks = (text: string) => [A.customerName, A.phone, A.plate].filter((m) => text.includes(m));

describe("the cross-site role matrix", () => {
  it("answers every route of site A to site B's people and keys as to nobody, and shows them nothing of A's", async () => {
    const routes = routesOf(((await g.app.sites.open("a"))!.runtime.router as unknown as { stack: Layer[] }).stack);
    expect(routes.length).toBeGreaterThan(70);
    const before = await fingerprintA();
    const wrong: string[] = [];
    for (const r of routes) {
      const path = concrete(r.path);
      const nobody = await call(r.method, path, {});
      for (const [who, creds] of Object.entries(outsiders)) {
        const got = await call(r.method, path, creds);
        // a cookie of B's is no cookie at A; a token of B's is a token A does not know
        const expected = creds.bearer ? 401 : nobody.status;
        if (got.status !== expected) wrong.push(`${who}: ${r.method} ${r.path} answered ${got.status}, nobody gets ${nobody.status}`);
        if (leaks(got.text).length) wrong.push(`${who}: ${r.method} ${r.path} showed ${leaks(got.text).join(", ")}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await fingerprintA()).toBe(before);
    // the positive control: A's own manager reads A's card by the same path the matrix used
    expect((await call("GET", `/appointments/${cardA.id}`, { cookie: managerA })).text).toContain(A.customerName);
  });

  it("lets the group's director read every route of site A that is the board's, its records' or its figures', refuses its accounts and keys, and changes nothing", async () => {
    const routes = routesOf(((await g.app.sites.open("a"))!.runtime.router as unknown as { stack: Layer[] }).stack);
    const before = await fingerprintA();
    const wrong: string[] = [];
    for (const r of routes) {
      const got = await call(r.method, concrete(r.path), { cookie: directorCookie });
      // signing out of a store where they hold no session is no change to it
      if (r.method !== "GET" && r.path !== "/auth/logout" && got.status < 400) wrong.push(`${r.method} ${r.path} was accepted (${got.status})`);
      if (r.method === "GET" && /^\/(accounts|displays|tokens|access\/audit|history|retention)/.test(r.path) && got.status !== 403) wrong.push(`${r.method} ${r.path} answered ${got.status}, not 403`);
    }
    expect(wrong).toEqual([]);
    for (const read of [
      `/board?date=${DATE}`,
      `/appointments/${cardA.id}`,
      `/search?date=${DATE}&q=${encodeURIComponent(A.plate)}`,
      `/export.csv?date=${DATE}`,
      `/audit?date=${DATE}`,
      "/reports/figures?from=2026-11-01&to=2026-11-30",
      "/reception/figures?from=2026-11-01&to=2026-11-30",
    ]) {
      const got = await call("GET", read, { cookie: directorCookie }, false);
      expect(got.status, read).toBe(200);
    }
    expect((await call("GET", "/board", { cookie: directorCookie })).text).toContain(A.customerName);
    expect(await fingerprintA()).toBe(before);
  });
});

describe("the cross-site matrix on sockets", () => {
  const refusal = (path: string, opts: { cookie?: string; auth?: Record<string, string> }) =>
    new Promise<string>((resolve, reject) => {
      const s = connect(`${g.url}${path}`, { transports: ["websocket"], forceNew: true, reconnection: false, ...(opts.cookie ? { extraHeaders: { cookie: opts.cookie } } : {}), ...(opts.auth ? { auth: opts.auth } : {}) });
      s.once("connect", () => {
        s.disconnect();
        reject(new Error(`${path} let them in`));
      });
      s.once("connect_error", (err) => {
        s.disconnect();
        resolve(err.message);
      });
    });

  it("keeps every one of B's people, keys and nobody out of A's staff namespace, and B's display key out of A's display namespace", async () => {
    for (const [who, creds] of Object.entries(outsiders)) {
      const why = await refusal("/s/a/staff", creds.bearer ? { auth: { token: creds.bearer } } : { cookie: creds.cookie! });
      expect(why, who).toBe("unauthorized");
    }
    expect(await refusal("/s/a/staff", {})).toBe("unauthorized");
    expect(await refusal("/s/a/display", { auth: { key: displayKeyB } })).toBe("unauthorized");
    expect(await refusal("/s/nowhere/display", {})).toBe("Invalid namespace");
  });

  it("lets the director follow A's board and sync its clock, but refuses every command", async () => {
    const before = await fingerprintA();
    const staff: StaffClient = await g.client("a", "staff", directorCookie);
    const seen = await follow(staff, DATE);
    expect(seen.kind === "snapshot" && seen.snapshot.appointments.some((c) => c.customerName === A.customerName)).toBe(true);
    expect(typeof (await staff.emitWithAck("time:sync"))).toBe("number");
    const refused = await staff.emitWithAck("board:command", { requestId: "director-move", command: { type: "appointment.move", id: cardA.id, version: cardA.version, startTime: "18:00" } });
    expect(refused).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await fingerprintA()).toBe(before);
  });

  it("sends site A's changes to A's screens only: B's TV and B's staff hear only B's", async () => {
    const tvA = await g.client("a", "display");
    const tvB = await g.client("b", "display");
    const staffB = await g.client("b", "staff", outsiders["B manager"]!.cookie);
    for (const s of [tvA, tvB, staffB]) await follow(s, DATE);
    const heardB: BoardPatch[] = [];
    const heardStaffB: BoardPatch[] = [];
    tvB.on("board:patch", (p) => heardB.push(p));
    staffB.on("board:patch", (p) => heardStaffB.push(p));
    const atA = new Promise<BoardPatch>((resolve) => tvA.once("board:patch", resolve));
    const card = ok(await g.api(`/s/a/api/appointments/${cardA.id}`, { cookie: managerA }));
    ok(await g.api(`/s/a/api/appointments/${cardA.id}/move`, { method: "POST", cookie: managerA, json: { version: card.version, startTime: "18:00" } }));
    await atA;
    // then a change at B: B's screens hear it as their next patch, and nothing of A's before it
    const bCards = ok(await g.api(`/s/b/api/board?date=${DATE}`, { cookie: outsiders["B manager"]!.cookie })).appointments as { id: number; version: number; customerName: string }[];
    const own = bCards.find((c) => c.customerName === B.customerName)!;
    const atB = new Promise<void>((resolve) => staffB.once("board:patch", () => resolve()));
    const atTvB = new Promise<void>((resolve) => tvB.once("board:patch", () => resolve()));
    ok(await g.api(`/s/b/api/appointments/${own.id}/move`, { method: "POST", cookie: outsiders["B manager"]!.cookie, json: { version: own.version, startTime: "18:00" } }));
    await Promise.all([atB, atTvB]);
    expect(heardB).toHaveLength(1);
    expect(heardStaffB).toHaveLength(1);
    expect(leaks(JSON.stringify([heardB, heardStaffB]))).toEqual([]);
    expect(JSON.stringify(heardStaffB)).toContain(B.customerName);
  });

  it("keeps each store's audit and CSV its own", async () => {
    const managerB = outsiders["B manager"]!.cookie!;
    const historyB = await g.api(`/s/b/api/history?day=${DATE}`, { cookie: managerB });
    const csvB = await g.api(`/s/b/api/export.csv?date=${DATE}`, { cookie: managerB });
    const historyA = await g.api(`/s/a/api/history?day=${DATE}`, { cookie: managerA });
    const csvA = await g.api(`/s/a/api/export.csv?date=${DATE}`, { cookie: managerA });
    expect(leaks(JSON.stringify(historyB.body))).toEqual([]);
    expect(leaks(String(csvB.body))).toEqual([]);
    expect(String(csvA.body)).toContain(A.plate);
    expect(JSON.stringify(historyA.body)).toContain(A.plate);
    expect(String(csvB.body)).toContain(B.plate);
  });

  it("backs a store up alone: pg_dump of A's schema holds A's rows and none of B's", async () => {
    const a = (await g.app.sites.open("a"))!;
    const { stdout } = await promisify(execFile)(path.join(postgresBinDir(), "pg_dump"), ["--dbname", g.databaseUrl, "-n", `site_${a.id}`, "--data-only"], { maxBuffer: 64 * 1024 * 1024 });
    expect(stdout).toContain(A.customerName);
    expect(stdout).toContain(A.phone);
    expect(stdout).not.toContain(B.customerName);
    expect(stdout).not.toContain(B.phone);
  });

  it("refuses B's manager's own username and password at A's sign-in", async () => {
    const res = await g.api("/s/a/api/auth/login", { method: "POST", json: { username: "admin", password: "store-b-manager-pw" } });
    expect(res.status).toBe(401);
  });
});

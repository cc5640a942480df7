import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/open-database.js";
import { createApp } from "../../server/app.js";
import type { Logger } from "../../server/logger.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { sessionCookieOf, startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from "../helpers/test-server.js";

const HOUR = 3_600_000;

describe("signing in and sessions", () => {
  let server: TestServer;
  afterEach(async () => {
    await server?.close();
  });

  it("sets an httpOnly SameSite=Strict session cookie, not Secure over plain HTTP, and stores only its hash", async () => {
    server = await startTestServer({ signIn: false });
    const res = await server.api("/api/auth/login", { method: "POST", json: { username: "admin", password: TEST_ADMIN_PASSWORD }, as: "anonymous" });
    expect(res.status).toBe(200);
    const raw = res.headers.getSetCookie().find((c) => c.startsWith("magboard_session="))!;
    expect(raw).toMatch(/HttpOnly/);
    expect(raw).toMatch(/SameSite=Strict/);
    expect(raw).not.toMatch(/Secure/);
    const id = sessionCookieOf(res.headers)!.split("=")[1]!;
    const stored = server.db.prepare("SELECT id_hash FROM sessions").all() as { id_hash: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id_hash).not.toContain(id);
  });

  it("marks the cookie Secure when a trusted proxy says the browser came over HTTPS", async () => {
    const db = openDatabase(":memory:");
    const app = await createApp({ db, clock: new ManualClock(Date.now()), log: quiet(), defaults: { timeZone: "Asia/Shanghai", sample: false }, adminPassword: TEST_ADMIN_PASSWORD, trustProxy: 1 });
    await new Promise<void>((r) => app.httpServer.listen(0, "127.0.0.1", r));
    try {
      const port = (app.httpServer.address() as { port: number }).port;
      const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-proto": "https" },
        body: JSON.stringify({ username: "admin", password: TEST_ADMIN_PASSWORD }),
      });
      expect(res.headers.getSetCookie().join()).toMatch(/; Secure/);
    } finally {
      await app.close();
      db.close();
    }
  });

  it("answers a wrong password and an unknown user alike with 401", async () => {
    server = await startTestServer();
    for (const json of [{ username: "admin", password: "wrong-password" }, { username: "nobody", password: "wrong-password" }]) {
      const res = await server.api("/api/auth/login", { method: "POST", json, as: "anonymous" });
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual({ code: "unauthorized", message: "wrong username or password" });
      expect(sessionCookieOf(res.headers)).toBeUndefined();
    }
  });

  it("ends a session after 12 idle hours, and any session 7 days after sign-in however busy", async () => {
    const clock = new ManualClock(Date.parse("2026-11-27T01:00:00Z"));
    server = await startTestServer({ clock });
    const idle = await server.signIn("admin", TEST_ADMIN_PASSWORD);
    clock.advance(11 * HOUR);
    expect((await server.api("/api/board", { as: idle })).status).toBe(200);
    clock.advance(12 * HOUR);
    expect((await server.api("/api/board", { as: idle })).status).toBe(401);

    const busy = await server.signIn("admin", TEST_ADMIN_PASSWORD);
    // used every 11 hours, never idle long enough; the 16th use falls past the 168th hour
    for (let use = 1; use <= 16; use++) {
      clock.advance(11 * HOUR);
      expect((await server.api("/api/board", { as: busy })).status, `after ${use * 11} h`).toBe(use * 11 < 168 ? 200 : 401);
    }
  });

  it("audits account changes under the manager's name, never with a password or its hash", async () => {
    server = await startTestServer();
    const created = await server.api("/api/accounts", { method: "POST", json: { username: "zhao", displayName: "赵导", role: "desk", password: "secret-of-zhao-1" } });
    await server.api(`/api/accounts/${created.body.record.id}/password`, { method: "POST", json: { password: "secret-of-zhao-2" } });
    const audit = (await server.api("/api/access/audit")).body as { action: string; actorId: string; actor: string }[];
    expect(audit.map((e) => e.action)).toEqual(["account.set_password", "account.create", "account.init"]);
    expect(audit[0]).toMatchObject({ actorId: "account:1", actor: "管理员 (admin)" });
    const raw = JSON.stringify(server.db.prepare("SELECT * FROM audit_log").all());
    for (const leak of ["secret-of-zhao", "scrypt$", "passwordHash"]) expect(raw).not.toContain(leak);
  });

  it("keeps at least one active manager", async () => {
    server = await startTestServer();
    const res = await server.api("/api/accounts/1", { method: "PATCH", json: { version: 1, role: "desk" } });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("role");
  });

  it("a password set by the manager must be changed before anything else; the new session works", async () => {
    server = await startTestServer();
    await server.api("/api/accounts", { method: "POST", json: { username: "li", displayName: "李导", role: "desk", password: "given-by-manager" } });
    const first = await server.signIn("li", "given-by-manager");
    const me = await server.api("/api/auth/session", { as: first });
    expect(me.body.mustChangePassword).toBe(true);
    const blocked = await server.api("/api/board", { as: first });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.message).toContain("/api/auth/password");
    const wrong = await server.api("/api/auth/password", { method: "POST", json: { currentPassword: "not-it-at-all", newPassword: "li-chose-this-one" }, as: first });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.field).toBe("currentPassword");
    const changed = await server.api("/api/auth/password", { method: "POST", json: { currentPassword: "given-by-manager", newPassword: "li-chose-this-one" }, as: first });
    expect(changed.status).toBe(200);
    expect((await server.api("/api/board", { as: first })).status).toBe(401);
    const fresh = { ...first, cookie: sessionCookieOf(changed.headers)! };
    expect((await server.api("/api/board", { as: fresh })).status).toBe(200);
  });
});

function quiet(lines: string[] = []): Logger {
  return { info: (m) => lines.push(m), error: (m) => lines.push(m) };
}

describe("first start", () => {
  it("creates admin with a one-time password logged once, which must be changed; the next start logs none", async () => {
    const lines: string[] = [];
    const file = `${process.env.TMPDIR ?? "/tmp"}/magboard-first-run-${process.pid}-${Date.now()}.sqlite`;
    const start = async () => {
      const db = openDatabase(file);
      return { db, app: await createApp({ db, clock: new ManualClock(Date.now()), log: quiet(lines), defaults: { timeZone: "Asia/Shanghai", sample: false } }) };
    };
    const { db, app } = await start();
    await new Promise<void>((r) => app.httpServer.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(app.httpServer.address() as { port: number }).port}`;
    try {
      const printed = lines.filter((l) => l.includes("one-time password"));
      expect(printed).toHaveLength(1);
      const password = /one-time password (\S+)/.exec(printed[0]!)![1]!;
      const login = await fetch(`${base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "admin", password }) });
      expect(login.status).toBe(200);
      expect(((await login.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
      const cookie = sessionCookieOf(login.headers)!;
      const board = await fetch(`${base}/api/board`, { headers: { cookie } });
      expect(board.status).toBe(403);
      const stored = db.prepare("SELECT password_hash FROM accounts WHERE username = ?").get("admin") as { password_hash: string };
      expect(stored.password_hash).toMatch(/^scrypt\$/);
      expect(stored.password_hash).not.toContain(password);
    } finally {
      await app.close();
      db.close();
    }
    lines.length = 0;
    const again = await start();
    expect(lines.filter((l) => l.includes("one-time password"))).toEqual([]);
    await again.app.close();
    again.db.close();
  });
});

describe("API tokens", () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it("is shown once, stored hashed, acts with its role, and stops working when revoked", async () => {
    server = await startTestServer();
    const created = await server.api("/api/tokens", { method: "POST", json: { name: "DMS", role: "display" } });
    expect(created.status).toBe(201);
    const token: string = created.body.secret;
    expect(token).toMatch(/^mbt_/);
    expect(JSON.stringify((await server.api("/api/tokens")).body)).not.toContain(token);
    expect(JSON.stringify(server.db.prepare("SELECT * FROM api_tokens").all())).not.toContain(token);
    const bearer = { as: "anonymous" as const, headers: { authorization: `Bearer ${token}` } };
    expect((await server.api("/api/board", bearer)).status).toBe(200);
    expect((await server.api("/api/advisors", { ...bearer, method: "POST", json: { name: "x" } })).status).toBe(403);
    expect((await server.api(`/api/tokens/${created.body.record.id}`, { method: "DELETE" })).status).toBe(200);
    const after = await server.api("/api/board", bearer);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe("unauthorized");
  });
});

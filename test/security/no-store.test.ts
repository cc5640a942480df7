import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { booking, seedBasics, startTestServer, TEST_ADMIN_PASSWORD, type As, type TestServer } from "../helpers/test-server.js";

/**
 * A reception PC is shared: whatever its browser caches stays on its disk for the next person.
 * Every /api answer (data, refusals and errors alike) says `Cache-Control: no-store`.
 */
let server: TestServer;
let card: { id: number; version: number };
let advisor: number;
let bay: number;

beforeAll(async () => {
  server = await startTestServer();
  const seeded = await seedBasics(server);
  advisor = seeded.advisors[0]!;
  bay = seeded.bay;
  card = (await server.api("/api/appointments", { method: "POST", json: booking(advisor) })).body.record;
});
afterAll(async () => {
  await server.close();
});

interface Call {
  method?: string;
  path: string;
  json?: unknown;
  as?: As;
  body?: string;
  headers?: Record<string, string>;
}

const DATE = "2026-11-27";

describe("Cache-Control: no-store", () => {
  it("on every read, whoever asks", async () => {
    const reads: Call[] = [
      { path: "/api/health" },
      { path: "/api/settings" },
      { path: "/api/advisors" },
      { path: `/api/advisors/${advisor}` },
      { path: "/api/bays" },
      { path: `/api/bays/${bay}` },
      { path: `/api/board?date=${DATE}` },
      { path: `/api/appointments/${card.id}` },
      { path: `/api/appointments/${card.id}/history` },
      { path: `/api/audit?date=${DATE}` },
      { path: `/api/search?date=${DATE}&q=12345` },
      { path: `/api/export.csv?date=${DATE}` },
      { path: "/api/accounts" },
      { path: "/api/displays" },
      { path: "/api/tokens" },
      { path: "/api/access/audit" },
      { path: "/api/auth/session" },
    ];
    for (const call of reads) {
      for (const as of [undefined, "anonymous" as const]) {
        const res = await server.api(call.path, { ...(as ? { as } : {}) });
        expect(res.headers.get("cache-control"), `${call.path} as ${as ?? "manager"} (${res.status})`).toBe("no-store");
      }
    }
  });

  it("on every write, sign-in and sign-out included", async () => {
    const fresh = async () => (await server.api("/api/appointments", { method: "POST", json: booking(advisor, { startTime: "15:00" }) })).body.record as { id: number; version: number };
    const account = (await server.api("/api/accounts", { method: "POST", json: { username: "zhou", displayName: "周", role: "desk", password: "zhou-password-1" } })).body.record;
    const display = (await server.api("/api/displays", { method: "POST", json: { name: "TV", visibility: "public", language: "zh-CN" } })).body.record;
    const token = (await server.api("/api/tokens", { method: "POST", json: { name: "DMS", role: "desk" } })).body.record;
    const c1 = await fresh();
    const c2 = await fresh();
    const c3 = await fresh();
    const writes: Call[] = [
      { method: "POST", path: "/api/auth/login", json: { username: "admin", password: TEST_ADMIN_PASSWORD }, as: "anonymous" },
      { method: "POST", path: "/api/appointments", json: booking(advisor, { startTime: "16:00" }) },
      { method: "POST", path: "/api/appointments/import", json: { rows: [booking(advisor, { startTime: "17:00" })] } },
      { method: "PATCH", path: `/api/appointments/${c1.id}`, json: { version: c1.version, notes: "x" } },
      { method: "POST", path: `/api/appointments/${c2.id}/move`, json: { version: c2.version, startTime: "18:00" } },
      { method: "POST", path: `/api/appointments/${c3.id}/arrive`, json: { version: c3.version } },
      { method: "POST", path: "/api/advisors", json: { name: "新顾问" } },
      { method: "PATCH", path: `/api/bays/${bay}`, json: { version: 1, name: "2号工位" } },
      { method: "PATCH", path: "/api/settings", json: { version: 999, siteName: "x" } },
      { method: "PATCH", path: `/api/accounts/${account.id}`, json: { version: account.version, displayName: "周周" } },
      { method: "POST", path: `/api/accounts/${account.id}/password`, json: { password: "zhou-password-2" } },
      { method: "PATCH", path: `/api/displays/${display.id}`, json: { version: display.version, name: "TV2" } },
      { method: "DELETE", path: `/api/displays/${display.id}` },
      { method: "DELETE", path: `/api/tokens/${token.id}` },
      { method: "POST", path: "/api/auth/password", json: { currentPassword: "not-it-at-all", newPassword: "whatever-new-1" } },
      { method: "DELETE", path: "/api/sample" },
      { method: "POST", path: "/api/auth/logout" },
    ];
    for (const call of writes) {
      const { path, ...init } = call;
      const res = await server.api(path, init);
      expect(res.headers.get("cache-control"), `${call.method} ${path} (${res.status})`).toBe("no-store");
    }
  });

  it("on refusals and errors: 400, 401, 403, 404, 413, 429", async () => {
    const errors: [Call, number][] = [
      [{ method: "POST", path: "/api/advisors", body: "{", headers: { "content-type": "application/json" } }, 400],
      [{ path: `/api/board?date=${DATE}`, as: "anonymous" }, 401],
      [{ method: "POST", path: "/api/advisors", json: { name: "x" }, headers: { origin: "https://evil.example" } }, 403],
      [{ path: "/api/no-such-route" }, 404],
      [{ method: "POST", path: "/api/appointments", json: booking(advisor, { notes: "x".repeat(70_000) }) }, 413],
    ];
    for (const [call, status] of errors) {
      const { path, ...init } = call;
      const res = await server.api(path, init);
      expect(res.status, path).toBe(status);
      expect(res.headers.get("cache-control"), `${path} (${res.status})`).toBe("no-store");
    }
    const failedSignIn = () => server.api("/api/auth/login", { method: "POST", json: { username: "nobody", password: "wrong-password" }, as: "anonymous" });
    for (let i = 0; i < 5; i++) await failedSignIn();
    const limited = await failedSignIn();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("cache-control")).toBe("no-store");
  });
});

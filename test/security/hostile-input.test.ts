import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect } from "socket.io-client";
import { ERROR_CODES } from "../../shared/errors.js";
import { STAFF_NAMESPACE } from "../../shared/protocol.js";
import { booking, follow, seedBasics, startTestServer, type StaffClient, type TestServer } from "../helpers/test-server.js";
import { dbFingerprint } from "../helpers/db-fingerprint.js";

/**
 * Thousands of random and malformed payloads, sent by the manager (who may do anything, so only
 * validation stands between them and the database): every one gets a clear error, the server
 * stays up, and the database is exactly as before.
 */
/** Thousands of round trips on a shared two-core machine: far more than they need, never a measure of speed. */
const FUZZ_TIMEOUT_MS = 180_000;

let server: TestServer;
let staff: StaffClient;
let card: { id: number; version: number };
let before: { fingerprint: string; revision: number };

beforeAll(async () => {
  server = await startTestServer();
  const { advisors } = await seedBasics(server);
  card = (await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!) })).body.record;
  await server.api("/api/displays", { method: "POST", json: { name: "大厅", visibility: "public", language: "zh-CN" } });
  await server.api("/api/tokens", { method: "POST", json: { name: "DMS", role: "desk" } });
  staff = await server.client("staff");
  before = { fingerprint: dbFingerprint(server.db), revision: await server.app.board.revision() };
});
afterAll(async () => {
  await server.close();
});

const isClearError = (body: unknown): boolean => {
  const e = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return !!e && (ERROR_CODES as readonly unknown[]).includes(e.code) && typeof e.message === "string" && e.message.length > 0;
};

/** Every write route, with ids that exist, do not exist, and are not ids at all. */
const ids = () => fc.constantFrom(String(1), String(2), "999999", "0", "-1", "abc", "1e3", "%00", "9".repeat(30));
const route = fc.oneof(
  fc.constant({ method: "POST", path: "/api/appointments" }),
  fc.constant({ method: "POST", path: "/api/appointments/import" }),
  ids().map((id) => ({ method: "PATCH", path: `/api/appointments/${id}` })),
  ids().map((id) => ({ method: "POST", path: `/api/appointments/${id}/move` })),
  fc.tuple(ids(), fc.constantFrom("arrive", "start", "complete", "cancel", "no-show", "reopen", "confirm", "explode")).map(([id, a]) => ({ method: "POST", path: `/api/appointments/${id}/${a}` })),
  fc.tuple(fc.constantFrom("advisors", "bays", "accounts", "displays", "tokens"), fc.constantFrom("POST", "PATCH", "DELETE"), ids()).map(([what, method, id]) => ({
    method,
    path: method === "POST" ? `/api/${what}` : `/api/${what}/${id}`,
  })),
  ids().map((id) => ({ method: "POST", path: `/api/accounts/${id}/password` })),
  fc.constant({ method: "PATCH", path: "/api/settings" }),
  fc.constant({ method: "POST", path: "/api/auth/login" }),
  fc.constant({ method: "POST", path: "/api/auth/password" }),
);

/** Valid-looking bodies with one field too many, so strict schemas must refuse them. */
const nearlyValid = fc.constantFrom<Record<string, unknown>>(
  booking(1),
  { rows: [booking(1)] },
  { version: 1 },
  { version: 1, startTime: "11:00" },
  { name: "王顾问" },
  { siteName: "店" },
  { username: "eve", displayName: "Eve", role: "manager", password: "long-enough-password" },
  { name: "TV", visibility: "staff", language: "zh-CN" },
  { name: "DMS", role: "manager" },
  { password: "long-enough-password" },
  { username: "admin", password: "test-admin-password" },
  { currentPassword: "test-admin-password", newPassword: "long-enough-password" },
);
// a JSON value, so the key survives serialisation (undefined would silently vanish)
const extraKey = fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })).map(([k, v]) => [`zz_${k}`, v] as const);

const jsonBody = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(nearlyValid, extraKey).map(([b, [k, v]]) => JSON.stringify({ ...b, [k]: v })) },
  { weight: 3, arbitrary: fc.tuple(fc.dictionary(fc.string({ maxLength: 12 }), fc.anything({ maxDepth: 3 }), { maxKeys: 6 }), extraKey).map(([o, [k, v]]) => JSON.stringify({ ...o, [k]: v })) },
  { weight: 2, arbitrary: fc.oneof(fc.array(fc.anything({ maxDepth: 2 })), fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)).map((v) => JSON.stringify(v)) },
  // an empty body is a well-formed revocation (DELETE takes none), so every raw body here has something in it
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 200 }).filter((b) => b.trim() !== "") },
  { weight: 1, arbitrary: fc.constantFrom("{", "{\"a\":", "[1,2", "\u0000", "{\"__proto__\":{\"role\":\"manager\"}}", "{\"constructor\":{\"prototype\":{}}}") },
);

describe("hostile input", () => {
  it("answers thousands of random and malformed REST bodies with a clear error and changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(route, jsonBody, async (r, body) => {
        const res = await server.api(r.path, { method: r.method, body, headers: { "content-type": "application/json" } });
        expect(res.status, `${r.method} ${r.path} ${body.slice(0, 80)}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(isClearError(res.body), JSON.stringify(res.body)).toBe(true);
      }),
      { numRuns: 1500 },
    );
    expect(dbFingerprint(server.db)).toBe(before.fingerprint);
    expect((await server.api("/api/health")).body).toMatchObject({ status: "ok", revision: before.revision });
  }, FUZZ_TIMEOUT_MS);

  it("answers thousands of random and malformed socket payloads with an error ack and changes nothing", async () => {
    const command = fc.oneof(
      fc.anything({ maxDepth: 4 }),
      fc.tuple(
        fc.constantFrom<Record<string, unknown>>(
          { type: "appointment.status", id: card.id, version: card.version, action: "cancel" },
          { type: "appointment.move", id: card.id, version: card.version, startTime: "12:00" },
          { type: "advisor.create", input: { name: "x" } },
          { type: "account.create", input: { username: "eve", displayName: "Eve", role: "manager", password: "long-enough-password" } },
          { type: "settings.update", version: 1, changes: { siteName: "y" } },
          { type: "appointment.mark_no_show", id: card.id },
          { type: "sample.remove" },
        ),
        extraKey,
      ).map(([c, [k, v]]) => ({ ...c, [k]: v })),
    );
    const request = fc.oneof(fc.anything({ maxDepth: 3 }), command.map((c) => ({ command: c })), command.map((c) => ({ command: c, requestId: "a".repeat(70) })));
    await fc.assert(
      fc.asyncProperty(request, async (payload) => {
        const ack = await staff.emitWithAck("board:command", payload as never);
        expect(ack.ok).toBe(false);
        expect(isClearError(ack), JSON.stringify(ack)).toBe(true);
      }),
      { numRuns: 1500 },
    );
    await fc.assert(
      fc.asyncProperty(fc.anything({ maxDepth: 3 }), async (payload) => {
        const ack = await staff.emitWithAck("board:follow", payload as never);
        expect(ack.ok).toBe(false);
        expect(isClearError(ack)).toBe(true);
      }),
      { numRuns: 500 },
    );
    // events without an ack, or with arguments where the ack should be, are ignored without harm
    const untyped = staff as unknown as { emit(event: string, ...args: unknown[]): void };
    untyped.emit("board:command", { command: { type: "advisor.create", input: { name: "no ack" } } });
    untyped.emit("time:sync", "not a function");
    untyped.emit("display:report", { page: "x".repeat(1000) });
    expect(staff.connected).toBe(true);
    await follow(staff, "2026-11-27");
    expect(dbFingerprint(server.db)).toBe(before.fingerprint);
    expect(await server.app.board.revision()).toBe(before.revision);
  }, FUZZ_TIMEOUT_MS);

  it("refuses a body over 64 KB with 413 and a socket frame over 256 KB by closing that socket only", async () => {
    const big = await server.api("/api/appointments", { method: "POST", json: booking(1, { notes: "x".repeat(70_000) }) });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("payload_too_large");
    const victim = await server.client("staff");
    const closed = new Promise<string>((resolve) => victim.once("disconnect", resolve));
    (victim as unknown as { emit(event: string, ...args: unknown[]): void }).emit("board:command", { command: { type: "advisor.create", input: { name: "x".repeat(300_000) } } });
    expect(await closed).toBe("transport close");
    expect(staff.connected).toBe(true);
    expect(dbFingerprint(server.db)).toBe(before.fingerprint);
  });
});

/** Sends `board:command` with a payload written as raw JSON in a Socket.IO frame; resolves with the server's ack. */
function rawCommand(socket: StaffClient, payload: string, ackId: number): Promise<unknown> {
  const engine = socket.io.engine;
  const prefix = `3${STAFF_NAMESPACE},${ackId}`;
  return new Promise((resolve) => {
    const onData = (data: unknown) => {
      if (typeof data !== "string" || !data.startsWith(prefix)) return;
      engine.off("data", onData);
      resolve((JSON.parse(data.slice(prefix.length)) as unknown[])[0]);
    };
    engine.on("data", onData);
    engine.write(`2${STAFF_NAMESPACE},${ackId}["board:command",${payload}]`);
  });
}

describe("crafted bodies", () => {
  const writes = () => [
    { method: "POST", path: "/api/appointments", json: booking(1, { startTime: "12:00" }) },
    { method: "PATCH", path: `/api/appointments/${card.id}`, json: { version: card.version, notes: "x" } },
    { method: "POST", path: `/api/appointments/${card.id}/cancel`, json: { version: card.version } },
    { method: "POST", path: "/api/advisors", json: { name: "新顾问" } },
    { method: "POST", path: "/api/accounts", json: { username: "eve", displayName: "Eve", role: "manager", password: "long-enough-password" } },
  ];

  it("never reads a text/plain body (what a cross-site form can send without a preflight) as JSON", async () => {
    for (const w of writes()) {
      const res = await server.api(w.path, { method: w.method, body: JSON.stringify(w.json), headers: { "content-type": "text/plain" } });
      expect(res.status, `${w.method} ${w.path}`).toBe(400);
      expect(isClearError(res.body)).toBe(true);
      const forged = await server.api(w.path, { method: w.method, body: JSON.stringify(w.json), headers: { "content-type": "text/plain;charset=UTF-8", origin: "https://evil.example" } });
      expect(forged.status, `${w.method} ${w.path} from another site`).toBe(403);
    }
    expect(dbFingerprint(server.db)).toBe(before.fingerprint);
  });

  it("refuses __proto__ and constructor keys over REST and the socket, and pollutes no prototype", async () => {
    const raw = [
      ["/api/accounts", "POST", '{"username":"eve","displayName":"Eve","role":"desk","password":"long-enough-password","__proto__":{"role":"manager"}}'],
      ["/api/advisors", "POST", '{"name":"x","constructor":{"prototype":{"polluted":true}}}'],
      [`/api/appointments/${card.id}`, "PATCH", `{"version":${card.version},"__proto__":{"status":"completed"}}`],
      ["/api/settings", "PATCH", '{"version":1,"__proto__":{"siteName":"x"}}'],
    ] as const;
    for (const [path, method, body] of raw) {
      const res = await server.api(path, { method, body, headers: { "content-type": "application/json" } });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.error.code).toBe("invalid_payload");
    }
    for (const command of [
      JSON.parse('{"type":"advisor.create","input":{"name":"x","__proto__":{"active":false}}}'),
      JSON.parse(`{"type":"appointment.status","id":${card.id},"version":${card.version},"action":"cancel","__proto__":{"role":"manager"}}`),
    ]) {
      const ack = await staff.emitWithAck("board:command", { command });
      expect(ack.ok, JSON.stringify(ack)).toBe(false);
    }
    const probe = {} as Record<string, unknown>;
    for (const key of ["role", "status", "polluted", "siteName", "active"]) expect(probe[key], key).toBeUndefined();
    expect(dbFingerprint(server.db)).toBe(before.fingerprint);
  });

  it("answers a body nested thousands deep with a clear error, over REST and the socket, and stays up", async () => {
    const deep = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
    for (const [path, method, body] of [
      ["/api/advisors", "POST", `{"name":${deep(30_000)}}`],
      [`/api/appointments/${card.id}`, "PATCH", `{"version":${deep(30_000)}}`],
      ["/api/appointments/import", "POST", `{"rows":${deep(30_000)}}`],
      ["/api/advisors", "POST", deep(30_000)],
    ] as const) {
      const res = await server.api(path, { method, body, headers: { "content-type": "application/json" } });
      expect(res.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(isClearError(res.body)).toBe(true);
    }
    // socket.io-client itself recurses over what it sends, so the frames are written raw, as an attacker would
    for (const [i, payload] of [`{"command":${deep(100_000)}}`, `{"command":{"type":"advisor.create","input":{"name":${deep(100_000)}}}}`, deep(100_000)].entries()) {
      const ack = await rawCommand(staff, payload, 9000 + i);
      expect((ack as { ok?: boolean }).ok).toBe(false);
      expect(isClearError(ack)).toBe(true);
    }
    expect(staff.connected).toBe(true);
    expect((await server.api("/api/health")).body.status).toBe("ok");
    expect(dbFingerprint(server.db)).toBe(before.fingerprint);
  });
});

/** Origins a page elsewhere could send: another site, a sandboxed or file page (null), this host on another port or name. */
const forgedOrigins = () => {
  const port = new URL(server.url).port;
  return ["https://evil.example", "null", `http://127.0.0.1:${Number(port) + 1}`, "http://127.0.0.1", `http://localhost:${port}`, `http://127.0.0.1:${port}.evil.example`, `http://evil.example#@127.0.0.1:${port}`, `http://127.0.0.1:${port} https://evil.example`];
};

function connectWithOrigin(origin: string): Promise<string> {
  const socket = connect(server.url + STAFF_NAMESPACE, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { cookie: server.manager.cookie, origin } });
  return new Promise<string>((resolve) => {
    socket.once("connect", () => resolve("connected"));
    socket.once("connect_error", () => resolve("refused"));
  }).finally(() => socket.disconnect());
}

describe("cross-origin", () => {
  it("refuses a write from any other origin, null and other ports included, and sends no CORS header that would let another site read", async () => {
    for (const origin of forgedOrigins()) {
      for (const [method, path] of [["POST", "/api/advisors"], ["PATCH", `/api/appointments/${card.id}`], ["DELETE", "/api/displays/1"], ["POST", "/api/auth/logout"]] as const) {
        const write = await server.api(path, { method, json: { name: "跨站", version: card.version }, headers: { origin } });
        expect(write.status, `${method} ${path} from ${origin}`).toBe(403);
      }
      const read = await server.api("/api/board", { headers: { origin } });
      expect(read.headers.get("access-control-allow-origin")).toBeNull();
      const preflight = await server.api("/api/advisors", { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } });
      expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    }
    // the session survived every forged logout
    expect((await server.api("/api/board")).status).toBe(200);
    expect(dbFingerprint(server.db)).toBe(before.fingerprint);
  });

  it("refuses a socket from any other origin, even carrying a valid session; its own origin connects", async () => {
    for (const origin of forgedOrigins()) expect(await connectWithOrigin(origin), origin).toBe("refused");
    expect(await connectWithOrigin(server.url)).toBe("connected");
  });
});

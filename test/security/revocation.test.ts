import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../helpers/manual-clock.js";
import { follow, startTestServer, TEST_ADMIN_PASSWORD, type StaffClient, type TestServer } from "../helpers/test-server.js";

/**
 * A credential taken away takes its open sockets with it, at once: a live socket is not a way
 * to keep reading (or writing) after logout, a disabled account, a changed role or password, a
 * revoked token or display key, or a session's end.
 */
const HOUR = 3_600_000;
const DATE = "2026-11-27";

/** Resolves with the reason the server gave when it closes the socket. */
const closed = (socket: StaffClient) => new Promise<string>((resolve) => socket.once("disconnect", resolve));

describe("revocation of open sockets", () => {
  let server: TestServer;
  afterEach(async () => {
    await server?.close();
  });

  it("closes a staff socket whose session reached its 7-day end while it was open", async () => {
    const clock = new ManualClock(Date.parse("2026-11-27T01:00:00Z"));
    server = await startTestServer({ clock });
    const socket = await server.client("staff");
    const gone = closed(socket);
    clock.advance(6 * 24 * HOUR);
    expect(socket.connected).toBe(true);
    clock.advance(24 * HOUR + 60_000);
    expect(await gone).toBe("io server disconnect");
  });

  it("logout ends that session and its live sockets, not the account's other sessions", async () => {
    server = await startTestServer();
    const other = await server.signIn("admin", TEST_ADMIN_PASSWORD);
    const socket = await server.client("staff");
    const gone = closed(socket);
    const out = await server.api("/api/auth/logout", { method: "POST" });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/magboard_session=;.*Max-Age=0/);
    expect(await gone).toBe("io server disconnect");
    expect((await server.api("/api/board")).status).toBe(401);
    expect((await server.api("/api/board", { as: other })).status).toBe(200);
  });

  it("disabling an account ends its sessions and sockets at once", async () => {
    server = await startTestServer();
    const desk = await server.sessionAs("desk");
    const socket = await server.client("staff", { as: desk });
    const gone = closed(socket);
    const account = (await server.api("/api/accounts")).body.find((a: { id: number }) => a.id === desk.accountId);
    expect((await server.api(`/api/accounts/${desk.accountId}`, { method: "PATCH", json: { version: account.version, active: false } })).status).toBe(200);
    expect(await gone).toBe("io server disconnect");
    expect((await server.api("/api/board", { as: desk })).status).toBe(401);
    const again = await server.api("/api/auth/login", { method: "POST", json: { username: desk.username, password: `own-${desk.username}-pw` }, as: "anonymous" });
    expect(again.status).toBe(401);
  });

  it("a changed role or a password reset by the manager ends that account's sockets at once", async () => {
    server = await startTestServer();
    const desk = await server.sessionAs("desk");
    const advisor = await server.sessionAs("advisor", { advisorId: (await server.api("/api/advisors", { method: "POST", json: { name: "服务顾问 A" } })).body.record.id });
    const deskSocket = await server.client("staff", { as: desk });
    const advisorSocket = await server.client("staff", { as: advisor });
    const deskGone = closed(deskSocket);
    const account = (await server.api("/api/accounts")).body.find((a: { id: number }) => a.id === desk.accountId);
    expect((await server.api(`/api/accounts/${desk.accountId}`, { method: "PATCH", json: { version: account.version, role: "display" } })).status).toBe(200);
    expect(await deskGone).toBe("io server disconnect");

    const advisorGone = closed(advisorSocket);
    expect((await server.api(`/api/accounts/${advisor.accountId}/password`, { method: "POST", json: { password: "reset-by-manager" } })).status).toBe(200);
    expect(await advisorGone).toBe("io server disconnect");
    expect((await server.api("/api/board", { as: advisor })).status).toBe(401);
  });

  it("revoking an API token closes the sockets it opened; other sockets stay", async () => {
    server = await startTestServer();
    const created = (await server.api("/api/tokens", { method: "POST", json: { name: "DMS", role: "desk" } })).body;
    const socket = await server.client("staff", { as: "anonymous", auth: { token: created.secret } });
    const bystander = await server.client("staff");
    await follow(socket, DATE);
    const gone = closed(socket);
    expect((await server.api(`/api/tokens/${created.record.id}`, { method: "DELETE" })).status).toBe(200);
    expect(await gone).toBe("io server disconnect");
    expect(bystander.connected).toBe(true);
    await expect(server.client("staff", { as: "anonymous", auth: { token: created.secret } })).rejects.toThrow("unauthorized");
  });

  it("revoking a display disconnects that screen at once and its key no longer connects; other screens stay", async () => {
    server = await startTestServer();
    const pair = async (visibility: "public" | "staff") => {
      const res = await server.api("/api/displays", { method: "POST", json: { name: "前台大屏", visibility, language: "zh-CN" } });
      return { id: res.body.record.id as number, key: res.body.secret as string };
    };
    const doomed = await pair("staff");
    const kept = await pair("public");
    const screen = await server.client("display", { auth: { key: doomed.key } });
    const other = await server.client("display", { auth: { key: kept.key } });
    await follow(screen, DATE);
    const gone = closed(screen);
    const res = await server.api(`/api/displays/${doomed.id}`, { method: "DELETE" });
    expect(res.status).toBe(200);
    expect(res.body.record.revoked).toBe(true);
    expect(await gone).toBe("io server disconnect");
    expect(other.connected).toBe(true);
    await expect(server.client("display", { auth: { key: doomed.key } })).rejects.toThrow("unauthorized");
    await expect(server.client("display", { auth: { key: "dk_" + "x".repeat(43) } })).rejects.toThrow("unauthorized");
  });
});

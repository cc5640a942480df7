import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ack, CommandResult } from "../../shared/protocol.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import { startPostgres, type PostgresServer } from "../../scripts/cluster/postgres.js";
import { freePort } from "../helpers/server-process.js";
import { newTestSite } from "../helpers/pg-sites.js";
import { storedViolations } from "../helpers/db-invariants.js";
import { booking, seedBasics, startTestServer, type TestServer } from "../helpers/test-server.js";

// The run's shared PostgreSQL serves every other test file at once; stopping it here would fail
// theirs, so this file stops a server of its own.

describe("a site's PostgreSQL going away under a running app", () => {
  let dir: string;
  let postgres: PostgresServer;
  let server: TestServer;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "magboard-pg-outage-"));
    postgres = await startPostgres({ dir, port: await freePort() });
    server = await startTestServer({ engine: "postgres", site: await newTestSite(postgres.url) });
  });
  afterAll(async () => {
    await server?.close();
    await postgres?.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(["stop", "crash"] as const)("refuses a command clearly while it is down (%s), changes nothing, and takes the next one once it is back", async (how) => {
    const { advisors } = await seedBasics(server);
    const made = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { startTime: "11:00", plate: `京A·3000${how.length}` }) });
    const card = made.body.record as Appointment;
    const before = (await server.api("/api/health")).body.revision as number;
    const editor = await server.client("staff");

    await postgres[how]();
    const rest = await server.api(`/api/appointments/${card.id}/move`, { method: "POST", json: { version: card.version, startTime: "15:00" } });
    expect(rest.status).toBe(503);
    expect(rest.body.error).toEqual({ code: "unavailable", message: "the database cannot be reached just now; nothing was changed, try again in a moment" });
    const socket: Ack<CommandResult> = await editor.emitWithAck("board:command", { command: { type: "appointment.move", id: card.id, version: card.version, startTime: "16:00" } });
    expect(socket.ok).toBe(false);
    if (!socket.ok) expect(socket.error.code).toBe("unavailable");
    const health = await server.api("/api/health", { as: "anonymous" });
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ database: "unavailable", revision: null });

    await postgres.start();
    // nothing of the refused moves was kept
    expect((await server.api(`/api/appointments/${card.id}`)).body).toEqual(card);
    expect((await server.api("/api/health")).body.revision).toBe(before);
    // the same app, no restart: its pool opens new connections
    const moved = await server.api(`/api/appointments/${card.id}/move`, { method: "POST", json: { version: card.version, startTime: "15:00" } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.revision).toBe(before + 1);
    const again: Ack<CommandResult> = await editor.emitWithAck("board:command", { command: { type: "appointment.move", id: card.id, version: card.version + 1, startTime: "16:00" } });
    expect(again.ok, JSON.stringify(again)).toBe(true);
    expect(await storedViolations(server.sql)).toEqual([]);
  });
});

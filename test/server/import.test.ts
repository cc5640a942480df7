import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BoardPatch } from "../../shared/schemas/board.js";
import { booking, ENGINES, follow, nextEvent, seedBasics, startTestServer, type TestServer } from "../helpers/test-server.js";

/** booking() types its title as a string; an import row must carry the literal. */
const row = (advisorId: number, over: Record<string, unknown> = {}) => ({ ...booking(advisorId, over), customerTitle: "mr" as const });

describe.each(ENGINES)("appointment.import on %s", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ engine });
  });
  afterEach(async () => {
    await server.close();
  });

  it("creates every row as one change that followers receive in one patch", async () => {
    const { advisors, bay } = await seedBasics(server);
    const editor = await server.client("staff");
    const start = await follow(editor, "2026-11-27");
    if (start.kind !== "snapshot") throw new Error("expected a snapshot");
    const patchP = nextEvent<BoardPatch>(editor, "board:patch");
    const rows = [row(advisors[0]!), row(advisors[1]!, { startTime: "11:00", plate: "沪B·D1234", bayId: bay })];
    const ack = await editor.emitWithAck("board:command", { command: { type: "appointment.import", rows } });
    expect(ack.ok).toBe(true);
    const patch = await patchP;
    expect(patch.revision).toBe(start.snapshot.revision + 1);
    expect(patch.ops).toHaveLength(2);
    const day = (await server.api("/api/board?date=2026-11-27")).body;
    expect(day.appointments.map((a: { plate: string }) => a.plate).sort()).toEqual(["京A·12345", "沪B·D1234"]);
    const audit = (await server.api("/api/audit?date=2026-11-27")).body;
    expect(audit.filter((e: { action: string }) => e.action === "appointment.import")).toHaveLength(2);
  });

  it("saves nothing when one row is bad, and names the row and field", async () => {
    const { advisors } = await seedBasics(server);
    const editor = await server.client("staff");
    const rows = [row(advisors[0]!), row(advisors[0]!, { startTime: "25:00" })];
    const ack = await editor.emitWithAck("board:command", { command: { type: "appointment.import", rows } });
    expect(ack.ok).toBe(false);
    if (!ack.ok) expect(ack.error.field).toBe("command.rows.1.startTime");
    expect((await server.api("/api/board?date=2026-11-27")).body.appointments).toEqual([]);
  });

  it("saves nothing when a row names an advisor that does not exist", async () => {
    const { advisors } = await seedBasics(server);
    const editor = await server.client("staff");
    const rows = [row(advisors[0]!), row(advisors[0]!), row(9999)];
    const ack = await editor.emitWithAck("board:command", { command: { type: "appointment.import", rows } });
    expect(ack.ok).toBe(false);
    if (!ack.ok) expect(ack.error).toMatchObject({ code: "invalid_payload", field: "rows.2.advisorId" });
    expect((await server.api("/api/board?date=2026-11-27")).body.appointments).toEqual([]);
  });

  it("takes the same rows over REST, answering 201 with the created cards or 400 naming the row", async () => {
    const { advisors } = await seedBasics(server);
    const bad = await server.api("/api/appointments/import", { method: "POST", json: { rows: [row(advisors[0]!), row(advisors[0]!, { plate: "!" })] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("rows.1.plate");
    const good = await server.api("/api/appointments/import", { method: "POST", json: { rows: [row(advisors[0]!), row(advisors[1]!)] } });
    expect(good.status).toBe(201);
    expect(good.body.record.imported.map((a: { advisorId: number }) => a.advisorId)).toEqual([advisors[0], advisors[1]]);
    expect((await server.api("/api/board?date=2026-11-27")).body.appointments).toHaveLength(2);
  });
});

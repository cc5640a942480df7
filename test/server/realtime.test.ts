import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BoardPatch } from "../../shared/schemas/board.js";
import { booking, ENGINES, follow, nextEvent, seedBasics, startTestServer, type TestServer } from "../helpers/test-server.js";
import { PROTOCOL_VERSION, TODAY } from "../../shared/protocol.js";
import { localParts } from "../../shared/rules/zoned-time.js";

describe.each(ENGINES)("live protocol on %s", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ engine });
  });
  afterEach(async () => {
    await server.close();
  });

  it("pushes a change made by one client to another with the next revision", async () => {
    const { advisors } = await seedBasics(server);
    const created = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!) });
    const editor = await server.client("staff");
    const display = await server.client("display");
    const start = await follow(display, "2026-11-27");
    if (start.kind !== "snapshot") throw new Error("expected a snapshot");
    expect(start.snapshot.appointments).toHaveLength(1);

    const patchP = nextEvent<BoardPatch>(display, "board:patch");
    const ack = await editor.emitWithAck("board:command", {
      command: { type: "appointment.move", id: created.body.record.id, version: 1, advisorId: advisors[1]!, startTime: "11:00" },
    });
    expect(ack.ok).toBe(true);
    const patch = await patchP;
    expect(patch.revision).toBe(start.snapshot.revision + 1);
    const op = patch.ops[0];
    expect(op?.kind).toBe("appointment");
    if (op?.kind === "appointment") {
      expect(op.appointment.advisorId).toBe(advisors[1]);
      expect(op.appointment.startTime).toBe("11:00");
      // the display namespace is public: masked on the server
      expect(op.appointment.customerName).toBe("张**");
      expect(op.appointment.plate).toBe("京A·***45");
      expect(op.appointment.phone).toBe("");
    }
  });

  it("sends followers of another date an empty tick, so revisions stay consecutive", async () => {
    const { advisors } = await seedBasics(server);
    const display = await server.client("display");
    const start = await follow(display, "2026-11-28");
    if (start.kind !== "snapshot") throw new Error("expected a snapshot");
    const patchP = nextEvent<BoardPatch>(display, "board:patch");
    await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!) });
    const patch = await patchP;
    expect(patch.revision).toBe(start.snapshot.revision + 1);
    expect(patch.ops).toEqual([]);
  });

  it("replays what a client missed when it follows again with the revision it holds", async () => {
    const { advisors } = await seedBasics(server);
    const display = await server.client("display");
    const start = await follow(display, "2026-11-27");
    if (start.kind !== "snapshot") throw new Error("expected a snapshot");
    display.disconnect();
    await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!) });
    await server.api("/api/appointments", { method: "POST", json: booking(advisors[1]!, { date: "2026-11-30" }) });
    const again = await server.client("display");
    const replay = await follow(again, "2026-11-27", start.snapshot.revision);
    expect(replay.kind).toBe("patches");
    if (replay.kind !== "patches") return;
    expect(replay.patches.map((p) => p.revision)).toEqual([start.snapshot.revision + 1, start.snapshot.revision + 2]);
    expect(replay.patches[0]!.ops).toHaveLength(1);
    expect(replay.patches[1]!.ops).toEqual([]);
  });

  it("answers a socket command with the same error shape as REST", async () => {
    const editor = await server.client("staff");
    const ack = await editor.emitWithAck("board:command", {
      // a hand-rolled client may send anything; the types would stop ours, so cast at the edge
      command: { type: "appointment.create", input: { date: "2026-02-30" } } as never,
    });
    expect(ack.ok).toBe(false);
    if (!ack.ok) {
      expect(ack.error.code).toBe("invalid_payload");
      expect(ack.error.field).toBe("command.input.date");
    }
  });

  it("refuses a client that speaks another protocol version", async () => {
    const display = await server.client("display");
    const res = await display.emitWithAck("board:follow", { date: "2026-11-27", protocol: 999 });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe("protocol_mismatch");
  });

  it("gives a screen that asks for today the site's today by the server's clock, and joins that day", async () => {
    const { advisors } = await seedBasics(server);
    const zone = ((await server.api("/api/settings")).body as { timeZone: string }).timeZone;
    const today = localParts(((await server.api("/api/health")).body as { serverTime: number }).serverTime, zone).date;
    const created = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { date: today }) });
    const display = await server.client("display");
    const res = await follow(display, TODAY);
    if (res.kind !== "snapshot") throw new Error("expected a snapshot");
    expect(res.snapshot.date).toBe(today);
    expect(res.snapshot.appointments.map((a) => a.id)).toEqual([created.body.record.id]);
    // it is in today's room: a move on today reaches it in full, not as another day's empty tick
    const patchP = nextEvent<BoardPatch>(display, "board:patch");
    const editor = await server.client("staff");
    expect((await editor.emitWithAck("board:command", { command: { type: "appointment.move", id: created.body.record.id, version: 1, startTime: "11:30" } })).ok).toBe(true);
    expect((await patchP).ops).toHaveLength(1);
  });

  it("refuses a follow of a day it cannot read, naming the field", async () => {
    const display = await server.client("display");
    const res = await display.emitWithAck("board:follow", { date: "tomorrow", protocol: PROTOCOL_VERSION });
    expect(res.ok).toBe(false);
    if (!res.ok) expect([res.error.code, res.error.field]).toEqual(["invalid_payload", "date"]);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import type { Actor } from "../../shared/schemas/actor.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import { maskAppointment } from "../../shared/rules/mask.js";
import { displayedPart } from "../../shared/display-wire.js";
import { CommandSchema } from "../../shared/schemas/commands.js";
import { FAR_DATE, seedBoard } from "../helpers/seed.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { SyncedScreen, whenAll } from "../helpers/synced-screen.js";

const BOUND = 50;
const BURST = 40;
const DESK: Actor = { id: "desk-1", name: "前台", role: "desk" };

describe("a display that stops reading", () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it("is dropped past the bound, the others are untouched, and it resyncs when it reads again", { timeout: 60_000 }, async () => {
    server = await startTestServer({ maxPendingPackets: BOUND });
    // the heartbeat also drops a screen that stops reading, after 15 s; this test is about the queue
    // bound, so the heartbeat is made slow enough never to be what drops it, even on a busy machine
    server.app.io.engine.opts.pingInterval = 120_000;
    const board = await seedBoard(server.url, server.manager.cookie, 4);
    // the displays' own heartbeat likewise: the bursts below hold this process's one event loop (server
    // and screens alike) for a while on a busy machine, and that must not be what drops a screen
    const patient = { heartbeatTimeoutMs: 120_000 };
    const frozen = new SyncedScreen(server.url, "display", FAR_DATE, patient);
    const others = Array.from({ length: 4 }, () => new SyncedScreen(server.url, "display", FAR_DATE, patient));
    const all = [frozen, ...others];
    const start = await server.app.board.revision();
    await whenAll(all, (f) => f.revision() === start, "everyone following");

    const firstConnection = frozen.socket.id;
    const thaw = frozen.freeze();
    const pendingSeen: number[] = [];
    const version = new Map(board.cards.map((c) => [c.id, c.version]));
    // changes come in bursts, as when a desk reshuffles the afternoon, each a few KB on the wire;
    // between bursts the server gets to write to the screens that read
    for (let i = 0; server.app.hub.displays() === all.length; i++) {
      const card = board.cards[i % board.cards.length]!;
      const work = `${i} 更换前刹车片，检查底盘异响，`.repeat(20).slice(0, 500);
      const ack = await server.app.board.execute(CommandSchema.parse({ type: "appointment.update", id: card.id, version: version.get(card.id)!, changes: { workRequested: work } }), DESK);
      if (!ack.ok) throw new Error(ack.error.message);
      version.set(card.id, (ack.data.record as Appointment).version);
      for (const s of server.app.io.of("/display").sockets.values()) {
        pendingSeen.push((s.conn as unknown as { writeBuffer: unknown[] }).writeBuffer.length);
      }
      if (i % BURST === BURST - 1) await new Promise((resolve) => setImmediate(resolve));
    }
    console.info(`dropped after ${await server.app.board.revision() - start} changes`);
    expect(server.app.hub.droppedSlow(), "dropped for its queue, before the heartbeat gave up on it").toBe(1);
    // the server never queued more than the bound (+ the one packet that crossed it) for anyone
    expect(Math.max(...pendingSeen)).toBeLessThanOrEqual(BOUND + 2);
    expect(server.app.hub.displays()).toBe(others.length);

    const final = await server.app.board.revision();
    await whenAll(others, (f) => f.revision() === final, "the other displays keep up");
    for (const f of others) {
      expect(f.snapshots, "never dropped, never needed a fresh board").toBe(1);
      expect(f.problems).toEqual([]);
    }

    thaw();
    // it reads what was queued, then the server's goodbye, and must come back by itself on a new connection
    const back = (f: SyncedScreen) => f.socket.connected && f.socket.id !== firstConnection && f.sync.status === "live" && f.revision() === final;
    await whenAll([frozen], back, "the thawed display back on a new connection and caught up", 20_000);
    expect(frozen.problems).toEqual([]);
    expect(server.app.hub.displays()).toBe(all.length);
    const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
    // a display holds what its wire carries: the fields it uses, masked (shared/display-wire.ts)
    const expected = (await server.app.board.snapshot(FAR_DATE)).appointments.map(maskAppointment).sort(byId).map(displayedPart);
    for (const f of all) expect([...f.state!.appointments].sort(byId).map(displayedPart)).toEqual(expected);
    all.forEach((f) => f.close());
  });
});

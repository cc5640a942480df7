import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Ack, CommandResult } from "../../shared/protocol.js";
import type { BoardPatch } from "../../shared/schemas/board.js";
import { booking, ENGINES, follow, seedBasics, startTestServer } from "../helpers/test-server.js";

const halfPast = (hhmm: string) => `${hhmm.slice(0, 2)}:30`;

/**
 * Commands that reach the server together share one commit (issue 16, point 3). What a user relies on:
 * each is answered on its own, a refused one changes nothing while the others land, the screens get
 * every change once in revision order, and everything acknowledged is still there after a restart.
 */
describe.each(ENGINES)("group commit on %s", (engine) => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "magboard-group-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("answers each of a burst of moves on its own, refuses the stale one alone, and keeps every acknowledged move", async () => {
    const file = path.join(dir, "board.sqlite");
    const server = await startTestServer({ engine, file });
    const { advisors } = await seedBasics(server);
    const cards: { id: number; version: number; startTime: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const made = await server.api("/api/appointments", {
        method: "POST",
        json: booking(advisors[i % advisors.length]!, { startTime: `${10 + i}:00`, plate: `京A·1${String(i).padStart(4, "0")}` }),
      });
      cards.push(made.body.record);
    }
    const display = await server.client("display");
    const start = await follow(display, "2026-11-27");
    if (start.kind !== "snapshot") throw new Error("expected a snapshot");
    const patches: BoardPatch[] = [];
    display.on("board:patch", (p: BoardPatch) => patches.push(p));
    const editor = await server.client("staff");

    // all emitted in one go, so the server reads them together; the sixth was based on a version nobody has
    // (the test server's clock reads 09:00, so none of these is late)
    const stale = cards[5]!;
    const answers: Ack<CommandResult>[] = await Promise.all(
      cards.map((c) =>
        editor.emitWithAck("board:command", {
          command: { type: "appointment.move", id: c.id, version: c === stale ? 99 : c.version, startTime: halfPast(c.startTime) },
        }),
      ),
    );

    const refused = answers[5]!;
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe("version_conflict");
    const landed = answers.filter((a): a is Extract<Ack<CommandResult>, { ok: true }> => a.ok);
    expect(landed, JSON.stringify(answers.filter((a) => !a.ok))).toHaveLength(9);
    const revisions = landed.map((a) => a.data.revision).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: 9 }, (_, i) => start.snapshot.revision + 1 + i));

    // the screen hears of each once, in revision order, with nothing for the refused one
    await expect.poll(() => patches.length).toBe(9);
    expect(patches.map((p) => p.revision)).toEqual(revisions);
    expect(patches.flatMap((p) => p.ops.map((op) => (op.kind === "appointment" ? op.appointment.id : -1)))).not.toContain(stale.id);
    const untouched = (await server.api(`/api/appointments/${stale.id}`)).body;
    expect(untouched).toMatchObject({ version: stale.version, startTime: "15:00" });
    await server.close();

    // acknowledged means durable: after a restart every landed move is there, each with its audit entry
    // (on PostgreSQL a new app on the same site's schema)
    const again = await startTestServer({ engine, file, site: server.site ?? undefined });
    const board = (await again.api("/api/board?date=2026-11-27")).body as { revision: number; appointments: { id: number; startTime: string }[] };
    expect(board.revision).toBe(revisions[revisions.length - 1]);
    for (const c of cards) expect(board.appointments.find((a) => a.id === c.id)?.startTime).toBe(c === stale ? c.startTime : halfPast(c.startTime));
    const moves = (await again.api("/api/audit?date=2026-11-27")).body as { action: string }[];
    expect(moves.filter((e) => e.action === "appointment.move")).toHaveLength(9);
    await again.close();
  });
});

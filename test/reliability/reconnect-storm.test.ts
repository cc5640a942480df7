import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BoardFollower } from "../helpers/board-follower.js";
import { cardsInDatabase } from "../helpers/db-invariants.js";
import { Editor } from "../helpers/editor.js";
import { eventually } from "../helpers/random.js";
import { signInAt } from "../helpers/sign-in.js";
import { FAR_DATE, seedBoard } from "../helpers/seed.js";
import { freePort, startServerProcess } from "../helpers/server-process.js";
import { maskAppointment } from "../../shared/rules/mask.js";
import type { ProcessHealth } from "../../server/ops/process-health.js";

const DISPLAYS = 300;

interface Health {
  revision: number;
  displays: number;
  process: ProcessHealth;
}

async function health(url: string): Promise<Health> {
  return (await (await fetch(`${url}/api/health`)).json()) as Health;
}

describe("a reconnect storm after a restart", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it(`brings ${DISPLAYS} displays back in sync within 10 s, with the server's memory bounded`, { timeout: 90_000 }, async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "magboard-storm-"));
    dirs.push(dataDir);
    const file = path.join(dataDir, "magboard.sqlite");
    const port = await freePort();
    let server = await startServerProcess({ dataDir, port });
    const cookie = await signInAt(server.url);
    const board = await seedBoard(server.url, cookie, 20);
    // socket.io-client's default backoff: 1 s doubling to 5 s, each delay ±50 % at random
    const displays = Array.from({ length: DISPLAYS }, () => new BoardFollower(server.url, "display", FAR_DATE, { reconnectionDelay: 1_000, reconnectionDelayMax: 5_000 }));
    const before = await health(server.url);
    await eventually(() => displays.every((d) => d.revision() === before.revision), "all displays following", 30_000);

    await server.kill("SIGKILL");
    server = await startServerProcess({ dataDir, port });
    // the board moves on while they come back, so each needs what it missed, not only a reconnect
    const editor = new Editor(server.url, cookie);
    await editor.connected();
    for (const [i, card] of board.cards.slice(0, 5).entries()) {
      await editor.send({ type: "appointment.move", id: card.id, version: card.version, startTime: "17:00" }, `storm-move-000${i}`);
    }
    editor.close();
    const after = await health(server.url);
    await eventually(() => displays.every((d) => d.revision() === after.revision), `all ${DISPLAYS} displays at revision ${after.revision}`, 10_000);

    const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
    const expected = cardsInDatabase(file, FAR_DATE).map(maskAppointment).sort(byId);
    for (const d of displays) {
      expect(d.problems).toEqual([]);
      expect([...d.state!.appointments].sort(byId)).toEqual(expected);
    }
    const settled = await health(server.url);
    expect(settled.displays).toBe(DISPLAYS);
    console.info(
      `after the storm: rss ${(settled.process.rssBytes / 2 ** 20).toFixed(0)} MB, heap ${(settled.process.heapUsedBytes / 2 ** 20).toFixed(0)} MB, ` +
        `event-loop delay p50 ${settled.process.eventLoopDelayMs.p50} ms, p99 ${settled.process.eventLoopDelayMs.p99} ms, max ${settled.process.eventLoopDelayMs.max} ms`,
    );
    // about 40 KB per connection is expected (performance anchors); ten times that is a leak, not noise
    expect(settled.process.heapUsedBytes).toBeLessThan(200 * 2 ** 20);
    expect(settled.process.rssBytes).toBeLessThan(400 * 2 ** 20);
    displays.forEach((d) => d.close());
    await server.kill("SIGTERM");
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { maskAppointment } from "../../shared/rules/mask.js";
import { BoardFollower } from "../helpers/board-follower.js";
import { cardsInDatabase } from "../helpers/db-invariants.js";
import { Editor } from "../helpers/editor.js";
import { SeenVersions, editLoop } from "../helpers/edit-stream.js";
import { eventually, seededRandom, sleep, type Random } from "../helpers/random.js";
import { signInAt } from "../helpers/sign-in.js";
import { FAR_DATE, seedBoard } from "../helpers/seed.js";
import { freePort, startServerProcess, type ServerProcess } from "../helpers/server-process.js";

const STORM_MS = 8_000;

async function serverRevision(url: string): Promise<number | null> {
  try {
    return ((await (await fetch(`${url}/api/health`)).json()) as { revision: number }).revision;
  } catch {
    return null;
  }
}

describe("screens under a storm of drops, freezes and restarts", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("all catch up by themselves and end equal to the database, card by card", { timeout: 90_000 }, async () => {
    const seed = Date.now() % 100_000;
    const rnd: Random = seededRandom(seed);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "magboard-converge-"));
    dirs.push(dataDir);
    const file = path.join(dataDir, "magboard.sqlite");
    const port = await freePort();
    let server: ServerProcess = await startServerProcess({ dataDir, port });
    const url = server.url;
    const cookie = await signInAt(url);
    const board = await seedBoard(url, cookie, 8);

    const followers = [
      ...Array.from({ length: 8 }, () => new BoardFollower(url, "display", FAR_DATE)),
      ...Array.from({ length: 3 }, () => new BoardFollower(url, "staff", FAR_DATE, { cookie })),
      // another day's screens see only empty ticks, and must still end on the latest revision
      ...Array.from({ length: 2 }, () => new BoardFollower(url, "display", "2030-01-16")),
    ];

    let storming = true;
    // editors keep working through the storm, reconnecting after each restart
    const editing = (async () => {
      const seen = new SeenVersions(board.cards);
      while (storming) {
        const editor = new Editor(url, cookie);
        try {
          await editor.connected();
          await editLoop(editor, rnd, seen, board.advisors, () => !storming);
        } catch {
          await sleep(100);
        } finally {
          editor.close();
        }
      }
    })();

    const thaws: (() => void)[] = [];
    const end = Date.now() + STORM_MS;
    let restarts = 0;
    let nextRestart = Date.now() + STORM_MS / 3;
    while (Date.now() < end) {
      await sleep(rnd.int(150, 500));
      const f = rnd.pick(followers);
      const act = rnd.next();
      if (Date.now() > nextRestart) {
        nextRestart += STORM_MS / 3;
        restarts++;
        await server.kill(restarts % 2 ? "SIGKILL" : "SIGTERM");
        await sleep(rnd.int(100, 800));
        server = await startServerProcess({ dataDir, port });
      } else if (act < 0.4) {
        f.socket.io.engine?.close(); // the transport drops; the client reconnects on its own
      } else if (act < 0.7) {
        const thaw = f.freeze();
        thaws.push(thaw);
        setTimeout(thaw, rnd.int(300, 2_500));
      } else {
        f.socket.disconnect();
        setTimeout(() => f.socket.connect(), rnd.int(100, 1_500));
      }
    }
    storming = false;
    await editing;
    thaws.forEach((t) => t());
    await sleep(1_600); // the last delayed reconnects
    for (const f of followers) if (!f.socket.connected && !f.socket.active) f.socket.connect();

    const final = (await serverRevision(url))!;
    await eventually(() => followers.every((f) => f.revision() === final), `every screen at revision ${final} (seed ${seed})`, 15_000);

    const inDb = cardsInDatabase(file, FAR_DATE);
    expect(inDb.length).toBe(8);
    for (const f of followers) {
      expect(f.problems, `seed ${seed}`).toEqual([]);
      const expected = f.date !== FAR_DATE ? [] : f.ns === "staff" ? inDb : inDb.map(maskAppointment);
      const held = [...f.state!.appointments].sort((a, b) => a.id - b.id);
      expect(held, `a ${f.ns} screen of ${f.date} (seed ${seed})`).toEqual([...expected].sort((a, b) => a.id - b.id));
    }
    expect(restarts).toBeGreaterThanOrEqual(2);
    followers.forEach((f) => f.close());
    await server.kill("SIGTERM");
  });
});

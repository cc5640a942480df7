import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { maskAppointment } from "../../shared/rules/mask.js";
import { displayedPart } from "../../shared/display-wire.js";
import { cardsInDatabase } from "../helpers/db-invariants.js";
import { Editor } from "../helpers/editor.js";
import { SeenVersions, editLoop } from "../helpers/edit-stream.js";
import { seededRandom, sleep, type Random } from "../helpers/random.js";
import { signInAt } from "../helpers/sign-in.js";
import { FAR_DATE, seedBoard } from "../helpers/seed.js";
import { freePort, startServerProcess, type ServerProcess } from "../helpers/server-process.js";
import { SyncedScreen, whenAll } from "../helpers/synced-screen.js";

/** Faults in the storm, a restart of the server after every third of them. */
const FAULTS = 30;
const RESTART_EVERY = 10;

async function serverRevision(url: string): Promise<number> {
  return ((await (await fetch(`${url}/api/health`)).json()) as { revision: number }).revision;
}

describe("screens under a storm of drops, freezes, sleeps and restarts", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("all catch up by themselves and end equal to the database, card by card", { timeout: 180_000 }, async () => {
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

    // the display's own sync core, backoff and heartbeat, each on a connection of its own
    const screens = [
      ...Array.from({ length: 8 }, () => new SyncedScreen(url, "display", FAR_DATE)),
      ...Array.from({ length: 3 }, () => new SyncedScreen(url, "staff", FAR_DATE, { cookie })),
      // another day's screens see only empty ticks, and must still end on the latest revision
      ...Array.from({ length: 2 }, () => new SyncedScreen(url, "display", "2030-01-16")),
    ];

    // resolved while a server is up; a restart replaces it until the new server listens
    let serverUp = Promise.resolve();
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
          await serverUp; // refused while the server was down: try again once it is back
        } finally {
          editor.close();
        }
      }
    })();

    const wakeUps: (() => void)[] = [];
    let restarts = 0;
    // counted, not timed, so a slow machine gets the same storm, only longer
    for (let fault = 1; fault <= FAULTS; fault++) {
      // the storm's own timing: how far apart the faults come is what is under test
      await sleep(rnd.int(150, 500));
      const s = rnd.pick(screens);
      const act = rnd.next();
      if (fault % RESTART_EVERY === 0) {
        restarts++;
        let up!: () => void;
        serverUp = new Promise((resolve) => (up = resolve));
        await server.kill(restarts % 2 ? "SIGKILL" : "SIGTERM");
        await sleep(rnd.int(100, 800)); // how long the server stays down
        server = await startServerProcess({ dataDir, port });
        up();
      } else if (act < 0.35) {
        s.drop();
      } else if (act < 0.7) {
        const thaw = s.freeze();
        wakeUps.push(thaw);
        setTimeout(thaw, rnd.int(300, 2_500)); // how long the page stays frozen
      } else {
        const wake = s.sleep();
        wakeUps.push(wake);
        setTimeout(wake, rnd.int(100, 1_500)); // how long the TV sleeps
      }
    }
    storming = false;
    await editing;
    // a thaw or wake-up still pending happens now rather than later (a second one changes nothing)
    wakeUps.forEach((w) => w());

    // from here nothing helps them: each screen must notice what it missed and come back on its own
    const final = await serverRevision(url);
    await whenAll(screens, (s) => s.revision() === final && s.sync.status === "live", `every screen live at revision ${final} (seed ${seed})`, 45_000);

    const inDb = await cardsInDatabase(file, FAR_DATE);
    expect(inDb.length).toBe(8);
    for (const s of screens) {
      expect(s.problems, `seed ${seed}`).toEqual([]);
      // a display holds what its wire carries: the fields it uses, masked (shared/display-wire.ts)
      const expected = s.date !== FAR_DATE ? [] : s.ns === "staff" ? inDb : inDb.map((a) => displayedPart(maskAppointment(a)));
      const held = [...s.state!.appointments].sort((a, b) => a.id - b.id).map((a) => (s.ns === "staff" ? a : displayedPart(a)));
      expect(held, `a ${s.ns} screen of ${s.date} (seed ${seed})`).toEqual([...expected].sort((a, b) => a.id - b.id));
    }
    expect(restarts).toBe(FAULTS / RESTART_EVERY);
    screens.forEach((s) => s.close());
    await server.kill("SIGTERM");
  });
});

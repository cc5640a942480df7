import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Backoff } from "../display/backoff.js";
import type { BoardState } from "../shared/board-state.js";
import type { ChangeOp } from "../shared/schemas/board.js";
import { openDisplays, whenAll, type SyncedScreen } from "../test/helpers/synced-screen.js";
import { ServerChild, type Memory } from "./lib/child.js";
import { connect } from "./lib/clients.js";
import { otherHalf } from "./lib/full-day.js";
import { median, medianOfRuns, summarize, type Summary } from "./lib/stats.js";
import { MagboardTarget } from "./lib/targets.js";
import type { MagboardReady } from "./servers/magboard-server.js";
import type { BareReady } from "./servers/bare-server.js";

/** From the kill until the server listens again: past either server's start-up, so both come back at the same moment. */
const DOWN_MS = 1_500;
/** Changes made as soon as the server is back, so that every display needs what it missed, not only a reconnect. */
const CHANGES = 5;

export interface StormRun {
  /** kill → listening again, ms */
  downMs: number;
  /** kill → each display live at the newest revision, ms */
  back: Summary;
  /** listening → the last display back, ms */
  lastFromUpMs: number;
  /** after a full GC, with the displays following calmly before the kill, and once all are back after it */
  calm: Memory;
  after: Memory;
}

export interface StormSide {
  target: string;
  downMs: number;
  back: Summary;
  lastFromUpMs: number;
  /** after ÷ calm, median over the runs */
  heapRatio: number;
  rssRatio: number;
  after: Memory;
  runs: StormRun[];
}

export interface StormResult {
  displays: number;
  downMs: number;
  /** changes made as the server came back */
  changes: number;
  ours: StormSide;
  bare: StormSide;
  /** the last display back after the kill, magboard ÷ bare Socket.IO */
  lastRatio: number;
}

type Child = ServerChild<{ port: number }>;

interface StormTarget {
  name: string;
  /** The first start, or the restart on the same port listening at `listenAt` (ms since epoch). */
  start(restart: { port: number; listenAt: number } | null): Promise<Child>;
  /** Makes CHANGES changes on the restarted server; answers the newest revision. */
  change(child: Child): Promise<number>;
}

/**
 * `n` displays running the display's own sync core and backoff. Display i always draws the same
 * jitter ((i + ½) / n, spread evenly over the room), so both servers meet the very same schedule
 * of reconnect attempts.
 */
function openScreens(url: string, date: string, n: number): Promise<SyncedScreen[]> {
  return openDisplays(url, date, n, (i) => ({ backoff: new Backoff(undefined, undefined, () => (i + 0.5) / n) }));
}

async function stormOnce(target: StormTarget, date: string, n: number): Promise<{ run: StormRun; snapshot: BoardState }> {
  const first = await target.start(null);
  let second: Child | null = null;
  let screens: SyncedScreen[] = [];
  try {
    screens = await openScreens(`http://127.0.0.1:${first.ready.port}`, date, n);
    const snapshot = screens[0]!.state!;
    const calm = await first.memory();
    // when each display is first live at each revision after the kill
    const reached = screens.map((s) => {
      const at = new Map<number, number>();
      s.onUpdate(() => {
        if (s.sync.status === "live" && !at.has(s.revision())) at.set(s.revision(), performance.now());
      });
      return at;
    });
    const listenAt = Date.now() + DOWN_MS;
    const killedAt = performance.now();
    await first.kill();
    second = await target.start({ port: first.ready.port, listenAt });
    const upAt = performance.now();
    const newest = await target.change(second);
    await whenAll(screens, (s) => s.sync.status === "live" && s.revision() >= newest, `all ${n} displays back at revision ${newest}`, 120_000);
    const problems = screens.flatMap((s) => s.problems);
    if (problems.length) throw new Error(`${target.name}: ${problems.length} problems, e.g. ${problems[0]}`);
    const back = reached.map((at) => Math.min(...[...at].filter(([rev]) => rev >= newest).map(([, t]) => t)) - killedAt);
    const after = await second.memory();
    return { run: { downMs: upAt - killedAt, back: summarize(back), lastFromUpMs: Math.max(...back) - (upAt - killedAt), calm, after }, snapshot };
  } finally {
    screens.forEach((s) => s.close());
    await first.stop();
    await second?.stop();
  }
}

function magboard(dir: string, date: string): StormTarget {
  let cards: MagboardReady["cards"] = [];
  return {
    name: "magboard",
    async start(restart) {
      const env: Record<string, string> = { BENCH_DIR: dir, BENCH_DATE: date };
      if (restart) Object.assign(env, { BENCH_RESTART: "1", BENCH_PORT: String(restart.port), BENCH_LISTEN_AT: String(restart.listenAt) });
      const child = await ServerChild.start<MagboardReady>("magboard-server.ts", env);
      if (!restart) cards = child.ready.cards;
      return child;
    },
    async change(child) {
      const editor = await MagboardTarget.open({ port: child.ready.port, date, cards });
      for (let i = 0; i < CHANGES; i++) await editor.send();
      await editor.close();
      if (editor.errors.length) throw new Error(`magboard refused a change: ${editor.errors[0]}`);
      return editor.revision;
    },
  };
}

/** The baseline serves the board magboard's display received, from memory, and keeps no state across the kill but that file. */
function bare(dir: string, board: BoardState): StormTarget {
  const file = path.join(dir, "board.json");
  writeFileSync(file, JSON.stringify(board));
  return {
    name: "bare Socket.IO",
    async start(restart) {
      const env: Record<string, string> = { BENCH_BOARD_FILE: file };
      if (restart) Object.assign(env, { BENCH_PORT: String(restart.port), BENCH_LISTEN_AT: String(restart.listenAt) });
      return ServerChild.start<BareReady>("bare-server.ts", env);
    },
    async change(child) {
      const sender = await connect(`http://127.0.0.1:${child.ready.port}`);
      let revision = board.revision;
      for (const a of board.appointments.slice(0, CHANGES)) {
        const ops: ChangeOp[] = [{ kind: "appointment", appointment: { ...a, version: a.version + 1, startTime: otherHalf(a.startTime) } }];
        const res = (await sender.emitWithAck("board:change", ops)) as { ok: boolean; revision: number };
        if (!res.ok) throw new Error("the baseline refused a change");
        revision = res.revision;
      }
      sender.disconnect();
      return revision;
    },
  };
}

function side(target: string, runs: StormRun[]): StormSide {
  return {
    target,
    downMs: median(runs.map((r) => r.downMs)),
    back: medianOfRuns(runs.map((r) => r.back)),
    lastFromUpMs: median(runs.map((r) => r.lastFromUpMs)),
    heapRatio: median(runs.map((r) => r.after.heapUsed / r.calm.heapUsed)),
    rssRatio: median(runs.map((r) => r.after.rss / r.calm.rss)),
    after: { heapUsed: median(runs.map((r) => r.after.heapUsed)), rss: median(runs.map((r) => r.after.rss)) },
    runs,
  };
}

/**
 * A reconnect storm: `n` displays follow the full day, the server is SIGKILLed and listens again
 * DOWN_MS later, CHANGES changes are made at once, and every display must come back by itself,
 * live at the newest revision. magboard and the baseline take turns (ABBA over the runs).
 */
export async function measureStorm(tmp: string, date: string, n: number, repeats: number, log: (m: string) => void): Promise<StormResult> {
  const ours: StormRun[] = [];
  const theirs: StormRun[] = [];
  let board: BoardState | null = null;
  for (let r = 0; r < repeats; r++) {
    const dir = path.join(tmp, `storm-${r}`);
    mkdirSync(dir);
    const order = r % 2 === 0 || !board ? ["ours", "bare"] : ["bare", "ours"];
    for (const which of order) {
      log(`reconnect storm run ${r + 1}/${repeats}: ${n} displays, ${which === "ours" ? "magboard" : "bare Socket.IO"}`);
      if (which === "ours") {
        const done = await stormOnce(magboard(dir, date), date, n);
        ours.push(done.run);
        board ??= done.snapshot;
      } else {
        theirs.push((await stormOnce(bare(dir, board!), date, n)).run);
      }
    }
  }
  const o = side("magboard", ours);
  const b = side("bare Socket.IO", theirs);
  return { displays: n, downMs: DOWN_MS, changes: CHANGES, ours: o, bare: b, lastRatio: o.back.max / b.back.max };
}

// `npx tsx bench/profile-statements.ts`: the pipeline section's moves (bench/pipeline-cost.ts) with
// every SQLite statement timed, to say where a move's server time goes: per statement, how often a
// move runs it and its time per move, and the COMMIT's own spread (its fsync, and the WAL
// checkpoints that land in one commit in a hundred). A CPU profile cannot say this: better-sqlite3
// runs a statement inside the JavaScript frame that called it.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { addDays, localParts } from "../shared/rules/zoned-time.js";
import { measurePipeline } from "./pipeline-cost.js";

type Timed = { n: number; ms: number[] };
const statements = new Map<string, Timed>();
let timing = false;
const BARE = "run UPDATE bench_row SET n = n + 1 WHERE id = 1";
/** The statement timed last: the COMMIT after the bench's bare UPDATE is the baseline's, not the move's. */
let last = "";
const probe = new Database(":memory:");
const proto = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<"run" | "get" | "all", (...a: unknown[]) => unknown>;
probe.close();
for (const method of ["run", "get", "all"] as const) {
  const original = proto[method];
  proto[method] = function (this: { source: string }, ...args: unknown[]) {
    if (!timing) return original.apply(this, args);
    const t = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      let key = `${method} ${this.source.replace(/\s+/g, " ").slice(0, 100)}`;
      if (last === BARE && key !== BARE) key += " (the baseline's)";
      last = key;
      const s = statements.get(key) ?? { n: 0, ms: [] };
      s.n++;
      s.ms.push(performance.now() - t);
      statements.set(key, s);
    }
  };
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))] ?? 0;
const dir = mkdtempSync(path.join(os.tmpdir(), "magboard-statements-"));
try {
  const date = addDays(localParts(Date.now(), "Asia/Shanghai").date, 1);
  // the day is seeded first, untimed; the bench's bare commit runs one UPDATE per move, which counts the moves
  setTimeout(() => (timing = true), 0);
  const r = await measurePipeline(dir, date, 3, 2_000);
  const moves = statements.get(BARE)?.n ?? 1;
  process.stdout.write(`move p50 ${r.move.p50.toFixed(3)} ms, bare commit p50 ${r.bareCommit.p50.toFixed(3)} ms, ${moves} moves timed\n\n`);
  process.stdout.write("per move  µs/move   p50 µs  statement\n");
  for (const [key, s] of [...statements].sort((a, b) => b[1].ms.reduce((x, y) => x + y, 0) - a[1].ms.reduce((x, y) => x + y, 0))) {
    const total = s.ms.reduce((x, y) => x + y, 0);
    process.stdout.write(`${(s.n / moves).toFixed(2).padStart(8)}  ${((1000 * total) / moves).toFixed(1).padStart(7)}  ${(1000 * quantile(s.ms, 0.5)).toFixed(1).padStart(7)}  ${key}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

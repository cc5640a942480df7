import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../server/db/open-database.js";
import { createApp } from "../server/app.js";
import { systemClock } from "../server/board/clock.js";
import { silentLogger } from "../server/logger.js";
import type { Actor } from "../shared/schemas/actor.js";
import { CommandSchema } from "../shared/schemas/commands.js";
import type { Appointment } from "../shared/schemas/appointment.js";
import { otherHalf, seedFullDay } from "./lib/full-day.js";
import type { FixtureName } from "../shared/schemas/sample.js";
import { medianOfRuns, summarize, type Summary } from "./lib/stats.js";

export interface PipelineResult {
  /** A move as a transport runs it: validation, then `board.execute` (version check, FULL commit with audit and change log, answer), then the publish and the clock's re-check that follow it, to the next turn of the event loop */
  move: Summary;
  /** Baseline: a bare one-row UPDATE in its own transaction on the same file and settings */
  bareCommit: Summary;
}

const actor: Actor = { id: "bench", name: "bench", role: "manager" };

/** In process, no sockets: what one editor's move costs the server's event loop, beside the commit it cannot avoid. */
export async function measurePipeline(dir: string, date: string, repeats: number, samples: number, fixture: FixtureName = "full"): Promise<PipelineResult & { cards: number }> {
  const db = openDatabase(path.join(dir, `pipeline-${fixture}-${Date.now()}.sqlite`), { synchronous: "FULL" });
  const app = await createApp({ db, clock: systemClock, log: silentLogger, defaults: { timeZone: "Asia/Shanghai", sample: false } });
  try {
    const run = async <R>(command: unknown, requestId?: string): Promise<R> => {
      const answer = await app.board.execute(CommandSchema.parse(command), actor, requestId);
      if (!answer.ok) throw new Error(`command failed: ${JSON.stringify(answer)}`);
      return answer.data.record as R;
    };
    const cards = await seedFullDay(app.board, date, fixture);
    const dayCards = (await app.board.snapshot(date)).appointments.length;
    db.exec("CREATE TABLE bench_row (id INTEGER PRIMARY KEY, n INTEGER NOT NULL); INSERT INTO bench_row VALUES (1, 0);");
    const bump = db.prepare("UPDATE bench_row SET n = n + 1 WHERE id = 1");
    const bareTx = db.transaction(() => bump.run());

    let next = 0;
    const moves: Summary[] = [];
    const commits: Summary[] = [];
    for (let r = 0; r < repeats; r++) {
      const m: number[] = [];
      const c: number[] = [];
      for (let i = 0; i < samples; i++) {
        const card = cards[next++ % cards.length]!;
        const startTime = otherHalf(card.startTime);
        let t = performance.now();
        const moved = await run<Appointment>({ type: "appointment.move", id: card.id, version: card.version, startTime }, `bench-${r}-${i}-${next}`);
        // resumes once the board's announcement (on the next tick) and the clock's re-check after it
        // have run; a turn of the event loop is the one wait sure to come after both
        await new Promise((resolve) => setImmediate(resolve));
        m.push(performance.now() - t);
        cards[(next - 1) % cards.length] = moved;
        t = performance.now();
        bareTx.immediate();
        c.push(performance.now() - t);
      }
      moves.push(summarize(m));
      commits.push(summarize(c));
    }
    return { move: medianOfRuns(moves), bareCommit: medianOfRuns(commits), cards: dayCards };
  } finally {
    void app.close();
    db.close();
  }
}

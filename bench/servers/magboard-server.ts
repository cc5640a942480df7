// The real magboard server (createApp, as main.ts wires it) on a real SQLite file with
// synchronous=FULL (unless asked otherwise) in a temp dir, seeded with the full-day fixture through the pipeline itself.
// BENCH_RESTART=1 opens the same file again without seeding (after a kill); BENCH_PORT and
// BENCH_LISTEN_AT bring it back on the same address at a given moment; BENCH_FIXTURE seeds another day (busy, big).
import path from "node:path";
import type { AddressInfo } from "node:net";
import { openDatabase } from "../../server/db/open-database.js";
import { createApp } from "../../server/app.js";
import { systemClock } from "../../server/board/clock.js";
import { silentLogger } from "../../server/logger.js";
import { BENCH_ADMIN_PASSWORD, seedFullDay, type BenchCard } from "../lib/full-day.js";
import { delayUntilListen, serveParent } from "../lib/child.js";
import type { FixtureName } from "../../shared/schemas/sample.js";

export interface MagboardReady {
  port: number;
  date: string;
  cards: BenchCard[];
}

const dir = process.env.BENCH_DIR!;
const date = process.env.BENCH_DATE!;
// FULL is what the server runs with; NORMAL only to see what the per-commit fsync costs (`--synchronous=NORMAL`)
const db = openDatabase(path.join(dir, "magboard.sqlite"), { synchronous: process.env.BENCH_SYNCHRONOUS === "NORMAL" ? "NORMAL" : "FULL" });
const app = await createApp({
  db,
  clock: systemClock,
  log: silentLogger,
  ...(process.env.BENCH_STATIC ? { staticDir: process.env.BENCH_STATIC } : {}),
  defaults: { timeZone: "Asia/Shanghai", sample: false },
  adminPassword: BENCH_ADMIN_PASSWORD,
});

// a restart knows nothing of the cards; the bench kept them from the first start
const cards = process.env.BENCH_RESTART === "1" ? [] : await seedFullDay(app.board, date, (process.env.BENCH_FIXTURE as FixtureName | undefined) ?? "full");

setTimeout(() => {
  app.httpServer.listen(Number(process.env.BENCH_PORT ?? 0), "127.0.0.1", () => {
    const { port } = app.httpServer.address() as AddressInfo;
    serveParent<MagboardReady>({ port, date, cards }, async () => {
      await app.close();
      db.close();
    });
  });
}, delayUntilListen());

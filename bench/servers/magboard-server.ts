// The real magboard server (createApp, as main.ts wires it) on a real SQLite file with
// synchronous=FULL (unless asked otherwise) in a temp dir, seeded with a full day through the pipeline itself.
// BENCH_RESTART=1 opens the same file again without seeding (after a kill); BENCH_PORT and
// BENCH_LISTEN_AT bring it back on the same address at a given moment.
import path from "node:path";
import type { AddressInfo } from "node:net";
import { openDatabase } from "../../server/db/open-database.js";
import { createApp } from "../../server/app.js";
import { systemClock } from "../../server/board/clock.js";
import { silentLogger } from "../../server/logger.js";
import type { Actor } from "../../shared/schemas/actor.js";
import type { CommandRecord } from "../../shared/protocol.js";
import { CommandSchema } from "../../shared/schemas/commands.js";
import type { Advisor } from "../../shared/schemas/advisor.js";
import type { Bay } from "../../shared/schemas/bay.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import { advisorInputs, bayInputs, BENCH_ADMIN_PASSWORD, cardInput, CARDS, DAY_SETTINGS } from "../lib/full-day.js";
import { delayUntilListen, serveParent } from "../lib/child.js";

export interface MagboardReady {
  port: number;
  date: string;
  cards: { id: number; version: number; startTime: string }[];
}

const dir = process.env.BENCH_DIR!;
const date = process.env.BENCH_DATE!;
// FULL is what the server runs with; NORMAL only to see what the per-commit fsync costs (`--synchronous=NORMAL`)
const db = openDatabase(path.join(dir, "magboard.sqlite"), { synchronous: process.env.BENCH_SYNCHRONOUS === "NORMAL" ? "NORMAL" : "FULL" });
const app = createApp({
  db,
  clock: systemClock,
  log: silentLogger,
  ...(process.env.BENCH_STATIC ? { staticDir: process.env.BENCH_STATIC } : {}),
  defaults: { timeZone: "Asia/Shanghai", sample: false },
  adminPassword: BENCH_ADMIN_PASSWORD,
});

const seeder: Actor = { id: "bench", name: "bench", role: "manager" };
function run<R extends CommandRecord>(command: unknown): R {
  const answer = app.board.execute(CommandSchema.parse(command), seeder);
  if (!answer.ok) throw new Error(`seeding failed: ${JSON.stringify(answer)}`);
  return answer.data.record as R;
}

function seed(): MagboardReady["cards"] {
  run({ type: "settings.update", version: app.board.records.settings().version, changes: DAY_SETTINGS });
  const advisorIds = advisorInputs().map((input) => run<Advisor>({ type: "advisor.create", input }).id);
  const bayIds = bayInputs().map((input) => run<Bay>({ type: "bay.create", input }).id);
  return Array.from({ length: CARDS }, (_, i) => {
    const a = run<Appointment>({ type: "appointment.create", input: cardInput(i, date, advisorIds, bayIds) });
    return { id: a.id, version: a.version, startTime: a.startTime };
  });
}

// a restart knows nothing of the cards; the bench kept them from the first start
const cards = process.env.BENCH_RESTART === "1" ? [] : seed();

setTimeout(() => {
  app.httpServer.listen(Number(process.env.BENCH_PORT ?? 0), "127.0.0.1", () => {
    const { port } = app.httpServer.address() as AddressInfo;
    serveParent<MagboardReady>({ port, date, cards }, async () => {
      await app.close();
      db.close();
    });
  });
}, delayUntilListen());

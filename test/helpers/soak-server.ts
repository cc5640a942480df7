import path from "node:path";
import { createApp } from "../../server/app.js";
import { openDatabase } from "../../server/db/open-database.js";
import { silentLogger } from "../../server/logger.js";
import { ManualClock } from "./manual-clock.js";
import { TEST_ADMIN_PASSWORD } from "./test-server.js";

/**
 * The real server around a file database and a clock the parent process moves over IPC, so a
 * whole day passes in seconds. Started with --expose-gc, it reports its heap after a full GC.
 */
export type SoakRequest = { type: "advance"; ms: number } | { type: "memory" };
export type SoakReply = { type: "advanced"; now: number } | { type: "memory"; heapUsed: number; rss: number; sockets: number };

const dataDir = process.env.DATA_DIR!;
const db = openDatabase(path.join(dataDir, "magboard.sqlite"));
const clock = new ManualClock(Number(process.env.SOAK_START ?? Date.parse("2026-11-26T23:30:00Z")));
// the first day starts as a busy reception's does (server/sample/fixture-plan.ts): 8 advisors, two cards an hour each
const app = await createApp({ db, clock, log: silentLogger, defaults: { timeZone: "Asia/Shanghai", sample: "busy" }, adminPassword: TEST_ADMIN_PASSWORD });

app.httpServer.listen(0, "127.0.0.1", () => {
  const { port } = app.httpServer.address() as { port: number };
  // the same line main.ts prints, which the process helper waits for
  console.log(`[magboard] API      http://localhost:${port}/api/health`);
});

const gc = (globalThis as { gc?: () => void }).gc;

process.on("message", (msg: SoakRequest) => {
  if (msg.type === "advance") {
    clock.advance(msg.ms);
    process.send!({ type: "advanced", now: clock.now() } satisfies SoakReply);
  } else {
    // twice: the first pass may only queue finalizers that free more on the second
    gc?.();
    gc?.();
    const mem = process.memoryUsage();
    process.send!({ type: "memory", heapUsed: mem.heapUsed, rss: mem.rss, sockets: app.hub.displays() + app.hub.editors() } satisfies SoakReply);
  }
});

process.on("SIGTERM", () => {
  void app.close().then(() => {
    db.close();
    process.exit(0);
  });
});

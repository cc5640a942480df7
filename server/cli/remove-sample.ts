// `npm run sample:remove`: takes the sample day off the board. With the server running it asks the
// server (so every screen updates at once); with the server stopped it opens the database itself
// and runs the same command through the same pipeline.
import path from "node:path";
import { readConfig } from "../config.js";
import { openDatabase } from "../db/open-database.js";
import { createStore } from "../db/store.js";
import { Board } from "../board/board.js";
import { systemClock } from "../board/clock.js";
import { consoleLogger as log } from "../logger.js";

const config = readConfig();

/** Removing the sample is the manager's: sign in as `admin` with MAGBOARD_ADMIN_PASSWORD (see docs/API.md, Access). */
async function signIn(base: string): Promise<string> {
  if (!config.adminPassword) throw new Error("the server is running: set MAGBOARD_ADMIN_PASSWORD to admin's password, or remove the sample day in /admin");
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: config.adminPassword }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("magboard_session="));
  if (!res.ok || !cookie) throw new Error(`signing in as admin failed (${res.status}): ${await res.text()}`);
  return cookie.split(";")[0]!;
}

async function viaServer(): Promise<boolean> {
  const base = `http://127.0.0.1:${config.port}`;
  try {
    await fetch(`${base}/api/health`);
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code === "ECONNREFUSED") return false;
    throw err;
  }
  const res = await fetch(`${base}/api/sample`, { method: "DELETE", headers: { cookie: await signIn(base) } });
  if (!res.ok) throw new Error(`the server answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { removed: boolean };
  log.info(body.removed ? "sample board removed" : "there was no sample board to remove");
  return true;
}

function offline(): void {
  const file = path.join(config.dataDir, "magboard.sqlite");
  const db = openDatabase(file);
  try {
    const board = new Board(createStore(db), systemClock, log);
    const removed = board.removeSample({ id: "system:sample", name: "sample:remove", role: "system" });
    log.info(removed ? `sample board removed from ${file}` : `there was no sample board in ${file}`);
  } finally {
    db.close();
  }
}

if (!(await viaServer())) offline();

// `npm run sample:remove`: takes the sample day off the board. With the server running it asks the
// server (so every screen updates at once); with the server stopped it opens the database itself
// and runs the same command through the same pipeline.
import path from "node:path";
import { readConfig } from "../config.js";
import { openDatabase } from "../db/open-database.js";
import { createRepositories } from "../db/repositories.js";
import { Board } from "../board/board.js";
import { systemClock } from "../board/clock.js";
import { consoleLogger as log } from "../logger.js";

const config = readConfig();

async function viaServer(): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${config.port}/api/sample`, { method: "DELETE" });
    if (!res.ok) throw new Error(`the server answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { removed: boolean };
    log.info(body.removed ? "sample board removed" : "there was no sample board to remove");
    return true;
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code === "ECONNREFUSED") return false;
    throw err;
  }
}

function offline(): void {
  const file = path.join(config.dataDir, "magboard.sqlite");
  const db = openDatabase(file);
  try {
    const board = new Board(createRepositories(db), systemClock, log);
    const removed = board.executeSystem({ type: "sample.remove" }, { id: "system:sample", name: "sample:remove", role: "system" });
    log.info(removed ? `sample board removed from ${file}` : `there was no sample board in ${file}`);
  } finally {
    db.close();
  }
}

if (!(await viaServer())) offline();

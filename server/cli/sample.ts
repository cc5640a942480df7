// `npm run sample [-- --busy | --busy-30 | --full | --big]` puts a sample day on today's and
// tomorrow's board in place of whatever sample was there; `npm run sample:remove` (`-- --remove`)
// takes it off again. With the server running it asks the server (so every screen updates at
// once); with the server stopped it opens the database itself and runs the same command through
// the same pipeline.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { DATABASE_FILE, readConfig } from "../config.js";
import { openDatabase } from "../db/open-database.js";
import { createStore } from "../db/store.js";
import { Board } from "../board/board.js";
import { systemClock } from "../board/clock.js";
import { consoleLogger as log } from "../logger.js";
import { initialiseSite } from "../sample/initialise-site.js";
import { FIXTURES } from "../sample/fixture-plan.js";
import { FIXTURE_NAMES, type FixtureName } from "../../shared/schemas/sample.js";

const config = readConfig();
const ACTOR = { id: "system:sample", name: "npm run sample", role: "system" as const };

function usage(): string {
  return [
    "usage: npm run sample [-- --<day>]     load a day in place of the sample on the board (today and tomorrow)",
    "       npm run sample:remove           take it off again (settings it changed go back)",
    ...FIXTURE_NAMES.map((n) => `  --${n.padEnd(9)} ${FIXTURES[n].summary}`),
  ].join("\n");
}

/** `--remove`, or the one fixture named (the sample when none is). */
function wanted(args: string[]): FixtureName | "remove" {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(usage());
    process.exit(0);
  }
  const names = args.filter((a) => a.startsWith("--")).map((a) => a.slice(2));
  const unknown = args.filter((a) => !a.startsWith("--")).concat(names.filter((n) => n !== "remove" && !(FIXTURE_NAMES as readonly string[]).includes(n)));
  if (unknown.length > 0 || names.length > 1) {
    console.error(`${unknown.length > 0 ? `unknown: ${unknown.join(" ")}` : "name one day only"}\n${usage()}`);
    process.exit(2);
  }
  return (names[0] as FixtureName | "remove" | undefined) ?? "sample";
}

/** Changing the board is the manager's: sign in as `admin` with MAGBOARD_ADMIN_PASSWORD (see docs/API.md, Access). */
async function signIn(base: string): Promise<string> {
  if (!config.adminPassword) throw new Error("the server is running: set MAGBOARD_ADMIN_PASSWORD to admin's password, or stop the server first");
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: config.adminPassword }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("magboard_session="));
  if (!res.ok || !cookie) throw new Error(`signing in as admin failed (${res.status}): ${await res.text()}`);
  return cookie.split(";")[0]!;
}

/** Asks the running server; false when no server answers on its port. */
async function viaServer(what: FixtureName | "remove"): Promise<boolean> {
  const base = `http://127.0.0.1:${config.port}`;
  try {
    await fetch(`${base}/api/health`);
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code === "ECONNREFUSED") return false;
    throw err;
  }
  const cookie = await signIn(base);
  const res =
    what === "remove"
      ? await fetch(`${base}/api/sample`, { method: "DELETE", headers: { cookie } })
      : await fetch(`${base}/api/sample`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ fixture: what }) });
  if (!res.ok) throw new Error(`the server answered ${res.status}: ${await res.text()}`);
  if (what === "remove") log.info((await res.json() as { removed: boolean }).removed ? "sample board removed" : "there was no sample board to remove");
  else log.info(`loaded ${FIXTURES[what].summary}, on ${(await res.json() as { date: string }).date} and the day after`);
  return true;
}

async function offline(what: FixtureName | "remove"): Promise<void> {
  mkdirSync(config.dataDir, { recursive: true });
  const file = path.join(config.dataDir, DATABASE_FILE);
  const db = openDatabase(file, { synchronous: config.synchronous });
  try {
    const board = new Board(createStore(db), systemClock, log);
    if (what === "remove") {
      const removed = await board.removeSample(ACTOR);
      log.info(removed ? `sample board removed from ${file}` : `there was no sample board in ${file}`);
      return;
    }
    // a database that has never been started gets its settings first, as the first start would
    await initialiseSite(board, { timeZone: config.timeZone, sample: false });
    const today = await board.loadSample(what, ACTOR);
    log.info(`loaded ${FIXTURES[what].summary}, on ${today} and the day after, into ${file}`);
  } finally {
    db.close();
  }
}

const what = wanted(process.argv.slice(2));
if (!(await viaServer(what))) await offline(what);

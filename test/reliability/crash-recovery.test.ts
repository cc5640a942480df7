import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import type { Appointment } from "../../shared/schemas/appointment.js";
import { ChangeLogRepo } from "../../server/db/change-log-repo.js";
import { sqliteSql } from "../../server/db/sql.js";
import { auditOf, cardsInDatabase, databaseViolations } from "../helpers/db-invariants.js";
import { Editor, type CommandSender, type Sent } from "../helpers/editor.js";
import { RestEditor } from "../helpers/rest-editor.js";
import { SeenVersions, editLoop } from "../helpers/edit-stream.js";
import { eventually, seededRandom, sleep } from "../helpers/random.js";
import { signInAt } from "../helpers/sign-in.js";
import { FAR_DATE, seedBoard } from "../helpers/seed.js";
import { booking } from "../helpers/test-server.js";
import { freePort, startServerProcess, type ServerProcess } from "../helpers/server-process.js";

const KILLS = 20;
/** Socket editors; one more edits over REST. */
const EDITORS = 3;

async function revisionOf(server: ServerProcess): Promise<number> {
  const health = (await (await fetch(`${server.url}/api/health`)).json()) as { revision: number };
  return health.revision;
}

describe("the server killed at random moments (SIGKILL)", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("keeps every acknowledged change, half-applies none, and keeps audit and rows in step", { timeout: 120_000 }, async () => {
    const seed = Date.now() % 100_000;
    const rnd = seededRandom(seed);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "magboard-crash-"));
    dirs.push(dataDir);
    const file = path.join(dataDir, "magboard.sqlite");
    const port = await freePort();

    let server: ServerProcess = await startServerProcess({ dataDir, port });
    // the session outlives every kill: it was committed before the sign-in was answered
    const cookie = await signInAt(server.url);
    const board = await seedBoard(server.url, cookie, 6);
    const all: Sent[] = [];
    const viaRest = new Set<Sent>();
    let seen = board.cards.map((c) => ({ id: c.id, version: c.version }));

    for (let kill = 0; kill < KILLS; kill++) {
      const sockets = Array.from({ length: EDITORS }, () => new Editor(server.url, cookie));
      await Promise.all(sockets.map((e) => e.connected()));
      const editors: CommandSender[] = [...sockets, new RestEditor(server.url, cookie)];
      let stopped = false;
      const loops = editors.map((e) => {
        const versions = new SeenVersions(seen);
        return editLoop(e, rnd, versions, board.advisors, () => stopped).then(() => versions);
      });
      await sleep(rnd.int(20, 250)); // the kill falls at a random moment of the writing: that moment is under test
      await server.kill("SIGKILL");
      stopped = true;
      const finalVersions = await Promise.all(loops);
      sockets.forEach((e) => e.close());
      editors.forEach((e) => all.push(...e.sent));
      editors.filter((e) => e instanceof RestEditor).forEach((e) => e.sent.forEach((s) => viaRest.add(s)));

      // what the killed process left behind must already be whole, before any server touches it again
      expect(await databaseViolations(file), `after kill ${kill + 1} (seed ${seed})`).toEqual([]);
      seen = finalVersions[0]!.ids().map((id) => ({ id, version: Math.max(...finalVersions.map((v) => v.of(id))) }));
      server = await startServerProcess({ dataDir, port });
    }

    const acked = all.filter((s) => s.outcome.kind === "ok");
    const unknown = all.filter((s) => s.outcome.kind === "unknown");
    console.info(`${all.length} commands (${viaRest.size} over REST) over ${KILLS} kills: ${acked.length} acknowledged, ${unknown.length} unanswered (seed ${seed})`);
    expect(acked.length, "enough acknowledged changes to mean something").toBeGreaterThan(KILLS * 2);

    // every acknowledged change is in the database, exactly as it was acknowledged
    for (const s of acked) {
      if (s.outcome.kind !== "ok") continue;
      const { record, revision } = s.outcome.result;
      const entry = (await auditOf(file, (record as Appointment).id)).find((e) => e.revision === revision);
      expect(entry?.after, `acknowledged change at revision ${revision} (seed ${seed})`).toEqual(record);
    }

    // a command whose answer was lost, sent again with its key, is applied at most once in all
    const before = await revisionOf(server);
    const retrier = new Editor(server.url, cookie);
    await retrier.connected();
    const restRetrier = new RestEditor(server.url, cookie);
    let appliedNow = 0;
    for (const s of unknown) {
      // through the same door it first went through
      const again = await (viaRest.has(s) ? restRetrier : retrier).send(s.command, s.requestId);
      if (again.outcome.kind === "ok" && again.outcome.result.revision > before) appliedNow++;
    }
    retrier.close();
    expect((await revisionOf(server)) - before).toBe(appliedNow);
    await server.kill("SIGTERM");
    expect(await databaseViolations(file)).toEqual([]);
  });
});

describe("a retry after the server died with the answer unsent", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  async function committedRevision(file: string): Promise<number> {
    const db = new Database(file, { fileMustExist: true });
    try {
      return new ChangeLogRepo(sqliteSql(db)).revision();
    } finally {
      db.close();
    }
  }

  it("applies the command once, over the socket (requestId) and over REST (Idempotency-Key)", { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "magboard-retry-"));
    dirs.push(dataDir);
    const file = path.join(dataDir, "magboard.sqlite");
    const port = await freePort();
    let server = await startServerProcess({ dataDir, port });
    const cookie = await signInAt(server.url);
    const board = await seedBoard(server.url, cookie, 1);
    const card = board.cards[0]!;

    // socket: the move commits, then the server dies before the editor reads any answer
    const base = await committedRevision(file);
    const editor = new Editor(server.url, cookie);
    await editor.connected();
    const move = { type: "appointment.move" as const, id: card.id, version: card.version, startTime: "15:00" };
    void editor.send(move, "retry-socket-0001");
    await eventually(async () => await committedRevision(file) > base, "the move to commit");
    await server.kill("SIGKILL");
    editor.close();
    server = await startServerProcess({ dataDir, port });
    const retry = new Editor(server.url, cookie);
    await retry.connected();
    const again = await retry.send(move, "retry-socket-0001");
    retry.close();
    expect(again.outcome).toMatchObject({ kind: "ok", result: { revision: base + 1, record: { id: card.id, version: 2, startTime: "15:00" } } });
    expect(await auditOf(file, card.id)).toHaveLength(2);

    // REST: a booking is created, the server dies before the response is read, the client posts again
    const before = (await cardsInDatabase(file, FAR_DATE)).length;
    const body = JSON.stringify(booking(board.advisors[0]!, { date: FAR_DATE, startTime: "16:00", customerName: "李娜" }));
    const headers = { "content-type": "application/json", "idempotency-key": "retry-rest-0001", cookie };
    const lost = fetch(`${server.url}/api/appointments`, { method: "POST", headers, body }).catch(() => null);
    await eventually(async () => (await cardsInDatabase(file, FAR_DATE)).length > before, "the booking to commit");
    await server.kill("SIGKILL");
    await lost;
    server = await startServerProcess({ dataDir, port });
    const res = await fetch(`${server.url}/api/appointments`, { method: "POST", headers, body });
    const created = (await res.json()) as { record: Appointment };
    expect(res.status).toBe(201);
    const cards = await cardsInDatabase(file, FAR_DATE);
    expect(cards).toHaveLength(before + 1);
    expect(cards.find((c) => c.customerName === "李娜")?.id).toBe(created.record.id);
    await server.kill("SIGTERM");
    expect(await databaseViolations(file)).toEqual([]);
  });
});

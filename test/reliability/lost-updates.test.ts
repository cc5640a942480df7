import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Appointment } from "../../shared/schemas/appointment.js";
import type { CommandInput } from "../../shared/schemas/commands.js";
import { auditOf, databaseViolations } from "../helpers/db-invariants.js";
import { Editor, type Sent } from "../helpers/editor.js";
import { SeenVersions, randomEdit } from "../helpers/edit-stream.js";
import { seededRandom } from "../helpers/random.js";
import { seedBoard } from "../helpers/seed.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";

const EDITORS = 8;
const EDITS_EACH = 60;

describe("many editors on the same cards", () => {
  let server: TestServer;
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "magboard-conflict-"));
    file = path.join(dir, "magboard.sqlite");
    server = await startTestServer({ file });
  });
  afterEach(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("never overwrites a change silently: each edit applies on the version it saw or is refused with the current card", async () => {
    const seed = Date.now() % 100_000;
    const rnd = seededRandom(seed);
    const cookie = server.manager.cookie;
    const board = await seedBoard(server.url, cookie, 3);
    const editors = Array.from({ length: EDITORS }, () => new Editor(server.url, cookie));
    await Promise.all(editors.map((e) => e.connected()));

    // each editor works at its own pace, on what it last saw, and sometimes sends a command twice
    // with the same request id, as a client does when an answer is slow to come
    const duplicates: [Sent, Sent][] = [];
    await Promise.all(
      editors.map(async (editor) => {
        const seen = new SeenVersions(board.cards);
        for (let i = 0; i < EDITS_EACH; i++) {
          const cmd: CommandInput = randomEdit(rnd, seen, board.advisors);
          const requestId = rnd.id();
          if (rnd.next() < 0.15) {
            const pair = await Promise.all([editor.send(cmd, requestId), editor.send(cmd, requestId)]);
            duplicates.push(pair);
            seen.learn(pair[0]);
          } else {
            seen.learn(await editor.send(cmd, requestId));
          }
        }
      }),
    );
    editors.forEach((e) => e.close());

    const sent = editors.flatMap((e) => e.sent);
    const acked = sent.filter((s) => s.outcome.kind === "ok");
    const refused = sent.filter((s) => s.outcome.kind === "refused");
    expect(acked.length + refused.length, `every command answered (seed ${seed})`).toBe(sent.length);
    expect(refused.length, "the editors did collide").toBeGreaterThan(10);

    for (const s of acked) {
      if (s.outcome.kind !== "ok" || !("version" in s.command)) continue;
      const { record: raw, revision } = s.outcome.result;
      const record = raw as Appointment;
      // applied on exactly the version the editor saw, and recorded as such
      expect(record.version).toBe(s.command.version + 1);
      const entry = (await auditOf(file, record.id)).find((e) => e.revision === revision);
      expect(entry?.after).toEqual(record);
      expect((entry?.before as Appointment).version).toBe(s.command.version);
    }
    for (const s of refused) {
      if (s.outcome.kind !== "refused" || !("version" in s.command)) continue;
      expect(s.outcome.code).toBe("version_conflict");
      const current = s.outcome.current as Appointment;
      expect(current.version).not.toBe(s.command.version);
      // the card the editor is shown is one the database really held
      expect((await auditOf(file, current.id))[current.version - 1]?.after).toEqual(current);
    }
    for (const [a, b] of duplicates) expect(b.outcome).toEqual(a.outcome);
    const appliedTwice = duplicates.filter(([a]) => a.outcome.kind === "ok");
    const revisions = new Set(acked.map((s) => (s.outcome.kind === "ok" ? s.outcome.result.revision : -1)));
    expect(revisions.size).toBe(acked.length - appliedTwice.length);
    expect(await databaseViolations(file), `seed ${seed}`).toEqual([]);
  });

  it("lets exactly one of two editors move a card from the same version; the other sees the winner's card", async () => {
    const cookie = server.manager.cookie;
    const board = await seedBoard(server.url, cookie, 1);
    const card = board.cards[0]!;
    const [a, b] = [new Editor(server.url, cookie), new Editor(server.url, cookie)];
    await Promise.all([a.connected(), b.connected()]);
    const [ra, rb] = await Promise.all([
      a.send({ type: "appointment.move", id: card.id, version: 1, startTime: "14:00" }, "two-editors-a-01"),
      b.send({ type: "appointment.move", id: card.id, version: 1, startTime: "16:00" }, "two-editors-b-01"),
    ]);
    a.close();
    b.close();
    const outcomes = [ra.outcome, rb.outcome];
    const winner = outcomes.find((o) => o.kind === "ok");
    const loser = outcomes.find((o) => o.kind === "refused");
    expect(winner).toBeDefined();
    expect(loser).toMatchObject({ kind: "refused", code: "version_conflict" });
    if (winner?.kind === "ok" && loser?.kind === "refused") expect(loser.current).toEqual(winner.result.record);
  });

  it("applies a REST edit retried with the same Idempotency-Key once, and answers the retry the same", async () => {
    const board = await seedBoard(server.url, server.manager.cookie, 1);
    const card = board.cards[0]!;
    const send = () =>
      fetch(`${server.url}/api/appointments/${card.id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json", "idempotency-key": "rest-retry-key-01", cookie: server.manager.cookie },
        body: JSON.stringify({ version: 1, notes: "客户要求洗车" }),
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    const [first, second] = await Promise.all([send(), send()]);
    const third = await send();
    expect(first.status).toBe(200);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(await auditOf(file, card.id)).toHaveLength(2);
  });
});

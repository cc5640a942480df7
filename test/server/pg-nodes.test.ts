import { afterEach, describe, expect, it } from "vitest";
import type { Ack, CommandResult } from "../../shared/protocol.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import { storedViolations } from "../helpers/db-invariants.js";
import { booking, seedBasics, startTestServer, type StaffClient, type TestServer } from "../helpers/test-server.js";

// issue 17: several magboard nodes write one site's PostgreSQL schema. Each node here is a whole
// app with its own pool, as a node of the group is; the site's advisory lock is all that orders them.

type Landed = Extract<Ack<CommandResult>, { ok: true }>;

const halfPast = (t: string) => `${t.slice(0, 2)}:30`;

/** Cards from 10:00 on: the test servers' clock reads 09:00, so none is late and the clock changes none of them. */
async function makeCards(server: TestServer, advisors: number[], n: number): Promise<Appointment[]> {
  const cards: Appointment[] = [];
  for (let i = 0; i < n; i++) {
    const made = await server.api("/api/appointments", {
      method: "POST",
      json: booking(advisors[i % advisors.length]!, { startTime: `${10 + (i % 8)}:00`, plate: `京A·2${String(i).padStart(4, "0")}`, customerName: `客户${i}` }),
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    cards.push(made.body.record);
  }
  return cards;
}

const revisionOf = async (server: TestServer) => (await server.api("/api/health")).body.revision as number;

describe("PostgreSQL: two nodes writing one site", () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });
  const twoNodes = async () => {
    const a = await startTestServer({ engine: "postgres" });
    servers.push(a);
    const b = await startTestServer({ engine: "postgres", site: a.site! });
    servers.push(b);
    return [a, b] as const;
  };

  it("numbers the changes of two nodes moving cards at once strictly +1, and logs and audits every acknowledged one", async () => {
    const [a, b] = await twoNodes();
    const { advisors } = await seedBasics(a);
    const cards = await makeCards(a, advisors, 20);
    const start = await revisionOf(b);
    const editors: StaffClient[] = [await a.client("staff"), await b.client("staff")];
    const MOVES = 15;

    // each card is moved back and forth by one node, its moves one after another; the cards go at once, half through each node
    const chains = cards.map(async (card, i) => {
      const editor = editors[i % 2]!;
      let version = card.version;
      const revisions: number[] = [];
      for (let m = 0; m < MOVES; m++) {
        const ack: Ack<CommandResult> = await editor.emitWithAck("board:command", {
          command: { type: "appointment.move", id: card.id, version, startTime: m % 2 === 0 ? halfPast(card.startTime) : card.startTime },
        });
        if (!ack.ok) throw new Error(`move ${m} of card ${card.id} refused: ${JSON.stringify(ack.error)}`);
        version = (ack.data.record as Appointment).version;
        revisions.push(ack.data.revision);
      }
      return revisions;
    });
    const acknowledged = (await Promise.all(chains)).flat().sort((x, y) => x - y);

    const expected = Array.from({ length: cards.length * MOVES }, (_, i) => start + 1 + i);
    expect(acknowledged).toEqual(expected);
    const logged = await a.sql.prepare<{ revision: number }>("SELECT revision FROM change_log WHERE revision > ? ORDER BY revision").all([start]);
    expect(logged.map((r) => r.revision)).toEqual(expected);
    const audited = await b.sql.prepare<{ revision: number }>("SELECT revision FROM audit_log WHERE action = 'appointment.move' ORDER BY revision").all();
    expect(audited.map((r) => r.revision)).toEqual(expected);
    expect(await revisionOf(a)).toBe(expected.at(-1));
    expect(await revisionOf(b)).toBe(expected.at(-1));
    expect(await storedViolations(a.sql)).toEqual([]);
  });

  it("lets exactly one of two editors on two nodes change a card from the same version; the other gets the conflict", async () => {
    const [a, b] = await twoNodes();
    const { advisors } = await seedBasics(a);
    const [card] = await makeCards(a, advisors, 1);
    const editors = [await a.client("staff"), await b.client("staff")];
    const times = ["11:00", "14:00"];
    const answers: Ack<CommandResult>[] = await Promise.all(
      editors.map((e, i) => e.emitWithAck("board:command", { command: { type: "appointment.move", id: card!.id, version: card!.version, startTime: times[i] } })),
    );
    const won = answers.filter((x): x is Landed => x.ok);
    const lost = answers.filter((x) => !x.ok);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    if (!lost[0]!.ok) expect(lost[0]!.error.code).toBe("version_conflict");
    const stored = (await b.api(`/api/appointments/${card!.id}`)).body as Appointment;
    expect(stored).toEqual(won[0]!.data.record);
    expect(stored.version).toBe(card!.version + 1);
    expect(await storedViolations(b.sql)).toEqual([]);
  });
});

describe("PostgreSQL: two sites", () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  it("keep their rows apart: one store's cards, customers, audit and revisions never show in the other's", async () => {
    const north = await startTestServer({ engine: "postgres" });
    servers.push(north);
    const south = await startTestServer({ engine: "postgres" });
    servers.push(south);
    expect(south.site!.siteId).not.toBe(north.site!.siteId);
    const n = await seedBasics(north);
    await makeCards(north, n.advisors, 3);
    const s = await seedBasics(south);
    await south.api("/api/appointments", { method: "POST", json: booking(s.advisors[0]!, { customerName: "南店客户", plate: "粤B·99999" }) });

    const northBoard = (await north.api("/api/board?date=2026-11-27")).body as { appointments: Appointment[]; revision: number };
    const southBoard = (await south.api("/api/board?date=2026-11-27")).body as { appointments: Appointment[]; revision: number };
    expect(northBoard.appointments.map((c) => c.customerName).sort()).toEqual(["客户0", "客户1", "客户2"]);
    expect(southBoard.appointments.map((c) => c.customerName)).toEqual(["南店客户"]);
    expect((await north.api("/api/search?date=2026-11-27&q=99999")).body).toEqual([]);
    const southAudit = (await south.api("/api/audit?date=2026-11-27")).body as { after: { customerName: string } }[];
    expect(southAudit.map((e) => e.after.customerName)).toEqual(["南店客户"]);
    // each site counts its own revisions
    expect(southBoard.revision).toBeLessThan(northBoard.revision);
  });
});

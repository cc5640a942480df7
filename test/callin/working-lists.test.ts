import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../helpers/manual-clock.js";
import { booking, seedBasics, startTestServer, type Session, type TestServer } from "../helpers/test-server.js";
import { dbFingerprint } from "../helpers/db-fingerprint.js";
import { importRegister, registerFile, registerLine } from "./register-fixture.js";

/** 10:00 on 2026-12-01 in Shanghai: December's list is made at start from the register below. */
const MORNING = Date.parse("2026-12-01T02:00:00Z");
const MINUTE = 60_000;

type Entry = { id: number; version: number; vehicleId: number; state: string; outcome: string | null; attempts: number; nextTryDate: string | null; taken: boolean; claimedBy: string | null };

describe("working a list", () => {
  let server: TestServer;
  let clock: ManualClock;
  let advisors: number[];
  let deskA: Session;
  let deskB: Session;
  beforeEach(async () => {
    clock = new ManualClock(MORNING);
    server = await startTestServer({ clock });
    ({ advisors } = await seedBasics(server));
    await importRegister(server, registerFile(Array.from({ length: 6 }, (_, i) => registerLine(i + 1, { last: `2026/9/${10 + i}` }))));
    await server.api("/api/call-lists/regular_maintenance/generate", { method: "POST", json: {} });
    deskA = await server.sessionAs("service_desk", { username: "kefu1" });
    deskB = await server.sessionAs("service_desk", { username: "kefu2" });
  });
  afterEach(async () => {
    await server.close();
  });

  const claim = async (as: Session): Promise<Entry> => {
    const res = await server.api("/api/call-lists/regular_maintenance/claim", { method: "POST", json: {}, as });
    if (res.status !== 200) throw new Error(`claim: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.record;
  };
  const outcome = (e: Entry, body: Record<string, unknown>, as: Session) =>
    server.api(`/api/call-lists/entries/${e.id}/outcome`, { method: "POST", json: { version: e.version, ...body }, as });
  const auditOf = (id: number) =>
    server.db.prepare("SELECT action, actor FROM audit_log WHERE entity = 'call_entry' AND entity_id = ? ORDER BY id").all(id) as { action: string; actor: string }[];

  it("never gives two service-desk staff the same customer, shows it as taken, and frees it after the timeout", async () => {
    const both = await Promise.all([claim(deskA), claim(deskB), claim(deskA), claim(deskB)]);
    // each keeps the one they hold; the two hold different entries
    expect(new Set(both.map((e) => e.id)).size).toBe(2);
    // A asked twice and holds the same entry; asking again renews the claim, so take its latest version
    expect(both[2].id).toBe(both[0].id);
    const a = [both[0], both[2]].sort((x, y) => y.version - x.version)[0]!;
    const seenByB = (await server.api("/api/call-lists/regular_maintenance", { as: deskB })).body as Entry[];
    expect(seenByB.find((e) => e.id === a.id)!.taken).toBe(true);
    const refused = await outcome(a, { outcome: "declined" }, deskB);
    expect(refused.body.error).toMatchObject({ code: "invalid_transition", field: "claimedBy" });
    // A goes for lunch: after the claim's 10 minutes anyone may take it
    clock.advance(11 * MINUTE);
    const seenLater = (await server.api("/api/call-lists/regular_maintenance", { as: deskB })).body as Entry[];
    expect(seenLater.find((e) => e.id === a.id)!.taken).toBe(false);
    const c = await server.sessionAs("service_desk", { username: "kefu3" });
    expect((await claim(c)).id).toBe(Math.min(...seenLater.map((e) => e.id)));
  });

  it("records each outcome with its audit entry: declined and wrong number close, no answer comes back tomorrow, call back on the day", async () => {
    const e1 = await claim(deskA);
    const declined = await outcome(e1, { outcome: "declined", note: "已在别处保养" }, deskA);
    expect(declined.body.record).toMatchObject({ state: "closed", outcome: "declined", outcomeNote: "已在别处保养", attempts: 1, claimedBy: null });
    const e2 = await claim(deskA);
    expect((await outcome(e2, { outcome: "no_answer" }, deskA)).body.record).toMatchObject({ state: "open", attempts: 1, nextTryDate: "2026-12-02" });
    const e3 = await claim(deskA);
    const bad = await outcome(e3, { outcome: "call_back", callBackDate: "2026-11-30" }, deskA);
    expect(bad.body.error).toMatchObject({ code: "invalid_payload", field: "callBackDate" });
    expect((await outcome(e3, { outcome: "call_back", callBackDate: "2026-12-05" }, deskA)).body.record).toMatchObject({ state: "open", nextTryDate: "2026-12-05" });
    const e4 = await claim(deskA);
    expect((await outcome(e4, { outcome: "wrong_number" }, deskA)).body.record).toMatchObject({ state: "closed", outcome: "wrong_number" });
    for (const [e, action] of [[e1, "call.declined"], [e2, "call.no_answer"], [e3, "call.call_back"], [e4, "call.wrong_number"]] as const) {
      expect(auditOf(e.id).map((x) => x.action)).toEqual(["call.generate", "call.claim", action]);
      expect(auditOf(e.id)[2]!.actor).toContain("kefu1");
    }
    // the open list today holds neither the closed ones nor those waiting for a later try
    const open = ((await server.api("/api/call-lists/regular_maintenance", { as: deskA })).body as (Entry & { dueToday: boolean })[]).filter((e) => e.dueToday);
    expect(open.map((e) => e.id)).not.toEqual(expect.arrayContaining([e1.id]));
    expect(open.map((e) => e.id).some((id) => [e1.id, e2.id, e3.id, e4.id].includes(id))).toBe(false);
    // the figures for the manager's console count them
    const figures = (await server.api("/api/call-lists/figures?from=2026-12&to=2026-12")).body;
    expect(figures).toEqual([{ list: "regular_maintenance", month: "2026-12", size: 6, contacted: 4, booked: 0, declined: 1, unreachable: 2, showedUp: 0 }]);
    expect((await server.api("/api/call-lists/figures?from=2026-13")).body.error).toMatchObject({ code: "invalid_payload", field: "month" });
    // an unknown outcome is refused by name and changes nothing
    const before = dbFingerprint(server.db);
    const e5 = await claim(deskA);
    const fp = dbFingerprint(server.db);
    expect(fp).not.toBe(before);
    expect((await outcome(e5, { outcome: "maybe" }, deskA)).body.error).toMatchObject({ code: "invalid_payload", field: "outcome" });
    expect(dbFingerprint(server.db)).toBe(fp);
  });

  it("books from an entry: the card carries the list's source, is dealer-initiated and linked to the vehicle; the entry leaves the list", async () => {
    const e = await claim(deskA);
    const res = await server.api(`/api/call-lists/entries/${e.id}/book`, {
      method: "POST",
      json: { version: e.version, ...booking(advisors[0]!, { date: "2026-12-03", plate: "京A·00001", workRequested: "定期保养" }) },
      as: deskA,
    });
    expect(res.status).toBe(201);
    const { entry, appointment } = res.body.record;
    expect(appointment).toMatchObject({ source: "regular_maintenance", initiatedBy: "dealer", date: "2026-12-03" });
    expect(entry).toMatchObject({ state: "booked", outcome: "booked", appointmentId: appointment.id });
    expect(server.db.prepare("SELECT vehicle_id AS v, entry_id AS e FROM appointment_links WHERE appointment_id = ?").get(appointment.id)).toEqual({ v: e.vehicleId, e: e.id });
    expect(auditOf(e.id).map((x) => x.action)).toEqual(["call.generate", "call.claim", "call.booked"]);
    const open = (await server.api("/api/call-lists/regular_maintenance", { as: deskB })).body as Entry[];
    expect(open.map((x) => x.id)).not.toContain(e.id);
    // the figures count it, and count it as shown up once the customer arrives
    const figures = async () => (await server.api("/api/call-lists/figures?from=2026-12&to=2026-12")).body.find((f: { list: string }) => f.list === "regular_maintenance");
    expect(await figures()).toMatchObject({ month: "2026-12", size: 6, contacted: 1, booked: 1, showedUp: 0 });
    await server.api(`/api/appointments/${appointment.id}/arrive`, { method: "POST", json: { version: appointment.version } });
    expect(await figures()).toMatchObject({ booked: 1, showedUp: 1 });
  });
});

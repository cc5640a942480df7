import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { booking, ENGINES, seedBasics, startTestServer, type TestServer } from "../helpers/test-server.js";

describe.each(ENGINES)("REST commands through the pipeline on %s", (engine) => {
  let server: TestServer;
  let advisors: number[];
  beforeEach(async () => {
    server = await startTestServer({ engine });
    ({ advisors } = await seedBasics(server));
  });
  afterEach(async () => {
    await server.close();
  });

  const revision = async () => (await server.api("/api/health")).body.revision as number;
  const auditCount = async () => ((await server.api("/api/audit?date=2026-11-27")).body as unknown[]).length;

  it.each([
    ["date", { date: "2026-02-30" }],
    ["startTime", { startTime: "25:00" }],
    ["durationMinutes", { durationMinutes: 0 }],
    ["advisorId", { advisorId: 9999 }],
    ["customerName", { customerName: "张".repeat(5000) }],
    ["plate", { plate: "" }],
  ])("refuses a bad %s naming the field, and changes nothing", async (field, over) => {
    const before = await revision();
    const res = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, over) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_payload");
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toContain(field);
    expect(await revision()).toBe(before);
    expect((await server.api("/api/board?date=2026-11-27")).body.appointments).toEqual([]);
  });

  it("stores emoji, quotes and markup in a name verbatim", async () => {
    const name = `O'Brien "老王" <script>alert(1)</script> 🚗`;
    const res = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { customerName: name, notes: "<b>x</b> & 'y'" }) });
    expect(res.status).toBe(201);
    const stored = await server.api(`/api/appointments/${res.body.record.id}`);
    expect(stored.body.customerName).toBe(name);
    expect(stored.body.notes).toBe("<b>x</b> & 'y'");
  });

  it("normalises a plate typed loosely to the card's form", async () => {
    const res = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { plate: "京a 12345" }) });
    expect(res.body.record.plate).toBe("京A·12345");
  });

  it("refuses a stale version with the current card and changes nothing", async () => {
    const created = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!) });
    const id = created.body.record.id;
    const first = await server.api(`/api/appointments/${id}`, { method: "PATCH", json: { version: 1, workRequested: "刹车异响" } });
    expect(first.status).toBe(200);
    expect(first.body.record.version).toBe(2);
    const audits = await auditCount();
    const rev = await revision();

    const stale = await server.api(`/api/appointments/${id}/move`, { method: "POST", json: { version: 1, startTime: "15:00" } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version_conflict");
    expect(stale.body.error.current).toMatchObject({ id, version: 2, startTime: "10:00", workRequested: "刹车异响" });
    expect((await server.api(`/api/appointments/${id}`)).body).toMatchObject({ version: 2, startTime: "10:00" });
    expect(await auditCount()).toBe(audits);
    expect(await revision()).toBe(rev);
  });

  it("runs each status action and refuses an impossible one", async () => {
    const { body } = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!) });
    const id = body.record.id;
    let version = 1;
    for (const [action, status] of [["confirm", "confirmed"], ["arrive", "arrived"], ["greet", "arrived"], ["start", "in_service"], ["complete", "completed"]] as const) {
      const res = await server.api(`/api/appointments/${id}/${action}`, { method: "POST", json: { version } });
      expect(res.status).toBe(200);
      expect(res.body.record.status).toBe(status);
      version = res.body.record.version;
    }
    const cancel = await server.api(`/api/appointments/${id}/cancel`, { method: "POST", json: { version } });
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.code).toBe("invalid_transition");
  });

  it("answers 404 for a missing card, 413 for an oversized body, 400 for broken JSON", async () => {
    expect((await server.api("/api/appointments/424242")).status).toBe(404);
    expect((await server.api("/api/appointments/424242/arrive", { method: "POST", json: { version: 1 } })).status).toBe(404);
    const huge = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { notes: "x".repeat(200_000) }) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("payload_too_large");
    const broken = await server.api("/api/appointments", { method: "POST", body: "{not json", headers: { "content-type": "application/json" } });
    expect(broken.status).toBe(400);
    expect(JSON.stringify(broken.body)).not.toMatch(/at .*\.ts|SyntaxError/);
  });

  it("applies a retried request with the same Idempotency-Key once", async () => {
    const headers = { "idempotency-key": "retry-test-0001" };
    const a = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!), headers });
    const b = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!), headers });
    expect(b.body).toEqual(a.body);
    expect((await server.api("/api/board?date=2026-11-27")).body.appointments).toHaveLength(1);
  });

  it("writes an audit entry with the card before and after for every change", async () => {
    const { body } = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!) });
    await server.api(`/api/appointments/${body.record.id}/move`, { method: "POST", json: { version: 1, advisorId: advisors[1] } });
    const audit = (await server.api("/api/audit?date=2026-11-27")).body;
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({ action: "appointment.move", actor: "管理员 (admin)", actorId: "account:1", before: { advisorId: advisors[0] }, after: { advisorId: advisors[1] } });
  });

  it("exports a day as CSV with Chinese intact and formulas defused", async () => {
    await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { notes: "=HYPERLINK(\"x\")" }) });
    const csv = await server.api("/api/export.csv?date=2026-11-27");
    expect(csv.status).toBe(200);
    expect(csv.body).toContain("张伟");
    expect(csv.body).toContain("京A·12345");
    expect(csv.body).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it("validates settings as a whole and names the field", async () => {
    const res = await server.api("/api/settings", { method: "PATCH", json: { version: 1, closeTime: "07:00" } });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("closeTime");
    const ok = await server.api("/api/settings", { method: "PATCH", json: { version: 1, lateGraceMinutes: 10 } });
    expect(ok.body.record.lateGraceMinutes).toBe(10);
  });

  it("switches an advisor off on DELETE and keeps their cards readable", async () => {
    await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!) });
    const del = await server.api(`/api/advisors/${advisors[0]}`, { method: "DELETE", json: { version: 1 } });
    expect(del.status).toBe(200);
    expect(del.body.record.active).toBe(false);
    const board = (await server.api("/api/board?date=2026-11-27")).body;
    expect(board.advisors.find((a: { id: number }) => a.id === advisors[0])).toMatchObject({ active: false });
    expect(board.appointments).toHaveLength(1);
  });
});

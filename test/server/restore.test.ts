import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { booking, seedBasics, startTestServer, type TestServer } from "../helpers/test-server.js";

describe("appointment.restore (undo from the audit log)", () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  async function moved() {
    const { advisors } = await seedBasics(server);
    const created = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!) });
    const id: number = created.body.record.id;
    await server.api(`/api/appointments/${id}/move`, { method: "POST", json: { version: 1, advisorId: advisors[1], startTime: "14:00" } });
    const history = await server.api(`/api/appointments/${id}/history`);
    const last = history.body.at(-1);
    return { id, advisors, auditId: last.id as number };
  }

  it("puts a moved card back where it was, as a new version with its own audit entry", async () => {
    const { id, advisors, auditId } = await moved();
    const editor = await server.client("staff");
    const ack = await editor.emitWithAck("board:command", { command: { type: "appointment.restore", id, version: 2, auditId } });
    expect(ack.ok).toBe(true);
    const card = (await server.api(`/api/appointments/${id}`)).body;
    expect(card).toMatchObject({ advisorId: advisors[0], startTime: "10:00", version: 3 });
    const history = (await server.api(`/api/appointments/${id}/history`)).body;
    expect(history.map((h: { action: string }) => h.action)).toEqual(["appointment.create", "appointment.move", "appointment.restore"]);
  });

  it("undoes a status change, e.g. a mistaken arrival", async () => {
    const { advisors } = await seedBasics(server);
    const created = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!) });
    const id: number = created.body.record.id;
    await server.api(`/api/appointments/${id}/arrive`, { method: "POST", json: { version: 1 } });
    const auditId = (await server.api(`/api/appointments/${id}/history`)).body.at(-1).id;
    const editor = await server.client("staff");
    const ack = await editor.emitWithAck("board:command", { command: { type: "appointment.restore", id, version: 2, auditId } });
    expect(ack.ok).toBe(true);
    expect((await server.api(`/api/appointments/${id}`)).body).toMatchObject({ status: "booked", arrivedAt: null });
  });

  it("refuses the undo when someone changed the card after that change, and sends the card as it is now", async () => {
    const { id, auditId } = await moved();
    await server.api(`/api/appointments/${id}/move`, { method: "POST", json: { version: 2, startTime: "16:00" } });
    const editor = await server.client("staff");
    // even with the current version: the entry is no longer the card's latest change
    const ack = await editor.emitWithAck("board:command", { command: { type: "appointment.restore", id, version: 3, auditId } });
    expect(ack.ok).toBe(false);
    if (ack.ok) return;
    expect(ack.error.code).toBe("version_conflict");
    expect(ack.error.current).toMatchObject({ startTime: "16:00", version: 3 });
    expect((await server.api(`/api/appointments/${id}`)).body.startTime).toBe("16:00");
  });

  it("refuses an undo based on a stale version", async () => {
    const { id, auditId } = await moved();
    const editor = await server.client("staff");
    const ack = await editor.emitWithAck("board:command", { command: { type: "appointment.restore", id, version: 1, auditId } });
    expect(ack.ok).toBe(false);
    if (!ack.ok) expect(ack.error.code).toBe("version_conflict");
  });

  it("refuses an audit entry of another card, naming the field", async () => {
    const { id, advisors } = await moved();
    const other = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { plate: "沪B·D1234" }) });
    const otherEntry = (await server.api(`/api/appointments/${other.body.record.id}/history`)).body[0].id;
    const editor = await server.client("staff");
    const ack = await editor.emitWithAck("board:command", { command: { type: "appointment.restore", id, version: 2, auditId: otherEntry } });
    expect(ack.ok).toBe(false);
    if (!ack.ok) expect(ack.error).toMatchObject({ code: "invalid_payload", field: "auditId" });
  });

  it("does not undo a booking's creation (that is a cancel)", async () => {
    const { advisors } = await seedBasics(server);
    const created = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!) });
    const id: number = created.body.record.id;
    const auditId = (await server.api(`/api/appointments/${id}/history`)).body[0].id;
    const editor = await server.client("staff");
    const ack = await editor.emitWithAck("board:command", { command: { type: "appointment.restore", id, version: 1, auditId } });
    expect(ack.ok).toBe(false);
    if (!ack.ok) expect(ack.error.code).toBe("invalid_transition");
    expect((await server.api(`/api/appointments/${id}`)).body.version).toBe(1);
  });
});

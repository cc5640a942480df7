import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../helpers/manual-clock.js";
import { booking, seedBasics, startTestServer, type Session, type TestServer } from "../helpers/test-server.js";
import { HOOK_CLAIM_MS, HOOK_RETRY_MS, TextHook, type HookDelivery, type HookMessage } from "../../server/ops/text-hook.js";
import { createStore } from "../../server/db/store.js";
import { Bookkeeping } from "../../server/board/bookkeeping.js";
import { silentLogger } from "../../server/logger.js";
import { importRegister, registerFile, registerLine } from "./register-fixture.js";

const MORNING = Date.parse("2026-12-01T02:00:00Z");

/** The dealer's SMS gateway as a real local HTTP server: it answers each POST as `answer` says, and keeps what it got. */
class Gateway {
  readonly received: HookMessage[] = [];
  answer: (m: HookMessage) => number | "hang" = () => 200;
  private readonly hanging: ServerResponse[] = [];
  private readonly server: Server;
  private readonly waiters: (() => void)[] = [];

  constructor() {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (c: string) => (body += c));
      req.on("end", () => {
        const m = JSON.parse(body) as HookMessage;
        this.received.push(m);
        for (const w of this.waiters.splice(0)) w();
        const a = this.answer(m);
        if (a === "hang") this.hanging.push(res);
        else res.writeHead(a, { "content-type": "application/json" }).end("{}");
      });
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sms`;
  }

  /** Resolves once the gateway has received `n` messages in all. */
  async receivedCount(n: number): Promise<void> {
    while (this.received.length < n) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    for (const res of this.hanging.splice(0)) res.writeHead(200).end("{}");
  }

  async close(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

describe("the text hook", () => {
  let server: TestServer;
  let clock: ManualClock;
  let gateway: Gateway;
  let kefu: Session;
  let advisors: number[];
  let deliveries: HookDelivery[];
  let waiters: (() => void)[];
  let dir: string;

  /** Resolves once the hook has reported `n` tries in all. */
  const tries = async (n: number) => {
    while (deliveries.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
  };

  beforeEach(async () => {
    clock = new ManualClock(MORNING);
    dir = mkdtempSync(path.join(tmpdir(), "magboard-hook-"));
    server = await startTestServer({ clock, file: path.join(dir, "magboard.sqlite") });
    ({ advisors } = await seedBasics(server));
    deliveries = [];
    waiters = [];
    server.app.textHook!.onDelivery((d) => {
      deliveries.push(d);
      for (const w of waiters.splice(0)) w();
    });
    gateway = new Gateway();
    const url = await gateway.listen();
    await importRegister(server, registerFile(Array.from({ length: 5 }, (_, i) => registerLine(i + 1, { last: `2026/9/${10 + i}` }))));
    await server.api("/api/call-lists/regular_maintenance/generate", { method: "POST", json: {} });
    const s = (await server.api("/api/letters/settings")).body;
    await server.api("/api/letters/settings", { method: "PATCH", json: { version: s.version, hotline: "400-820-8820", hookUrl: url } });
    kefu = await server.sessionAs("service_desk", { username: "kefu" });
  });
  afterEach(async () => {
    await server.close();
    await gateway.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const entryIds = async (): Promise<number[]> => ((await server.api("/api/call-lists/regular_maintenance", { as: kefu })).body as { id: number }[]).map((e) => e.id);
  const batch = async (id: number) => (await server.api(`/api/letters/batches/${id}`, { as: kefu })).body as { sends: { id: number; phone: string; hookState: string; hookAttempts: number; hookError: string }[] };

  it("POSTs each text as JSON to the configured address, and marks it sent", async () => {
    const res = await server.api("/api/letters/send", { method: "POST", json: { kind: "text", entryIds: await entryIds() }, as: kefu });
    expect(res.status).toBe(201);
    await tries(5);
    expect(gateway.received.map((m) => m.phone).sort()).toEqual(["13900000001", "13900000002", "13900000003", "13900000004", "13900000005"]);
    const first = gateway.received.find((m) => m.phone === "13900000001")!;
    expect(first.message).toContain("京A·00001");
    expect(first.message).toContain("400-820-8820");
    expect(first.message).toContain("2026年12月9日");
    expect(first).toMatchObject({ plate: "京A·00001", batchId: res.body.record.id, language: "zh-CN" });
    expect((await batch(res.body.record.id)).sends.every((s) => s.hookState === "sent" && s.hookAttempts === 1)).toBe(true);
  });

  it("retries a text the gateway refuses, marks it failed after the last retry, reports it per message, and sends it again on request", async () => {
    gateway.answer = (m) => (m.phone === "13900000003" ? 500 : 200);
    const res = await server.api("/api/letters/send", { method: "POST", json: { kind: "text", entryIds: await entryIds() }, as: kefu });
    await tries(5);
    let sends = (await batch(res.body.record.id)).sends;
    expect(sends.filter((s) => s.hookState === "sent")).toHaveLength(4);
    expect(sends.find((s) => s.phone === "13900000003")).toMatchObject({ hookState: "pending", hookAttempts: 1, hookError: "http_500" });
    // each retry comes when the server's clock reaches it
    for (const [i, wait] of HOOK_RETRY_MS.entries()) {
      clock.advance(wait - 1);
      expect(gateway.received).toHaveLength(5 + i);
      clock.advance(1);
      await tries(6 + i);
    }
    sends = (await batch(res.body.record.id)).sends;
    const failed = sends.find((s) => s.phone === "13900000003")!;
    expect(failed).toMatchObject({ hookState: "failed", hookAttempts: 4, hookError: "http_500" });
    // nothing more is tried by itself, and the failure is listed for people to see
    clock.advance(60 * 60_000);
    expect(gateway.received).toHaveLength(8);
    expect(((await server.api("/api/letters/texts/failed", { as: kefu })).body as { id: number }[]).map((s) => s.id)).toEqual([failed.id]);
    // the gateway is fixed; the desk sends it again, through the pipeline, audited
    gateway.answer = () => 200;
    const retry = await server.api(`/api/letters/texts/${failed.id}/retry`, { method: "POST", json: {}, as: kefu });
    expect(retry.status).toBe(200);
    await tries(9);
    expect((await batch(res.body.record.id)).sends.find((s) => s.id === failed.id)).toMatchObject({ hookState: "sent", hookAttempts: 1 });
    expect(server.db.prepare("SELECT action FROM audit_log WHERE entity = 'contact_send'").all()).toEqual([{ action: "letters.retry_text" }]);
    // a text that is not failed is not sent again
    expect((await server.api(`/api/letters/texts/${failed.id}/retry`, { method: "POST", json: {}, as: kefu })).body.error).toMatchObject({ code: "invalid_transition", field: "status" });
  });

  it("never holds the write pipeline up: with the gateway not answering, the send and other commands answer at once", async () => {
    gateway.answer = () => "hang";
    const res = await server.api("/api/letters/send", { method: "POST", json: { kind: "text", entryIds: await entryIds() }, as: kefu });
    expect(res.status).toBe(201);
    await gateway.receivedCount(1);
    // the hook is waiting on the gateway; the board still takes a booking
    const card = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { date: "2026-12-02" }) });
    expect(card.status).toBe(201);
    expect((await batch(res.body.record.id)).sends.every((s) => s.hookState === "pending")).toBe(true);
    gateway.release();
    gateway.answer = () => 200;
    await tries(5);
    expect((await batch(res.body.record.id)).sends.every((s) => s.hookState === "sent")).toBe(true);
  });

  it("sends a text left pending when the server stopped once it is started again, and later changes do not send it twice", async () => {
    gateway.answer = () => "hang";
    const res = await server.api("/api/letters/send", { method: "POST", json: { kind: "text", entryIds: (await entryIds()).slice(0, 1) }, as: kefu });
    await gateway.receivedCount(1);
    // stopped while the gateway has not answered: the text must not be lost
    await server.close();
    gateway.release();
    gateway.answer = () => 200;
    // the new server's hook may try before this test can listen to it: the gateway is the witness
    server = await startTestServer({ clock, file: path.join(dir, "magboard.sqlite") });
    // the stopped server's try may still be under way at the gateway: its claim runs out first
    clock.advance(HOOK_CLAIM_MS);
    await gateway.receivedCount(2);
    await expect.poll(async () => (await batch(res.body.record.id)).sends[0]).toMatchObject({ hookState: "sent", hookAttempts: 1 });
    // a booking and a letter afterwards are no reason to send it again
    expect((await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { date: "2026-12-02" }) })).status).toBe(201);
    expect((await server.api("/api/letters/send", { method: "POST", json: { kind: "letter", entryIds: (await entryIds()).slice(1, 2) }, as: kefu })).status).toBe(201);
    expect(gateway.received.map((m) => m.id)).toEqual([gateway.received[0]!.id, gateway.received[0]!.id]);
  });

  it("sends each text once when two senders run at once (a leader change in the middle of a send)", async () => {
    gateway.answer = () => "hang";
    const res = await server.api("/api/letters/send", { method: "POST", json: { kind: "text", entryIds: (await entryIds()).slice(0, 3) }, as: kefu });
    await gateway.receivedCount(1);
    // the next leader's hook starts while this one's first try hangs at the gateway
    const store = createStore(server.db);
    const other = new TextHook(store, new Bookkeeping(store.repos), server.app.board, clock, silentLogger);
    other.start();
    await gateway.receivedCount(2);
    gateway.answer = () => 200;
    gateway.release();
    await expect.poll(async () => (await batch(res.body.record.id)).sends.map((s) => s.hookState), { timeout: 10_000 }).toEqual(["sent", "sent", "sent"]);
    other.stop();
    const ids = gateway.received.map((m) => m.id).sort();
    expect(ids).toEqual([...new Set(ids)]);
    expect(ids).toHaveLength(3);
  });

  it("keeps a text pending across a gateway that cannot be reached, never dropping it", async () => {
    await gateway.close();
    const res = await server.api("/api/letters/send", { method: "POST", json: { kind: "text", entryIds: (await entryIds()).slice(0, 1) }, as: kefu });
    await tries(1);
    expect((await batch(res.body.record.id)).sends[0]).toMatchObject({ hookState: "pending", hookAttempts: 1, hookError: "unreachable" });
    gateway = new Gateway();
  });
});

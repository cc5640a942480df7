import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RequestIdSchema } from "../../shared/schemas/commands.js";
import { booking, ENGINES, follow, seedBasics, startTestServer, type TestServer } from "../helpers/test-server.js";

describe.each(ENGINES)("the board behind the transports, on %s", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ engine });
  });
  afterEach(async () => {
    await server.close();
  });

  it("answers the sender before any screen hears of the change, the sender's own screen included", async () => {
    const { advisors } = await seedBasics(server);
    const editor = await server.client("staff");
    await follow(editor, "2026-11-27");
    const heard: string[] = [];
    const patched = new Promise<void>((resolve) =>
      editor.once("board:patch", () => {
        heard.push("patch");
        resolve();
      }),
    );
    // the answer is recorded in the ack callback itself, in the order the packets arrive
    const answered = new Promise<boolean>((resolve) =>
      editor.emit("board:command", { command: { type: "appointment.create", input: { ...booking(advisors[0]!), customerTitle: "mr" } } }, (ack) => {
        heard.push("answer");
        resolve(ack.ok);
      }),
    );
    expect(await answered).toBe(true);
    await patched;
    expect(heard).toEqual(["answer", "patch"]);
  });

  it("takes an Idempotency-Key over REST exactly when the socket would take it as a requestId", async () => {
    const { advisors } = await seedBasics(server);
    const keys = ["seven77", "eight888", "with space-1", "dollar$sign", "a".repeat(64), "b".repeat(65), "under_score-dash"];
    for (const [i, key] of keys.entries()) {
      const headers = { "idempotency-key": key };
      const card = booking(advisors[0]!, { customerName: `客户${i}` });
      await server.api("/api/appointments", { method: "POST", json: card, headers });
      await server.api("/api/appointments", { method: "POST", json: card, headers });
      const made = (await server.api("/api/board?date=2026-11-27")).body.appointments.filter((a: { customerName: string }) => a.customerName === `客户${i}`);
      // a key in the socket's format makes the retry a no-op; any other key is ignored, so the retry books again
      expect(made.length, key).toBe(RequestIdSchema.safeParse(key).success ? 1 : 2);
    }
  });

});

// on PostgreSQL: test/cluster/pg-store.test.ts stops the server itself
describe("the board's health on SQLite", () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it("says the database is unavailable, with no revision, when it cannot be read", async () => {
    // as a monitoring probe asks: no session to look up
    expect((await server.api("/api/health", { as: "anonymous" })).body).toMatchObject({ status: "ok", database: "ok", revision: expect.any(Number) });
    server.db.close();
    const health = await server.api("/api/health", { as: "anonymous" });
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: "degraded", database: "unavailable", revision: null });
  });
});

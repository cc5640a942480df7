import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { booking, follow, seedBasics, startTestServer, type TestServer } from "../helpers/test-server.js";

describe("following again with the revision a screen holds", () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it("gives a screen that is ahead of the database (a copy put back by hand) a fresh board, not silence", async () => {
    const { advisors } = await seedBasics(server);
    await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!) });
    const display = await server.client("display");
    const ahead = await follow(display, "2026-11-27", await server.app.board.revision() + 50);
    expect(ahead.kind).toBe("snapshot");
    if (ahead.kind === "snapshot") {
      expect(ahead.snapshot.revision).toBe(await server.app.board.revision());
      expect(ahead.snapshot.appointments).toHaveLength(1);
    }
  });

  it("gives a screen that is up to date nothing to replay", async () => {
    await seedBasics(server);
    const display = await server.client("display");
    const now = await follow(display, "2026-11-27", await server.app.board.revision());
    expect(now).toMatchObject({ kind: "patches", patches: [] });
  });
});

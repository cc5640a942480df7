import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { booking, ENGINES, seedBasics, startTestServer, type TestServer } from "../helpers/test-server.js";

describe.each(ENGINES)("GET /api/search on %s", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ engine });
    const { advisors } = await seedBasics(server);
    await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!) });
    await server.api("/api/appointments", {
      method: "POST",
      json: booking(advisors[1]!, { customerName: "王芳", plate: "沪B·D12345", phone: "139-1166-2048" }),
    });
    // another day's card with the same plate must not be found on this day
    await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { date: "2026-11-28" }) });
  });
  afterEach(async () => {
    await server.close();
  });

  const plates = async (q: string) =>
    (await server.api(`/api/search?date=2026-11-27&q=${encodeURIComponent(q)}`)).body.map((a: { plate: string }) => a.plate);

  it.each(["京A12345", "a12345", "12345", "A·12345", "京a 12345", "ａ１２３４５"])("finds 京A·12345 by %s", async (q) => {
    expect(await plates(q)).toContain("京A·12345");
  });

  it("finds by part of the name and by the phone typed with or without separators", async () => {
    expect(await plates("王")).toEqual(["沪B·D12345"]);
    expect(await plates("13911662048")).toEqual(["沪B·D12345"]);
    expect(await plates("1024 5567")).toEqual(["京A·12345"]);
  });

  it("does not treat % or _ in the query as wildcards", async () => {
    expect(await plates("%")).toEqual([]);
    expect(await plates("_")).toEqual([]);
  });

  it("finds nothing for a plate that is not on the board", async () => {
    expect(await plates("99999")).toEqual([]);
  });
});

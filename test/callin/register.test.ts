import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { booking, seedBasics, startTestServer, type TestServer } from "../helpers/test-server.js";
import { dbFingerprint } from "../helpers/db-fingerprint.js";
import { parseCsv } from "../../shared/csv/read.js";
import { gbk, importRegister, registerFile, registerLine, REGISTER_HEADER } from "./register-fixture.js";

describe("the vehicle and customer register", () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it("previews a dealer file (new, updated, merged) without saving, then imports all of it", async () => {
    await importRegister(server, registerFile([registerLine(1), registerLine(2)]));
    const before = dbFingerprint(server.db);
    // row 1: known plate (updated); row 2: known VIN under a new plate (merged); row 3: new; row 4: row 3's plate again (merged)
    const file = registerFile([
      registerLine(1, { km: "25000" }),
      registerLine(2, { plate: "京A·D12345" }),
      registerLine(3),
      registerLine(3, { vin: "", name: "客户00003" }),
    ]);
    const preview = await importRegister(server, file, true);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ encoding: "utf-8", rows: 4, created: 1, updated: 1, merged: 2, refused: [], actions: ["updated", "merged", "created", "merged"] });
    expect(dbFingerprint(server.db), "a preview saves nothing").toBe(before);
    const done = await importRegister(server, file);
    expect(done.status).toBe(200);
    expect(done.body.record).toMatchObject({ created: 1, updated: 1, merged: 2 });
    const all = (await server.api("/api/register/vehicles")).body;
    expect(all.total).toBe(3);
    const plates = all.entries.map((e: { vehicle: { plate: string } }) => e.vehicle.plate).sort();
    expect(plates).toEqual(["京A·00001", "京A·00003", "京A·D12345"]);
    const one = all.entries.find((e: { vehicle: { plate: string } }) => e.vehicle.plate === "京A·00001");
    expect(one.vehicle).toMatchObject({ lastServiceDate: "2026-09-20", lastServiceKm: 25000, saleDate: "2024-03-15", model: "大众 朗逸" });
    expect(one.customer).toMatchObject({ name: "客户00001", title: "mr", phone: "13900000001" });
  });

  it("reads a GBK file saved by Excel as Chinese, and says which encoding it read", async () => {
    const file = gbk(registerFile([registerLine(7, { name: "张伟", title: "女士" })]));
    const preview = await importRegister(server, file, true);
    expect(preview.body.encoding).toBe("gb18030");
    expect(preview.body.refused).toEqual([]);
    await importRegister(server, file);
    const found = (await server.api(`/api/register/lookup?q=${encodeURIComponent("京A00007")}`)).body;
    expect(found[0].customer).toMatchObject({ name: "张伟", title: "ms" });
  });

  it("refuses the whole file for one broken row, naming the row and field, and changes nothing", async () => {
    const before = dbFingerprint(server.db);
    const file = registerFile([registerLine(1), registerLine(2, { last: "2026/13/40" }), registerLine(3, { plate: "" })]);
    const preview = await importRegister(server, file, true);
    expect(preview.body.refused).toEqual([
      { row: 2, field: "rows.1.lastServiceDate", message: expect.any(String) },
      { row: 3, field: "rows.2.plate", message: expect.any(String) },
    ]);
    const res = await importRegister(server, file);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "invalid_payload", field: "rows.1.lastServiceDate" });
    expect(Object.keys(res.body.error.fields)).toEqual(["rows.1.lastServiceDate", "rows.2.plate"]);
    expect(dbFingerprint(server.db)).toBe(before);
  });

  it("refuses junk, an empty body and a file without the needed columns by name, and 10 MB by size", async () => {
    const before = dbFingerprint(server.db);
    const junk = Buffer.alloc(10 * 1024 * 1024, 0x41);
    const big = await importRegister(server, junk);
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("payload_too_large");
    const noise = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 256));
    const bad = await importRegister(server, noise);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "invalid_payload", field: "file" });
    const empty = await importRegister(server, "");
    expect(empty.body.error).toMatchObject({ code: "invalid_payload", field: "file" });
    expect(dbFingerprint(server.db)).toBe(before);
  });

  it("keeps quotes, commas and BOM intact, stores formula cells as text and defuses them in the export", async () => {
    const lines = [`"京A·00001",,"大众 ""朗逸"", 1.5L",2024/3/15,2026/9/20,23000,,,,"=HYPERLINK(""http://x"")",先生,139 0000 0001`];
    const res = await importRegister(server, "\uFEFF" + REGISTER_HEADER + "\r\n" + lines.join("\r\n"));
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await (await fetch(server.url + "/api/register/export.csv", { headers: { cookie: server.manager.cookie } })).arrayBuffer());
    expect([...bytes.subarray(0, 3)], "a BOM, so Excel reads the Chinese as UTF-8").toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    const [header, row] = parseCsv(csv);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell("model")).toBe('大众 "朗逸", 1.5L');
    expect(cell("customerName")).toBe(`'=HYPERLINK("http://x")`);
    // the export imports back as it was
    const again = await importRegister(server, csv, true);
    expect(again.body).toMatchObject({ updated: 1, created: 0, refused: [] });
  });

  it("looks a car up by plate or by the owner's phone; edits go through the pipeline with their audit", async () => {
    await importRegister(server, registerFile([registerLine(1), registerLine(2, { phone: "13900000001" })]));
    const byPlate = (await server.api(`/api/register/lookup?q=${encodeURIComponent("a00002")}`)).body;
    expect(byPlate.map((e: { vehicle: { plate: string } }) => e.vehicle.plate)).toEqual(["京A·00002"]);
    const byPhone = (await server.api("/api/register/lookup?q=139%200000%200001")).body;
    expect(byPhone.map((e: { vehicle: { plate: string } }) => e.vehicle.plate).sort()).toEqual(["京A·00001", "京A·00002"]);
    const v = byPlate[0].vehicle;
    const edit = await server.api(`/api/register/vehicles/${v.id}`, { method: "PATCH", json: { version: v.version, insuranceEnd: "2027-01-05" } });
    expect(edit.status).toBe(200);
    // an edit changes what it names and nothing else: the owner and the VIN stay
    expect(edit.body.record).toMatchObject({ insuranceEnd: "2027-01-05", customerId: v.customerId, vin: v.vin, lastServiceDate: v.lastServiceDate });
    const stale = await server.api(`/api/register/vehicles/${v.id}`, { method: "PATCH", json: { version: v.version, insuranceEnd: "2027-01-06" } });
    expect(stale.body.error.code).toBe("version_conflict");
    const badDate = await server.api(`/api/register/vehicles/${v.id}`, { method: "PATCH", json: { version: v.version + 1, warrantyEnd: "2027-02-30" } });
    expect(badDate.body.error).toMatchObject({ code: "invalid_payload", field: "warrantyEnd" });
    const audit = server.db.prepare("SELECT action FROM audit_log WHERE entity = 'vehicle' AND entity_id = ?").all(v.id) as { action: string }[];
    expect(audit.map((a) => a.action)).toContain("vehicle.update");
  });

  it("adds a new phone customer to the register when booked, and a completed card becomes the car's last service", async () => {
    const { advisors } = await seedBasics(server);
    const made = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { plate: "沪B·D1234", customerName: "李娜", customerTitle: "ms", phone: "136 0000 1111", mileageKm: 41000 }) });
    expect(made.status).toBe(201);
    const found = (await server.api("/api/register/lookup?q=13600001111")).body;
    expect(found).toHaveLength(1);
    expect(found[0].vehicle).toMatchObject({ plate: "沪B·D1234", lastServiceDate: null });
    expect(found[0].customer).toMatchObject({ name: "李娜", title: "ms" });
    let card = made.body.record;
    for (const action of ["arrive", "greet", "start", "complete"]) {
      card = (await server.api(`/api/appointments/${card.id}/${action}`, { method: "POST", json: { version: card.version } })).body.record;
    }
    const after = (await server.api(`/api/register/vehicles/${found[0].vehicle.id}`)).body;
    expect(after.vehicle).toMatchObject({ lastServiceDate: "2026-11-27", lastServiceKm: 41000 });
    // a second booking of the same car joins the same vehicle, not a new one
    await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { plate: "沪B D1234", date: "2026-11-28", phone: "136 0000 1111" }) });
    expect((await server.api("/api/register/vehicles")).body.total).toBe(1);
  });
});

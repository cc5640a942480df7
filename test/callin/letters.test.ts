import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../helpers/manual-clock.js";
import { TEST_ADMIN_PASSWORD, seedBasics, startTestServer, type Session, type TestServer } from "../helpers/test-server.js";
import { dbFingerprint } from "../helpers/db-fingerprint.js";
import { parseCsv } from "../../shared/csv/read.js";
import { PLACEHOLDERS } from "../../shared/rules/letters.js";
import { importRegister, registerFile, registerLine } from "./register-fixture.js";

/** 10:00 on 2026-12-01 in Shanghai: December's maintenance list is made from the register below. */
const MORNING = Date.parse("2026-12-01T02:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

type Entry = { id: number; version: number; vehicleId: number; dueDate: string; dueToday: boolean; nextTryDate: string | null; lastContactAt: string | null; letterAt: string | null; textAt: string | null; vehicle: { plate: string } };

describe("letters and texts", () => {
  let server: TestServer;
  let clock: ManualClock;
  let kefu: Session;

  beforeEach(async () => {
    clock = new ManualClock(MORNING);
    server = await startTestServer({ clock });
    await seedBasics(server);
    // six cars last serviced 2026-09-10 … 09-15 at 23,000 km, due 2026-12-09 … 12-14
    await importRegister(server, registerFile(Array.from({ length: 6 }, (_, i) => registerLine(i + 1, { last: `2026/9/${10 + i}`, km: String(23000 + i * 1000) }))));
    await server.api("/api/call-lists/regular_maintenance/generate", { method: "POST", json: {} });
    kefu = await server.sessionAs("service_desk", { username: "kefu" });
  });
  afterEach(async () => {
    await server.close();
  });

  const list = async (as: Session = kefu): Promise<Entry[]> => (await server.api("/api/call-lists/regular_maintenance", { as })).body;
  const settings = async () => (await server.api("/api/letters/settings")).body;
  const setUp = async (changes: Record<string, unknown>) => {
    const res = await server.api("/api/letters/settings", { method: "PATCH", json: { version: (await settings()).version, ...changes } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.record;
  };
  const send = (body: Record<string, unknown>, as: Session = kefu) => server.api("/api/letters/send", { method: "POST", json: body, as });

  it("has magboard's own letter and text in Chinese and English, every placeholder known, and the manager changes them", async () => {
    const s = await settings();
    expect(s).toMatchObject({ hotline: "", followUpDays: 14, serviceIntervalKm: 5000, version: 1 });
    for (const phrase of ["定期保养温馨提醒", "《保养手册》", "{hotline}", "预约专用通道", "总经理 {generalManager}", "{plate}", "{lastServiceDate}", "{lastServiceKm}", "{dueDate}", "{dueKm}", "请忽略", "约两周"]) {
      expect(s.letterTemplateZh).toContain(phrase);
    }
    for (const phrase of ["maintenance booklet", "{hotline}", "priority lane", "General Manager", "ignore this letter", "About two weeks after this letter"]) expect(s.letterTemplateEn).toContain(phrase);
    expect(s.textTemplateZh).toContain("{dueDate}");
    expect(s.textTemplateZh).toContain("{hotline}");
    expect(s.textTemplateEn.length).toBeLessThan(300);
    const saved = await setUp({ hotline: "400-820-8820", generalManager: "李建国", storeName: "北京望京汽车服务中心" });
    expect(saved).toMatchObject({ hotline: "400-820-8820", version: 2 });
    const history = server.db.prepare("SELECT action, actor FROM audit_log WHERE entity = 'letter_settings'").all();
    expect(history).toEqual([{ action: "letters.settings", actor: expect.stringContaining("admin") }]);
  });

  it("refuses a template with an unknown placeholder, naming it and the field, and changes nothing", async () => {
    const before = dbFingerprint(server.db);
    const res = await server.api("/api/letters/settings", { method: "PATCH", json: { version: 1, letterTemplateZh: "尊敬的{customer}，请于{dueDay}前来保养" } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "invalid_payload", field: "letterTemplateZh" });
    expect(res.body.error.message).toContain("{dueDay}");
    const url = await server.api("/api/letters/settings", { method: "PATCH", json: { version: 1, hookUrl: "ftp://gateway" } });
    expect(url.body.error).toMatchObject({ code: "invalid_payload", field: "hookUrl" });
    const desk = await server.api("/api/letters/settings", { method: "PATCH", json: { version: 1, hotline: "110" }, as: kefu });
    expect(desk.status).toBe(403);
    expect(dbFingerprint(server.db)).toBe(before);
    // every placeholder is accepted
    await setUp({ textTemplateEn: PLACEHOLDERS.map((p) => `{${p}}`).join(" ") });
  });

  it("sends a batch of letters: each filled from the register, recorded on its entry with an audit entry, the follow-up call two weeks later on the server's clock", async () => {
    await setUp({ hotline: "400-820-8820", generalManager: "李建国", storeName: "望京服务中心" });
    const open = await list();
    expect(open).toHaveLength(6);
    const refused = await send({ kind: "letter", entryIds: [] });
    expect(refused.body.error).toMatchObject({ code: "invalid_payload", field: "entryIds" });
    const res = await send({ kind: "letter", entryIds: open.map((e) => e.id) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.record).toMatchObject({ kind: "letter", count: 6, followUpDate: "2026-12-15", language: "zh-CN" });
    const batch = (await server.api(`/api/letters/batches/${res.body.record.id}`, { as: kefu })).body;
    expect(batch.sends).toHaveLength(6);
    const first = batch.sends.find((s: { plate: string }) => s.plate === "京A·00001");
    expect(first.message).toContain("尊敬的客户00001先生");
    expect(first.message).toContain("上次保养：2026年9月10日，行驶里程 23,000 公里");
    expect(first.message).toContain("本次保养：2026年12月9日前后，或行驶至 28,000 公里");
    expect(first.message).toContain("400-820-8820");
    expect(first.message).toContain("总经理 李建国");
    expect(first.message).toContain("2026年12月1日");
    expect(first.message).not.toMatch(/\{\w+\}/);
    // recorded on the entry: contacted now, next call on 12-15, not due before
    const after = await list();
    for (const e of after) expect(e).toMatchObject({ letterAt: "2026-12-01T02:00:00.000Z", lastContactAt: "2026-12-01T02:00:00.000Z", nextTryDate: "2026-12-15", dueToday: false });
    const audit = server.db.prepare("SELECT action, entity_id AS id, actor FROM audit_log WHERE action = 'call.letter_sent' ORDER BY id").all() as { id: number; actor: string }[];
    expect(audit.map((a) => a.id)).toEqual(open.map((e) => e.id));
    expect(audit[0]!.actor).toContain("kefu");
    // nothing to call before the follow-up day; on it, every entry is due and the desk takes them
    expect((await server.api("/api/call-lists/regular_maintenance/claim", { method: "POST", json: {}, as: kefu })).status).toBe(404);
    // two weeks is past a session's idle limit: the desk signs in again each morning
    clock.advance(13 * DAY);
    kefu = await server.signIn("kefu", "own-kefu-pw");
    expect((await list()).filter((e) => e.dueToday)).toHaveLength(0);
    clock.advance(DAY);
    kefu = await server.signIn("kefu", "own-kefu-pw");
    server.manager = await server.signIn("admin", TEST_ADMIN_PASSWORD);
    expect((await list()).filter((e) => e.dueToday)).toHaveLength(6);
    const claimed = await server.api("/api/call-lists/regular_maintenance/claim", { method: "POST", json: {}, as: kefu });
    expect(claimed.status).toBe(200);
    // a closed entry gets no letter, and the whole batch is refused, naming the entry
    const e = claimed.body.record;
    await server.api(`/api/call-lists/entries/${e.id}/outcome`, { method: "POST", json: { version: e.version, outcome: "declined" }, as: kefu });
    const fp = dbFingerprint(server.db);
    const closed = await send({ kind: "letter", entryIds: [after[1]!.id, e.id] });
    expect(closed.body.error).toMatchObject({ code: "invalid_payload", field: expect.stringMatching(/^entryIds\.[01]$/) });
    expect(dbFingerprint(server.db)).toBe(fp);
  });

  it("refuses to send before the hotline is set, and names a bad kind, a repeated entry and a bad language", async () => {
    const ids = (await list()).map((e) => e.id);
    const before = dbFingerprint(server.db);
    expect((await send({ kind: "letter", entryIds: ids })).body.error).toMatchObject({ code: "invalid_payload", field: "hotline" });
    await setUp({ hotline: "400-820-8820" });
    const fp = dbFingerprint(server.db);
    expect(fp).not.toBe(before);
    expect((await send({ kind: "fax", entryIds: ids })).body.error).toMatchObject({ code: "invalid_payload", field: "kind" });
    expect((await send({ kind: "text", entryIds: [ids[0], ids[0]] })).body.error).toMatchObject({ code: "invalid_payload", field: "entryIds" });
    expect((await send({ kind: "text", entryIds: ids, language: "fr" })).body.error).toMatchObject({ code: "invalid_payload", field: "language" });
    expect((await send({ kind: "text", entryIds: [999999] })).body.error).toMatchObject({ code: "invalid_payload", field: "entryIds.0" });
    expect(dbFingerprint(server.db)).toBe(fp);
  });

  it("exports a batch of texts as CSV for the gateway: phone and message from the register, formula cells defused", async () => {
    await setUp({ hotline: "400-820-8820", storeName: "望京服务中心", textTemplateZh: "{customer}{title}您好，您的爱车{plate}将于{dueDate}或{dueKm}公里保养，预约热线{hotline}。已保养请忽略。" });
    // a customer whose name a spreadsheet would run
    const v = (await server.api("/api/register/vehicles", { method: "POST", json: { plate: "京B·77777", customerName: "=HYPERLINK(\"x\")", phone: "13800000077", lastServiceDate: "2026-09-20", lastServiceKm: 41000 } })).body.record;
    await server.api("/api/call-lists/entries", { method: "POST", json: { list: "campaign", vehicleId: v.id, reason: "召回" } });
    const campaign = (await server.api("/api/call-lists/campaign", { as: kefu })).body as Entry[];
    const maintenance = await list();
    const a = await send({ kind: "text", entryIds: maintenance.map((e) => e.id) });
    expect(a.status).toBe(201);
    const csv = await server.api(`/api/letters/batches/${a.body.record.id}/texts.csv`, { as: kefu });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const [header, ...rows] = parseCsv(csv.body as string);
    expect(header).toEqual(["phone", "message"]);
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual(["13900000001", "客户00001先生您好，您的爱车京A·00001将于2026年12月9日或28,000公里保养，预约热线400-820-8820。已保养请忽略。"]);
    // texts are recorded on the entries too
    expect((await list()).every((e) => e.textAt === "2026-12-01T02:00:00.000Z" && e.nextTryDate === "2026-12-15")).toBe(true);
    const b = await send({ kind: "text", entryIds: [campaign[0]!.id] });
    const risky = parseCsv((await server.api(`/api/letters/batches/${b.body.record.id}/texts.csv`, { as: kefu })).body as string);
    expect(risky[1]![1]!.startsWith("'=HYPERLINK")).toBe(true);
    expect(server.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'call.text_sent'").get()).toEqual({ n: 7 });
  });
});

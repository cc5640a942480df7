import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Session, TestServer } from "../helpers/test-server.js";
import { expectAccessible } from "../helpers/axe.js";
import { DESK_SIZES, SCREEN_SIZES, screenshotAt, settled } from "../helpers/screenshots.js";
import { gbk, registerFile, registerLine } from "./register-fixture.js";
import { openTab as openScreen, startCallInScreens, type CallInScreens } from "./call-in-browser.js";

/** The busy day on the board at 10:00 in Shanghai on 2026-12-01, a register of 3,000 cars (call-in-browser.ts). */
const TIMEOUT = 240_000;
const DESK = SCREEN_SIZES["desk-1366"];

describe("the call-in screens in Chromium", () => {
  let screens: CallInScreens;
  let browser: Browser;
  let server: TestServer;
  let kefu: Session;

  beforeAll(async () => {
    screens = await startCallInScreens();
    ({ browser, server, kefu } = screens);
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const openTab = (name: string, ready: string, as: Session = kefu, viewport: { width: number; height: number } = DESK): Promise<Page> => openScreen(screens, name, ready, as, viewport);

  it("the service desk works December's maintenance list: next, no answer, next, booked from the entry", { timeout: TIMEOUT }, async () => {
    const page = await openTab("招揽名单", "admin-call-lists tbody tr");
    const rows = page.locator("admin-call-lists tbody tr");
    expect(await rows.count()).toBeGreaterThan(100);
    await page.locator("admin-call-lists button", { hasText: "下一位" }).click();
    const current = page.locator("admin-call-lists .current");
    await current.waitFor();
    await screenshotAt(page, "admin-call-lists", DESK_SIZES);
    await page.setViewportSize(DESK);
    await settled(page);
    await expectAccessible(page, "the call-in list with an entry being called");
    const first = (await current.locator("h3").textContent()) ?? "";
    await current.locator("button", { hasText: "无人接听" }).click();
    await current.waitFor({ state: "detached" });
    // tried today, waiting for tomorrow: counted apart from today's calls
    await expect.poll(() => page.locator("admin-call-lists .bar [role=status]").textContent()).toContain("之后再联系 1 位");
    expect(server.db.prepare("SELECT next_try_date AS next, attempts FROM call_entries WHERE outcome = 'no_answer'").all()).toEqual([{ next: "2026-12-02", attempts: 1 }]);
    await page.locator("admin-call-lists button", { hasText: "下一位" }).click();
    await current.waitFor();
    const second = (await current.locator("h3").textContent()) ?? "";
    expect(second).not.toBe(first);
    await current.locator("button", { hasText: "已预约" }).click();
    const form = page.locator("admin-booking-form");
    await form.locator("input[name=customerName]").waitFor();
    // the customer comes from the register: nothing retyped
    expect(second).toContain(await form.locator("input[name=customerName]").inputValue());
    expect(await form.locator("select[name=source]").inputValue()).toBe("regular_maintenance");
    expect(await form.locator("input[name=workRequested]").inputValue()).toBe("定期保养");
    await form.locator("input[name=date]").fill("2026-12-03");
    await form.locator("input[name=startTime]").fill("14:20");
    await screenshotAt(page, "admin-call-lists-booking", ["desk-1366"]);
    await form.locator("button[type=submit]").click();
    await form.waitFor({ state: "detached" });
    const booked = server.db.prepare("SELECT a.source, a.initiated_by AS by, l.entry_id AS entry FROM appointments a JOIN appointment_links l ON l.appointment_id = a.id WHERE a.date = '2026-12-03' AND a.start_time = '14:20'").get();
    expect(booked).toMatchObject({ source: "regular_maintenance", by: "dealer", entry: expect.any(Number) });
  });

  it("the register: search, edit, and a GBK file's preview saying which encoding it read", { timeout: TIMEOUT }, async () => {
    const page = await openTab("登记册", "admin-register tbody tr", server.manager);
    expect(await page.locator("admin-register [role=status]").first().textContent()).toContain("共 3000 辆车");
    await screenshotAt(page, "admin-register", DESK_SIZES);
    await page.setViewportSize(DESK);
    await page.locator("admin-register input[name=q]").fill("京A");
    await page.locator("admin-register tbody tr").first().waitFor();
    await page.locator("admin-register tbody tr button").first().click();
    const edit = page.locator("admin-register form.current");
    await edit.locator("input[name=insuranceEnd]").fill("2031-02-14");
    await edit.locator("button[type=submit]").click();
    await edit.waitFor({ state: "detached" });
    expect(server.db.prepare("SELECT count(*) AS n FROM vehicles WHERE insurance_end = '2031-02-14'").get()).toEqual({ n: 1 });
    const file = gbk(registerFile([registerLine(1, { name: "欧阳娜娜", title: "女士" }), registerLine(2, { last: "2026/02/30" })]));
    await page.locator("admin-register input[type=file]").setInputFiles({ name: "dms-export.csv", mimeType: "text/csv", buffer: file });
    const preview = page.locator("admin-register [role=status]", { hasText: "GB18030" });
    await preview.waitFor();
    expect(await page.locator("admin-register .bad li").allTextContents()).toEqual(["第 2 行的上次保养日期"]);
    await screenshotAt(page, "admin-register-preview", ["desk-1366"]);
    await settled(page);
    await expectAccessible(page, "the register with an import preview");
  });

  it("an advisor works the campaign entries naming them, on the phone", { timeout: TIMEOUT }, async () => {
    const advisors = (await server.api("/api/advisors")).body as { id: number }[];
    const cars = (await server.api("/api/register/vehicles?limit=8")).body.entries as { vehicle: { id: number } }[];
    for (const [i, c] of cars.entries()) {
      await server.api("/api/call-lists/entries", { method: "POST", json: { list: "campaign", vehicleId: c.vehicle.id, advisorId: advisors[i % 2]!.id, reason: "召回 R2026-07 转向拉杆检查" } });
    }
    const advisor = await server.sessionAs("advisor", { advisorId: advisors[0]!.id });
    const page = await openTab("招揽名单", "admin-call-lists select[name=list]", advisor, SCREEN_SIZES.phone);
    await page.locator("admin-call-lists select[name=list]").selectOption("campaign");
    await expect.poll(() => page.locator("admin-call-lists tbody tr").count()).toBe(4);
    await page.locator("admin-call-lists button", { hasText: "下一位" }).click();
    await page.locator("admin-call-lists .current").waitFor();
    await screenshotAt(page, "admin-call-lists-advisor", ["phone"]);
    await settled(page);
    await expectAccessible(page, "an advisor's own campaign entries on the phone");
  });

  it("the booking form finds a car by phone and fills the customer in; the appointments import reads GBK", { timeout: TIMEOUT }, async () => {
    const page = await openTab("预约板", "admin-board .tile", server.manager);
    const someone = server.db.prepare("SELECT c.name, c.phone, v.plate FROM vehicles v JOIN customers c ON c.id = v.customer_id ORDER BY v.id LIMIT 1").get() as { name: string; phone: string; plate: string };
    await page.locator("admin-toolbar button", { hasText: "新建预约" }).click();
    const form = page.locator("admin-booking-form");
    await form.locator("register-lookup input").fill(someone.phone.replace(/ /g, ""));
    await form.locator("register-lookup li button").first().click();
    expect(await form.locator("input[name=customerName]").inputValue()).toBe(someone.name);
    expect(await form.locator("input[name=plate]").inputValue()).toBe(someone.plate);
    await screenshotAt(page, "admin-booking-lookup", ["desk-1366"]);
    await settled(page);
    await expectAccessible(page, "the booking form with the register lookup");
    await form.locator("button", { hasText: "取消" }).click();

    await page.locator("admin-toolbar nav button").filter({ hasText: "导入" }).click();
    const csv = gbk("日期,时间,服务顾问,顾客姓名,车牌号,维修内容\r\n2026-12-01,15:00,服务顾问 A,欧阳娜娜,京A·54321,1万公里保养\r\n");
    await page.locator("admin-import input[type=file]").setInputFiles({ name: "appointments.csv", mimeType: "text/csv", buffer: csv });
    await page.locator("admin-import .encoding", { hasText: "GB18030" }).waitFor();
    expect(await page.locator("admin-import tbody tr td").nth(1).textContent()).toContain("欧阳娜娜");
  });
});

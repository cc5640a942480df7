import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage } from "../helpers/browser.js";
import { openSignedInPage } from "../helpers/browser-login.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { expectAccessible } from "../helpers/axe.js";
import { DESK_SIZES, SCREEN_SIZES, screenshotAt, settled } from "../helpers/screenshots.js";

/** 10:40 in Shanghai on 2026-11-27: the busy day's morning under way. */
const MID_MORNING = Date.parse("2026-11-27T02:40:00Z");
const AXE_TIMEOUT = 240_000;
const DESK = SCREEN_SIZES["desk-1366"];

describe("the editor on a busy day, checked by axe-core", () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer({ sample: "busy", clock: new ManualClock(MID_MORNING), staticDir: inject("pagesDir") });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function check(page: Page, what: string): Promise<void> {
    await settled(page);
    await expectAccessible(page, what);
  }

  async function editor(): Promise<Page> {
    const { page } = await openSignedInPage(browser, server, "/admin", { viewport: DESK });
    await expect.poll(() => page.locator("admin-board .tile").count(), { timeout: 20_000 }).toBeGreaterThan(100);
    return page;
  }

  async function tab(page: Page, name: string, ready: string): Promise<void> {
    await page.locator("admin-toolbar nav button").filter({ hasText: name }).click();
    await page.locator(ready).first().waitFor();
  }

  it("board, both views, with a card's panel open", { timeout: AXE_TIMEOUT }, async () => {
    const page = await editor();
    await screenshotAt(page, "admin-busy-board", DESK_SIZES);
    await page.setViewportSize(DESK);
    await check(page, "the editor's board (advisors × hours)");
    await page.locator("admin-board .tile").nth(20).click();
    await page.locator("admin-card-panel h2").waitFor();
    await page.locator("admin-card-panel button[aria-expanded]").click();
    await check(page, "the editor's board with a card's panel and history open");
    await screenshotAt(page, "admin-busy-card-panel", ["desk-1366"]);
    await page.locator("admin-toolbar .views button").nth(1).click();
    await expect.poll(() => page.locator("admin-board .tile").count()).toBeGreaterThan(100);
    await check(page, "the editor's board by bay");
  });

  it("booking dialog, empty, then with the field errors of a bad booking", { timeout: AXE_TIMEOUT }, async () => {
    const page = await editor();
    await page.locator("admin-toolbar .bar > button").first().click();
    await page.locator("admin-booking-form form").waitFor();
    await check(page, "the booking dialog");
    await page.locator("admin-booking-form [name=plate]").fill("京A-12#45");
    await page.locator("admin-booking-form [name=phone]").fill("call me");
    await page.locator("admin-booking-form button[type=submit]").click();
    await expect.poll(() => page.locator("admin-booking-form [aria-invalid=true]").count()).toBeGreaterThan(1);
    await check(page, "the booking dialog showing field errors");
    await screenshotAt(page, "admin-busy-booking-errors", ["desk-1366"]);
  });

  it("day before (tomorrow's calls, parts, repeat repairs and complaints), day sheet", { timeout: AXE_TIMEOUT }, async () => {
    const page = await editor();
    await tab(page, "前一天准备", "admin-day-before .calls tr[data-id]");
    await check(page, "the day-before page");
    await screenshotAt(page, "admin-busy-day-before", ["desk-1366"]);
    await tab(page, "当日打印单", "admin-day-sheet table");
    await check(page, "the day sheet");
  });

  it("import with a previewed file that has a bad row", { timeout: AXE_TIMEOUT }, async () => {
    const page = await editor();
    await tab(page, "导入", "admin-import input[type=file]");
    await check(page, "the import page");
    const csv = "预约日期,预约时间,服务顾问,客户姓名,车牌号,维修内容\n2026-11-28,09:00,服务顾问 A · 王磊,王芳,京B·D12345,1万公里保养\n2026-11-28,25:00,服务顾问 A · 王磊,李强,京N·8K2L1,刹车异响\n";
    await page.locator("admin-import input[type=file]").setInputFiles({ name: "dms.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.locator("admin-import tr.bad").first().waitFor();
    await check(page, "the import preview with a bad row");
    await screenshotAt(page, "admin-import-preview", ["desk-1366"]);
  });

  it("master data and rules, and the displays panel (in the manager's console) with a display just paired", { timeout: AXE_TIMEOUT }, async () => {
    const page = await editor();
    await tab(page, "基础数据与规则", "admin-master-data form");
    await check(page, "master data and rules");
    await tab(page, "店长控制台", "admin-console nav button");
    await page.locator("admin-console nav button").filter({ hasText: "设备与接口" }).click();
    await page.locator("admin-displays form[data-form='display-new']").waitFor();
    const form = page.locator("admin-displays form[data-form='display-new']");
    await form.locator("input[name='name']").fill("前台大屏");
    await form.getByRole("button", { name: "生成链接" }).click();
    await page.locator("admin-displays .created").waitFor();
    await check(page, "the displays panel with a pairing link shown");
    await screenshotAt(page, "admin-console-displays", ["desk-1366"]);
  });

  it("sign-in, with a wrong password, and the one-time password change", { timeout: AXE_TIMEOUT }, async () => {
    const { page } = await openPage(browser, `${server.url}/admin`, DESK);
    await page.getByLabel("用户名").waitFor();
    await check(page, "the sign-in page");
    await page.getByLabel("用户名").fill("admin");
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByRole("alert").waitFor();
    await check(page, "the sign-in page after a wrong password");
    await screenshotAt(page, "login-error", ["desk-1366"]);

    await server.api("/api/accounts", { method: "POST", json: { username: "li", displayName: "李客服", role: "desk", password: "one-time-from-manager" } });
    await page.getByLabel("用户名").fill("li");
    await page.getByLabel("密码").fill("one-time-from-manager");
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByLabel("新密码").waitFor();
    await check(page, "the one-time password change");
    await page.getByLabel("当前密码").fill("wrong-current-password");
    await page.getByLabel("新密码").fill("li-chose-her-own");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByRole("alert").waitFor();
    await check(page, "the password change after a wrong current password");
    await screenshotAt(page, "password-error", ["desk-1366"]);
  });

});

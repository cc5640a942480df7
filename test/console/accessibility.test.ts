import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser.js";
import { openSignedInPage } from "../helpers/browser-login.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { expectAccessible } from "../helpers/axe.js";
import { DESK_SIZES, SCREEN_SIZES, screenshotAt, settled } from "../helpers/screenshots.js";

/** 10:40 in Shanghai on 2026-11-27: the busy day's morning under way. */
const MID_MORNING = Date.parse("2026-11-27T02:40:00Z");
const AXE_TIMEOUT = 240_000;

describe("the manager's console on a busy day, checked by axe-core and looked at", () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer({ sample: "busy", clock: new ManualClock(MID_MORNING), staticDir: inject("pagesDir") });
    // a site as it is run: a phone account for most advisors, two desks, a second manager, a DMS token, two TVs
    const advisors = (await server.api("/api/advisors")).body as { id: number }[];
    for (const a of advisors.slice(0, 6)) await server.sessionAs("advisor", { advisorId: a.id });
    await server.sessionAs("desk");
    await server.sessionAs("desk");
    await server.sessionAs("manager");
    await server.api("/api/tokens", { method: "POST", json: { name: "DMS 对接", role: "desk" } });
    await server.api("/api/displays", { method: "POST", json: { name: "大厅屏", visibility: "public", language: "zh-CN", advisorIds: [] } });
    await server.api("/api/displays", { method: "POST", json: { name: "前台内侧屏", visibility: "staff", language: "zh-CN", advisorIds: [] } });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function console(section: string): Promise<Page> {
    const { page } = await openSignedInPage(browser, server, "/admin", { viewport: SCREEN_SIZES["desk-1366"] });
    await page.locator("admin-toolbar nav button").filter({ hasText: "店长控制台" }).click();
    await page.locator("admin-console nav button").filter({ hasText: section }).click();
    return page;
  }

  it("people, with a one-time password on screen", { timeout: AXE_TIMEOUT }, async () => {
    const page = await console("人员账号");
    await expect.poll(() => page.locator("admin-people tbody tr").count(), { timeout: 20_000 }).toBe(10);
    await settled(page);
    await expectAccessible(page, "the console's people list");
    await screenshotAt(page, "console-busy-people", DESK_SIZES);
    await page.setViewportSize(SCREEN_SIZES["desk-1366"]);
    await page.locator("admin-people tbody tr").nth(3).getByRole("button", { name: "重置密码" }).click();
    await page.locator("admin-people [role=alertdialog] button[data-action='confirm-yes']").click();
    await page.locator("admin-people admin-secret-once input.secret").waitFor();
    await settled(page);
    await expectAccessible(page, "the console's people list with a one-time password shown");
    await screenshotAt(page, "console-busy-people-password", DESK_SIZES);
  });

  it("devices: API tokens beside the paired displays", { timeout: AXE_TIMEOUT }, async () => {
    const page = await console("设备与接口");
    await expect.poll(() => page.locator("admin-tokens tbody tr").count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.locator("admin-displays tbody tr").count(), { timeout: 20_000 }).toBe(2);
    await settled(page);
    await expectAccessible(page, "the console's devices and integrations");
    await screenshotAt(page, "console-busy-devices", DESK_SIZES);
  });

  it("history, a move's before and after open", { timeout: AXE_TIMEOUT }, async () => {
    const board = (await server.api("/api/board?date=2026-11-27")).body as { appointments: { id: number; version: number; status: string; startTime: string }[] };
    const card = board.appointments.find((a) => a.status === "booked")!;
    await server.api(`/api/appointments/${card.id}/move`, { method: "POST", json: { version: card.version, startTime: "17:00" } });
    const page = await console("修改记录");
    await expect.poll(() => page.locator("admin-history tbody tr[data-entry]").count(), { timeout: 20_000 }).toBeGreaterThan(5);
    await page.locator("admin-history tbody tr[data-entry]").first().getByRole("button", { name: "修改前后" }).click();
    await page.locator("admin-history table.sides").waitFor();
    await settled(page);
    await expectAccessible(page, "the console's history with a change opened");
    await screenshotAt(page, "console-busy-history", DESK_SIZES);
  });
});

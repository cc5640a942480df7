import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signInContext } from "../helpers/browser-login.js";
import { startAdminWorld, type AdminWorld } from "./admin-page.js";

/** The panel's row for a display, found by its name. */
const rowOf = (page: Page, name: string) => page.locator("admin-displays tbody tr").filter({ hasText: name });

/** Asks the panel to refresh now, then reads one cell of the display's row. */
async function cellNow(page: Page, name: string, cell: string): Promise<string> {
  await page.locator(`admin-displays button[data-action="refresh"]`).click();
  const row = rowOf(page, name);
  return (await row.count()) === 0 ? "" : ((await row.locator(`[data-cell="${cell}"]`).textContent()) ?? "").trim();
}

/** The displays sit beside the API tokens in the manager's console. */
async function openDisplaysPanel(page: Page): Promise<void> {
  await page.getByRole("button", { name: "店长控制台" }).click();
  await page.getByRole("button", { name: "设备与接口" }).click();
  await page.locator("admin-displays form[data-form='display-new']").waitFor();
}

describe("admin: paired displays panel", () => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await startAdminWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it("pairs a staff-only TV that shows full names, shows it online, and revoking it cuts that TV off", async () => {
    const { server, cardId } = world;
    const admin = await world.open();
    await admin.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    await openDisplaysPanel(admin);

    const form = admin.locator("admin-displays form[data-form='display-new']");
    await form.locator("input[name='name']").fill("前台内侧屏");
    await form.locator("select[name='visibility']").selectOption("staff");
    await form.getByRole("button", { name: "生成链接" }).click();

    const shown = admin.locator("admin-displays .created");
    await expect.poll(() => shown.count()).toBe(1);
    expect(await shown.textContent()).toContain("只显示这一次");
    const url = await shown.locator("input.pairing-url").inputValue();
    expect(url).toMatch(new RegExp(`^${server.url}/display#key=dk_`));
    await shown.getByRole("button", { name: "复制链接" }).click();
    await expect.poll(() => admin.evaluate(() => navigator.clipboard.readText())).toBe(url);

    const listed = (await server.api("/api/displays")).body as { name: string; visibility: string }[];
    expect(listed).toEqual([expect.objectContaining({ name: "前台内侧屏", visibility: "staff" })]);

    // the TV holds no session: its link alone lets it in, with the full card
    const tvContext = await world.browser.newContext({ viewport: { width: 1920, height: 1080 }, timezoneId: "America/New_York" });
    try {
      const tv = await tvContext.newPage();
      await tv.goto(url);
      const card = tv.locator(`board-card .card[data-id="${cardId}"]`);
      await expect.poll(async () => ((await card.count()) === 0 ? "" : await card.textContent()), { timeout: 10_000 }).toContain("张伟");
      expect(await card.textContent()).toContain("京A·12345");

      await expect.poll(() => cellNow(admin, "前台内侧屏", "status"), { timeout: 10_000 }).toBe("在线");
      await expect.poll(() => cellNow(admin, "前台内侧屏", "showing"), { timeout: 10_000 }).toContain("2026-11-27");
      // the site's clock reads 09:00 in Shanghai; the browser sits in New York
      expect(await cellNow(admin, "前台内侧屏", "lastSeen")).toBe("2026-11-27 09:00");

      const row = rowOf(admin, "前台内侧屏");
      await row.getByRole("button", { name: "撤销" }).click();
      const confirm = row.getByRole("alertdialog");
      expect(await confirm.textContent()).toContain("立即断开");
      await confirm.getByRole("button", { name: "确定撤销" }).click();

      await expect.poll(() => tv.locator("display-app .banner[role='alert']").count(), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => cellNow(admin, "前台内侧屏", "status"), { timeout: 10_000 }).toBe("已撤销");
      expect(await rowOf(admin, "前台内侧屏").getByRole("button", { name: "撤销" }).count()).toBe(0);

      // reloading the TV with the same link no longer shows the board
      await tv.reload();
      await expect.poll(() => tv.locator("display-app .launch small").count(), { timeout: 10_000 }).toBe(1);
      expect(await card.count()).toBe(0);
    } finally {
      await tvContext.close();
    }
  });

  it("switches a display between public and staff-only, and between the grid and the list", async () => {
    const { server } = world;
    await server.api("/api/displays", { method: "POST", json: { name: "大厅屏", visibility: "public", language: "zh-CN", advisorIds: [] } });
    const admin = await world.open();
    await openDisplaysPanel(admin);
    const select = rowOf(admin, "大厅屏").locator("select[name='visibility']");
    await select.selectOption("staff");
    await expect.poll(async () => ((await server.api("/api/displays")).body as { visibility: string }[])[0]?.visibility).toBe("staff");
    expect(await rowOf(admin, "大厅屏").textContent()).toContain("当前前 1 小时至后 3 小时");
    await rowOf(admin, "大厅屏").locator("select[name='layout']").selectOption("list");
    await expect.poll(async () => ((await server.api("/api/displays")).body as { layout: string }[])[0]?.layout).toBe("list");
  });

  it("refuses a display without a name, naming the field, and pairs nothing", async () => {
    const { server } = world;
    const admin = await world.open();
    await openDisplaysPanel(admin);
    await admin.locator("admin-displays form[data-form='display-new']").getByRole("button", { name: "生成链接" }).click();
    // the field by its label on the form, in the user's language, not the API's name for it
    await expect.poll(async () => (await admin.locator("admin-displays form .error").textContent()) ?? "").toContain("名称");
    expect(await admin.locator("admin-displays form .error").textContent()).not.toMatch(/name/);
    expect((await server.api("/api/displays")).body).toEqual([]);
    expect(await admin.locator("admin-displays .created").count()).toBe(0);
  });

  it("shows a desk account a note instead of the displays", async () => {
    const { server } = world;
    await server.api("/api/displays", { method: "POST", json: { name: "大厅屏", visibility: "public", language: "zh-CN", advisorIds: [] } });
    const desk = await server.sessionAs("desk");
    const context = await world.browser.newContext({ viewport: { width: 1500, height: 900 } });
    try {
      const page = await context.newPage();
      await signInContext(context, server, desk);
      await page.goto(server.url + "/admin");
      await page.getByRole("button", { name: "店长控制台" }).click();
      await expect.poll(async () => (await page.locator("admin-console .note").textContent()) ?? "", { timeout: 10_000 }).toContain("只有店长");
      expect(await page.locator("admin-displays table").count()).toBe(0);
      expect(await page.getByText("大厅屏").count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

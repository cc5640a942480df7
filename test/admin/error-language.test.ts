import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { signInContext } from "../helpers/browser-login.js";
import { startAdminWorld, toastText, waitForCell, type AdminWorld } from "./admin-page.js";

/**
 * The server's refusals reach the editor as a code and a field; the editor says them in its
 * user's language from the message table, never by showing the server's English message.
 */
describe("admin editor: the server's refusals in the user's language", () => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await startAdminWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  async function openAsDesk(language: "zh-CN" | "en"): Promise<Page> {
    const desk = await world.server.sessionAs("desk");
    const context = await world.browser.newContext({ viewport: { width: 1500, height: 900 }, locale: "zh-CN" });
    await context.addInitScript((lang) => localStorage.setItem("magboard.admin.language", lang), language);
    await signInContext(context, world.server, desk);
    const page = await context.newPage();
    await page.goto(world.server.url + "/admin");
    await waitForCell(page, world.cardId, { lane: world.advisors[0]!, slot: "10:00" });
    return page;
  }

  async function saveRules(page: Page, tab: string, save: string): Promise<string> {
    await page.getByRole("button", { name: tab }).click();
    const form = page.locator(`admin-master-data form[data-form="settings"]`);
    await form.locator(`input[name="siteName"]`).fill("新店名");
    await form.getByRole("button", { name: save }).click();
    await expect.poll(async () => (await form.locator(".error").textContent()) ?? "", { timeout: 10_000 }).not.toBe("");
    return ((await form.locator(".error").textContent()) ?? "").trim();
  }

  it("tells a desk account in Chinese that it may not change the rules, and changes nothing", async () => {
    const page = await openAsDesk("zh-CN");
    const shown = await saveRules(page, "基础数据与规则", "保存");
    expect(shown).toBe("您的账号无权进行此操作");
    expect(await toastText(page)).toContain("您的账号无权进行此操作");
    expect((await world.server.api("/api/settings")).body.siteName).not.toBe("新店名");
  });

  it("says the same in English to an English user, still not in the server's words", async () => {
    const page = await openAsDesk("en");
    const shown = await saveRules(page, "Master data & rules", "Save");
    expect(shown).toBe("Your account may not do this");
    expect(shown).not.toMatch(/role may not run/);
  });
});

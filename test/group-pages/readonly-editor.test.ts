import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardSel, cellOf, cellSel } from "../admin/admin-page.js";
import { startGroupWorld, type GroupWorld } from "./group-world.js";

const DESK = { width: 1500, height: 900 };

/** The editor's toolbar as a person reads it: its page tabs and the buttons of its tool bar. */
async function toolbar(page: Page) {
  return {
    tabs: (await page.locator("admin-toolbar nav button").allTextContents()).map((s) => s.trim()),
    tools: (await page.locator("admin-toolbar .bar > button").allTextContents()).map((s) => s.trim()),
  };
}

describe("a store's editor for the group's director (role group), in Chromium", () => {
  let world: GroupWorld;
  beforeAll(async () => {
    world = await startGroupWorld();
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it("offers the store's manager the board's editing controls (what the director's editor must leave out)", async () => {
    const { page } = await world.open("/s/a/admin", { cookie: world.stores.a.cookie, viewport: DESK });
    await page.locator(cardSel(world.stores.a.ten)).waitFor();
    const bar = await toolbar(page);
    expect(bar.tools.some((t) => t.includes("新建预约"))).toBe(true);
    expect(bar.tabs).toContain("店长控制台");
    expect(await page.locator(`${cardSel(world.stores.a.ten)} .handle`).count()).toBe(1);
    // a drag carries the card (then puts it back where it was)
    const grab = (await page.locator(`${cardSel(world.stores.a.ten)} board-card`).boundingBox())!;
    const over = (await page.locator(cellSel(world.stores.a.advisor.id, "13:00")).boundingBox())!;
    await page.mouse.move(grab.x + grab.width / 2, grab.y + grab.height / 2);
    await page.mouse.down();
    await page.mouse.move(over.x + over.width / 2, over.y + over.height / 2, { steps: 12 });
    expect(await page.locator("admin-board .ghost").count()).toBe(1);
    expect(await page.locator("admin-board .cell.drop").count()).toBe(1);
    await page.mouse.move(grab.x + grab.width / 2, grab.y + grab.height / 2, { steps: 12 });
    await page.mouse.up();
    await page.locator(cardSel(world.stores.a.ten)).click();
    expect(await page.locator("admin-card-panel button[data-action]").count()).toBeGreaterThan(0);
  });

  it("shows the director the board and what they may read, and nothing that changes it: no drag, no booking, no account pages", async () => {
    const { page } = await world.open("/s/a/admin", { cookie: await world.directorCookie(), viewport: DESK });
    const card = world.stores.a.ten;
    await page.locator(cardSel(card)).waitFor();
    expect(await page.locator("admin-toolbar [data-read-only]").textContent()).toContain("只读");
    const bar = await toolbar(page);
    expect(bar.tabs).toEqual(["预约板", "当日打印单", "经营报表"]);
    expect(bar.tools.filter((t) => t.includes("新建预约") || t.includes("撤销"))).toEqual([]);
    expect(await page.locator("admin-board .handle").count()).toBe(0);
    expect(await page.locator("arrival-alerts").count()).toBe(0);

    // a drag moves nothing, here or on the server
    const before = await world.api("a", `/appointments/${card}`);
    const from = await cellOf(page, card);
    const grab = (await page.locator(`${cardSel(card)} board-card`).boundingBox())!;
    const drop = (await page.locator(cellSel(world.stores.a.advisor.id, "13:00")).boundingBox())!;
    await page.mouse.move(grab.x + grab.width / 2, grab.y + grab.height / 2);
    await page.mouse.down();
    await page.mouse.move(drop.x + drop.width / 2, drop.y + drop.height / 2, { steps: 12 });
    // mid-drag: no card under the pointer, no cell offered as a place to drop
    expect(await page.locator("admin-board .ghost").count()).toBe(0);
    expect(await page.locator("admin-board .cell.drop").count()).toBe(0);
    await page.mouse.up();
    expect(await cellOf(page, card)).toEqual(from);
    // the keyboard lifts nothing either
    await page.locator(cardSel(card)).focus();
    await page.keyboard.press("Enter");
    expect(await page.locator(`${cardSel(card)}.lifted`).count()).toBe(0);
    // an empty cell books nothing
    await page.locator(`admin-board .cell[data-lane="${world.stores.a.advisor.id}"][data-slot="14:00"]`).click({ position: { x: 5, y: 5 } });
    expect(await page.locator("admin-booking-form").count()).toBe(0);
    expect((await world.api("a", `/appointments/${card}`)).body.version).toBe(before.body.version);

    // the card reads as it is, with its history, and offers no step, edit or undo
    await page.locator(cardSel(card)).click();
    await page.locator("admin-card-panel h2").waitFor();
    expect(await page.locator("admin-card-panel h2").textContent()).toContain("王");
    expect(await page.locator("admin-card-panel button[data-action]").count()).toBe(0);
    await page.locator("admin-card-panel").getByRole("button", { name: "修改记录" }).click();
    await expect.poll(() => page.locator("admin-card-panel ol.history li").count()).toBeGreaterThan(0);

    // the store's figures are the director's to read
    await page.locator("admin-toolbar nav button").filter({ hasText: "经营报表" }).click();
    await page.locator("admin-reports [data-range]").waitFor();
    expect(await page.locator("admin-reports report-panel").count()).toBeGreaterThan(0);
    expect(await page.locator("admin-reports .error, admin-reports [role=alert]").count()).toBe(0);
  });
});

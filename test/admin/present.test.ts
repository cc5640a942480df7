import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { signInContext } from "../helpers/browser-login.js";
import { useDisplay } from "../display/display-fixture.js";
import { screenshotAt } from "../helpers/screenshots.js";

/** Where the board's pieces stand, in the page's pixels: the scroll, the advisor column's edge, each hour's left edge. */
async function boardGeometry(page: Page) {
  return page.evaluate(() => {
    const board = document.querySelector("admin-app")!.shadowRoot!.querySelector("admin-board")!;
    const grid = board.shadowRoot!.querySelector("board-grid")!.shadowRoot!;
    const lane = grid.querySelector(".lane")!.getBoundingClientRect();
    const hours = Object.fromEntries([...grid.querySelectorAll<HTMLElement>(".hour")].map((h) => [h.textContent.trim(), h.getBoundingClientRect().left]));
    const hourWidth = grid.querySelector(".hour")!.getBoundingClientRect().width;
    return { scrollLeft: board.scrollLeft, boardLeft: board.getBoundingClientRect().left, laneLeft: lane.left, laneRight: lane.right, hours, hourWidth };
  });
}

const toolbarButton = (page: Page, text: string) => page.locator("admin-toolbar button", { hasText: text }).first();

describe("the editor opens on the present", () => {
  const display = useDisplay();

  async function openEditor(): Promise<Page> {
    const { page, context } = await display.page(null, { viewport: { width: 1366, height: 768 } });
    await signInContext(context, display.server);
    await page.goto(`${display.server.url}/admin`);
    await page.locator("admin-board .tile").first().waitFor();
    return page;
  }

  it("scrolls to the current hour on open and on 今天, the advisor column staying put", async () => {
    await display.start({ sample: "busy" });
    const page = await openEditor();
    // 10:40: the 10:00 column stands right after the advisor column
    await expect.poll(async () => (await boardGeometry(page)).scrollLeft).toBeGreaterThan(0);
    const opened = await boardGeometry(page);
    expect(Math.abs(opened.hours["10:00"]! - opened.laneRight)).toBeLessThan(8);
    expect(opened.laneLeft).toBeGreaterThanOrEqual(opened.boardLeft - 1);
    await screenshotAt(page, "admin-present-busy", ["desk-1366"]);

    // scrolled back to the morning, 今天 brings the present back
    await page.evaluate(() => (document.querySelector("admin-app")!.shadowRoot!.querySelector("admin-board")!.scrollLeft = 0));
    expect((await boardGeometry(page)).hours["08:00"]).toBeGreaterThan(0);
    await toolbarButton(page, "今天").click();
    await expect.poll(async () => Math.abs((await boardGeometry(page)).hours["10:00"]! - (await boardGeometry(page)).laneRight)).toBeLessThan(8);

    // tomorrow opens at its start
    await toolbarButton(page, "明天").click();
    await expect.poll(async () => (await boardGeometry(page)).scrollLeft, { timeout: 15_000 }).toBe(0);
  });

  it("zooms to 1 hour, 30 minutes or 15 minutes a column, remembered by this browser", async () => {
    await display.start({ sample: "busy" });
    const page = await openEditor();
    const at30 = (await boardGeometry(page)).hourWidth;
    await toolbarButton(page, "15 分钟").click();
    await expect.poll(async () => (await boardGeometry(page)).hourWidth).toBeGreaterThan(1.8 * at30);
    // the present stays in view after zooming
    await expect.poll(async () => Math.abs((await boardGeometry(page)).hours["10:00"]! - (await boardGeometry(page)).laneRight)).toBeLessThan(8);
    await page.reload();
    await page.locator("admin-board .tile").first().waitFor();
    await expect.poll(async () => (await boardGeometry(page)).hourWidth).toBeGreaterThan(1.8 * at30);
    expect(await toolbarButton(page, "15 分钟").getAttribute("aria-pressed")).toBe("true");
    await toolbarButton(page, "1 小时").click();
    await expect.poll(async () => (await boardGeometry(page)).hourWidth).toBeLessThan(0.7 * at30);
  });
});

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

/** What the editor's cards show: how many lines, the plate whole or its tail, each with whether it lies within its card. */
async function cardFaces(page: Page) {
  return page.evaluate(() => {
    const grid = document.querySelector("admin-app")!.shadowRoot!.querySelector("admin-board")!.shadowRoot!.querySelector("board-grid")!.shadowRoot!;
    const shown = (el: Element | null) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).display !== "none";
    return [...grid.querySelectorAll(".tile .card")].map((card) => {
      const box = card.getBoundingClientRect();
      const lines = [...card.querySelectorAll(".line")].filter(shown);
      return {
        lines: lines.length,
        whole: lines.every((l) => l.getBoundingClientRect().bottom <= box.bottom + 0.5),
        plate: shown(card.querySelector(".plate.full")) ? "full" : shown(card.querySelector(".plate.tail")) ? "tail" : "none",
        plateFits: [...card.querySelectorAll(".plate")].filter(shown).every((p) => p.getBoundingClientRect().right <= box.right + 0.5),
      };
    });
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
    // a tile is tall enough for all five lines (the bay too) and, at 30 minutes a column, wide enough for the whole plate
    const faces = await cardFaces(page);
    expect(faces.length).toBeGreaterThan(10);
    expect(faces.every((f) => f.lines === 5 && f.whole && f.plate === "full" && f.plateFits), JSON.stringify(faces[0])).toBe(true);
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
    // an hour a column leaves a card too narrow for the whole plate: it shows the tail, whole
    await expect.poll(async () => (await cardFaces(page)).every((f) => f.lines === 5 && f.whole && f.plate === "tail" && f.plateFits)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { FixtureName } from "../../shared/schemas/sample.js";
import { expectAccessible } from "../helpers/axe.js";
import { screenshotAt, settled, TV_SIZES, type ScreenSize } from "../helpers/screenshots.js";
import { useDisplay } from "./display-fixture.js";
import { appText } from "./display-page.js";

/** The board is drawn: advisor rows in the grid, or lines in the list. */
async function boardShown(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const app = document.querySelector("display-app")?.shadowRoot;
          return (app?.querySelector("board-grid")?.shadowRoot?.querySelectorAll(".advisor").length ?? 0) + (app?.querySelector("board-list")?.shadowRoot?.querySelectorAll("tbody tr").length ?? 0);
        }),
      { timeout: 15_000 },
    )
    .toBeGreaterThan(0);
  await settled(page);
}

/** axe-core reads every element's colours and boxes; on a shared two-core machine one run can take half a minute. */
const AXE_TIMEOUT = 240_000;

describe("the wall display, checked by axe-core", () => {
  const display = useDisplay();

  // the TV promises 7:1 for its text, so axe's AAA contrast rule runs on it as well. At 4K the page is
  // the same elements drawn larger, so the 4K check runs on two days, the screenshots on all
  // the busy and 30-minute days open as the grid, the full and big days as the list (layout=auto)
  it.each([
    ["sample", TV_SIZES],
    ["busy", TV_SIZES],
    ["busy-30", ["tv-1080"]],
    ["full", TV_SIZES],
    ["big", ["tv-1080"]],
  ] as [FixtureName, ScreenSize[]][])("with %s: no serious or critical violation and no text under 7:1", { timeout: AXE_TIMEOUT }, async (fixture, checked) => {
    await display.start({ sample: fixture });
    const { page } = await display.page("/display");
    await boardShown(page);
    for (const size of TV_SIZES) {
      await screenshotAt(page, `display-${fixture}`, [size]);
      if (checked.includes(size)) await expectAccessible(page, `the TV with the ${fixture} day at ${size}`, { enhancedContrast: true });
    }
  });

  it.each(["grid", "list"])("as the %s, chosen in the URL, on the busy day", { timeout: AXE_TIMEOUT }, async (layout) => {
    await display.start({ sample: "busy" });
    const { page } = await display.page(`/display?layout=${layout}`);
    await boardShown(page);
    expect(await page.evaluate((l) => !!document.querySelector("display-app")?.shadowRoot?.querySelector(`board-${l}`), layout)).toBe(true);
    await expectAccessible(page, `the TV as the ${layout} on the busy day`, { enhancedContrast: true });
  });

  it.each(["grid", "list"])("as the %s in the light theme and in English", { timeout: AXE_TIMEOUT }, async (layout) => {
    await display.start({ sample: "busy" });
    const { page } = await display.page(`/display?theme=light&lang=en&layout=${layout}`);
    await boardShown(page);
    await expectAccessible(page, `the TV as the ${layout} in the light theme, in English`);
  });

  it("when the connection is lost, its banner kept at 7:1", { timeout: AXE_TIMEOUT }, async () => {
    const server = await display.start();
    const { page } = await display.page(null);
    let cut = false;
    const open: { close(): Promise<void> }[] = [];
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (cut) return void ws.close();
      ws.connectToServer();
      open.push(ws);
    });
    await page.goto(`${server.url}/display`);
    await boardShown(page);
    cut = true;
    for (const ws of open) await ws.close();
    await expect.poll(() => appText(page), { timeout: 20_000 }).toContain("连接中断");
    await settled(page);
    await expectAccessible(page, "the TV after losing the server", { enhancedContrast: true });
    await screenshotAt(page, "display-lost", ["tv-1080"]);
  });
});

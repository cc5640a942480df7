import path from "node:path";
import type { Browser, Page } from "playwright-core";
import type { FixtureName } from "../shared/schemas/sample.js";
import { buildPages } from "../test/helpers/built-pages.js";
import { launchBrowser, openPage } from "../test/helpers/browser.js";
import { openSignedInPage } from "../test/helpers/browser-login.js";
import { ManualClock } from "../test/helpers/manual-clock.js";
import { startTestServer, type TestServer } from "../test/helpers/test-server.js";
import { DESK_SIZES, DOC_SCREENSHOTS, SCREEN_SIZES, screenshotAt, TV_SIZES, type ScreenSize } from "../test/helpers/screenshots.js";

/**
 * `npm run screenshots`: the pictures in docs/screenshots, taken of the real pages on the fixtures
 * (server/sample/fixture-plan.ts) at the sizes people use, always at the same moment (10:40 on
 * Friday 27 November 2026 in Shanghai) so that a page that did not change gives the same picture.
 * Tests take theirs into test-results/screenshots instead, so a test run never touches these.
 */
const MOMENT = Date.parse("2026-11-27T02:40:00Z");
const FIXTURES: FixtureName[] = ["sample", "busy", "busy-30", "full", "big"];

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.some((o) => name.startsWith(o));

async function withServer(fixture: FixtureName, pagesDir: string, run: (server: TestServer) => Promise<void>): Promise<void> {
  const server = await startTestServer({ sample: fixture, clock: new ManualClock(MOMENT), staticDir: pagesDir });
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

async function shoot(page: Page, name: string, sizes: readonly ScreenSize[]): Promise<void> {
  for (const file of await screenshotAt(page, name, sizes, DOC_SCREENSHOTS)) console.log(`  ${file}`);
  await page.context().close();
}

async function tv(browser: Browser, server: TestServer, fixture: FixtureName): Promise<void> {
  const { page } = await openPage(browser, `${server.url}/display`, SCREEN_SIZES["tv-1080"]);
  // the busiest days are laid out as the flight-board list (layout=auto)
  await page.locator("board-grid .advisor, board-list tbody tr").first().waitFor();
  await shoot(page, `display-${fixture}`, TV_SIZES);
}

async function editor(browser: Browser, server: TestServer, fixture: FixtureName): Promise<void> {
  const { page } = await openSignedInPage(browser, server, "/admin", { viewport: SCREEN_SIZES["desk-1366"] });
  await page.locator("admin-board .tile").first().waitFor();
  // a card selected, its panel open, as a desk works
  await page.locator("admin-board .tile").nth(fixture === "sample" ? 2 : 20).click();
  await page.locator("admin-card-panel h2").waitFor();
  await shoot(page, `admin-${fixture}`, DESK_SIZES);
}

async function dayBefore(browser: Browser, server: TestServer, fixture: FixtureName): Promise<void> {
  const { page } = await openSignedInPage(browser, server, "/admin", { viewport: SCREEN_SIZES["desk-1366"] });
  await page.locator("admin-toolbar nav button").filter({ hasText: "前一天准备" }).click();
  await page.locator("admin-day-before .calls").waitFor();
  await shoot(page, `admin-day-before-${fixture}`, ["desk-1366"]);
}

/** The print preview of tomorrow's roof signs: the first A4 sheet, as the printer gets it. */
async function roofSigns(browser: Browser, server: TestServer): Promise<void> {
  const noDialog = () => {
    window.print = () => undefined;
  };
  const { page } = await openSignedInPage(browser, server, "/admin", { viewport: SCREEN_SIZES["desk-1366"], init: noDialog });
  await page.locator("admin-toolbar nav button").filter({ hasText: "前一天准备" }).click();
  await page.locator("admin-day-before [data-action=print-roof-signs]").click();
  await page.locator("body > roof-signs article").first().waitFor({ state: "attached" });
  await page.emulateMedia({ media: "print" });
  // an A4 sheet at 96 dpi
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.evaluate(() => document.fonts.ready);
  const file = path.join(DOC_SCREENSHOTS, "roof-signs-print.png");
  await page.screenshot({ path: file });
  console.log(`  ${file}`);
  await page.context().close();
}

async function phone(browser: Browser, server: TestServer, fixture: FixtureName): Promise<void> {
  const advisor = ((await server.api("/api/advisors")).body as { id: number }[])[0]!;
  const { page } = await openSignedInPage(browser, server, "/advisor", { as: await server.sessionAs("advisor", { advisorId: advisor.id }), viewport: SCREEN_SIZES.phone });
  await page.locator("advisor-card").first().waitFor();
  await shoot(page, `advisor-${fixture}`, ["phone"]);
}

const pagesDir = await buildPages();
const browser = await launchBrowser();
try {
  for (const fixture of FIXTURES) {
    await withServer(fixture, pagesDir, async (server) => {
      console.log(`${fixture}:`);
      if (wanted(`display-${fixture}`)) await tv(browser, server, fixture);
      if (fixture !== "sample" && fixture !== "busy") return;
      if (wanted(`admin-${fixture}`)) await editor(browser, server, fixture);
      if (wanted(`admin-day-before-${fixture}`)) await dayBefore(browser, server, fixture);
      if (wanted(`advisor-${fixture}`)) await phone(browser, server, fixture);
      if (fixture === "busy" && wanted("roof-signs")) await roofSigns(browser, server);
    });
  }
} finally {
  await browser.close();
}

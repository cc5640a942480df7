import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "./browser.js";
import { axeReport, expectAccessible, runAxe } from "./axe.js";

/** A page with known faults: an unnamed image, grey-on-grey text, and a grid without rows inside a shadow root. */
const FAULTY = `<!doctype html><html lang="zh-CN"><head><title>t</title></head><body><main>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
  <p style="color:#777;background:#666">灰字</p>
  <admin-board></admin-board>
  <script>
    document.querySelector("admin-board").attachShadow({ mode: "open" }).innerHTML =
      '<div role="grid" aria-label="板"><div role="gridcell">08:00</div></div>';
  </script>
</main></body></html>`;

describe("the axe-core helper", () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("fails on serious and critical findings, in shadow roots too, with a report naming rule, element and advice", async () => {
    await page.setContent(FAULTY);
    const outcome = await runAxe(page);
    expect(outcome.blocking.map((v) => v.id).sort()).toEqual(["aria-required-children", "aria-required-parent", "color-contrast", "image-alt"]);
    const report = axeReport("the faulty page", outcome.blocking);
    expect(report).toMatch(/\[critical\] image-alt: .*\n\s+at img\n\s+<img src=/);
    expect(report).toMatch(/\[serious\] color-contrast: [\s\S]*insufficient color contrast/);
    await expect(expectAccessible(page, "the faulty page")).rejects.toThrow(/axe-core found 4 serious or critical violation\(s\) on the faulty page/);
  });

  it("holds text to 7:1 where the page promises it", async () => {
    // 5.7:1 passes WCAG AA (4.5:1) but not the TV's 7:1
    await page.setContent(`<!doctype html><html lang="en"><head><title>t</title></head><body style="background:#000"><main><p style="color:#888">text</p></main></body></html>`);
    expect((await runAxe(page)).blocking).toEqual([]);
    expect((await runAxe(page, { enhancedContrast: true })).blocking.map((v) => v.id)).toEqual(["color-contrast-enhanced"]);
  });
});

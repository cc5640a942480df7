import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The screens people use: the reception TV (1080p and 4K), desk PCs, a phone, the guide's small tablet. */
export const SCREEN_SIZES = {
  "tv-1080": { width: 1920, height: 1080 },
  "tv-4k": { width: 3840, height: 2160 },
  "desk-1366": { width: 1366, height: 768 },
  "desk-1920": { width: 1920, height: 1080 },
  phone: { width: 390, height: 844 },
  tablet: { width: 768, height: 1024 },
} as const;
export type ScreenSize = keyof typeof SCREEN_SIZES;

export const TV_SIZES: readonly ScreenSize[] = ["tv-1080", "tv-4k"];
export const DESK_SIZES: readonly ScreenSize[] = ["desk-1366", "desk-1920"];

/** Tests write here (git ignores test-results/), so a test run never rewrites a tracked file. */
export const TEST_SCREENSHOTS = path.join(root, "test-results", "screenshots");
/** `npm run screenshots` writes the ones the README and docs show here. */
export const DOC_SCREENSHOTS = path.join(root, "docs", "screenshots");

/**
 * Waits until the page has drawn what it has: every Lit element (through shadow roots) has no update
 * pending, the fonts are loaded, and two frames have passed so layout that reacts to a resize is done.
 */
export async function settled(page: Page): Promise<void> {
  // a string, not a function: tsx (outside vitest) would wrap named functions in a helper the page does not have
  await page.evaluate(SETTLE);
}

const SETTLE = `(async () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const updating = () => {
    const out = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll("*")) {
        if (el.isUpdatePending) out.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return out;
  };
  await document.fonts.ready;
  // an update may cause another (a resize observer, a measured layout): settle until a pass finds none
  for (let pass = 0; pass < 10; pass++) {
    await Promise.all(updating().map((el) => el.updateComplete));
    await frame();
    await frame();
    if (updating().length === 0) break;
  }
})()`;

/**
 * Takes the page at each of `sizes` (resizing its viewport, then waiting until it has settled) and
 * writes `<dir>/<name>-<size>.png`; returns the files. `dir` is the untracked test folder unless a
 * caller (the `npm run screenshots` script) says otherwise.
 */
export async function screenshotAt(page: Page, name: string, sizes: readonly ScreenSize[], dir = TEST_SCREENSHOTS): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const size of sizes) {
    await page.setViewportSize(SCREEN_SIZES[size]);
    await settled(page);
    const file = path.join(dir, `${name}-${size}.png`);
    await page.screenshot({ path: file });
    files.push(file);
  }
  return files;
}

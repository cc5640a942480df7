import type { Page } from "playwright-core";
import { expect } from "vitest";

/** The text of every card on the board, in order, read as a person reads the screen. */
export async function cardTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const grid = document.querySelector("display-app")?.shadowRoot?.querySelector("board-grid");
    const cards = grid?.shadowRoot?.querySelectorAll("board-card") ?? [];
    return [...cards].map((c) => (c.textContent ?? "").replace(/\s+/g, " ").trim());
  });
}

/** Waits until a card whose text contains `needle` exists, and returns its text. */
export async function waitForCard(page: Page, needle: string | RegExp, timeout = 10_000): Promise<string> {
  let found = "";
  await expect
    .poll(
      async () => {
        found = (await cardTexts(page)).find((text) => (typeof needle === "string" ? text.includes(needle) : needle.test(text))) ?? "";
        return found;
      },
      { timeout, interval: 100 },
    )
    .not.toBe("");
  return found;
}

/** The visible text of the app (header, banner, launch screen), flattened. */
export async function appText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const app = document.querySelector("display-app")?.shadowRoot;
    const header = app?.querySelector("board-header")?.shadowRoot?.textContent ?? "";
    return `${header} ${app?.textContent ?? ""}`.replace(/\s+/g, " ").trim();
  });
}

/** Everything the page holds in its DOM, shadow roots included, as markup. */
export async function deepMarkup(page: Page): Promise<string> {
  return page.evaluate(() => {
    const walk = (root: Document | ShadowRoot | Element): string => {
      let out = root instanceof Document ? root.documentElement.outerHTML : root instanceof ShadowRoot ? root.innerHTML : "";
      for (const el of root.querySelectorAll("*")) if (el.shadowRoot) out += walk(el.shadowRoot);
      return out;
    };
    return walk(document);
  });
}

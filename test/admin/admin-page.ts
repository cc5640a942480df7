import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect, inject } from "vitest";
import { booking, seedBasics, startTestServer, type TestServer } from "../helpers/test-server.js";
import { launchBrowser } from "../helpers/browser.js";
import { signInContext } from "../helpers/browser-login.js";

export interface AdminWorld {
  server: TestServer;
  browser: Browser;
  advisors: number[];
  bay: number;
  /** The card every test starts with: 张伟 京A·12345, advisor A, 10:00 on 2026-11-27. */
  cardId: number;
  open(path?: string, opts?: { touch?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

/** A real server (its clock at 09:00 Shanghai on 2026-11-27), two advisors, one bay, one card, and Chromium. */
export async function startAdminWorld(): Promise<AdminWorld> {
  const server = await startTestServer({ staticDir: inject("pagesDir") });
  const { advisors, bay } = await seedBasics(server);
  const created = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!) });
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    advisors,
    bay,
    cardId: created.body.record.id,
    async open(path = "/admin", opts = {}) {
      // the browser sits in another zone than the site: every time shown must come from the site's settings
      const context = await browser.newContext({
        viewport: { width: 1500, height: 900 },
        locale: "zh-CN",
        timezoneId: "America/New_York",
        hasTouch: opts.touch ?? false,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.on("pageerror", (err) => console.error(`[page error] ${err.message}`));
      await signInContext(context, server);
      await page.goto(server.url + path);
      return page;
    },
    async close() {
      for (const c of contexts) await c.close();
      await browser.close();
      await server.close();
    },
  };
}

export const cardSel = (id: number) => `admin-board .tile[data-card="${id}"]`;
export const cellSel = (lane: number, slot: string) => `admin-board .cell[data-lane="${lane}"][data-slot="${slot}"]`;

/** The cell (lane and slot) a card sits in on the editor's board, or null when it is not shown. */
export async function cellOf(page: Page, id: number): Promise<{ lane: number; slot: string } | null> {
  const card = page.locator(cardSel(id));
  if ((await card.count()) === 0) return null;
  return card.evaluate((el) => {
    const cell = el.closest<HTMLElement>(".cell");
    return cell ? { lane: Number(cell.dataset.lane), slot: cell.dataset.slot ?? "" } : null;
  });
}

export async function waitForCell(page: Page, id: number, expected: { lane: number; slot: string }): Promise<void> {
  await expect.poll(() => cellOf(page, id), { timeout: 10_000, interval: 100 }).toEqual(expected);
}

/** Presses the mouse on a card and moves it in small steps to the middle of a cell, then releases. */
export async function mouseDrag(page: Page, id: number, lane: number, slot: string): Promise<void> {
  const from = await page.locator(`${cardSel(id)} board-card`).boundingBox();
  const to = await page.locator(cellSel(lane, slot)).boundingBox();
  if (!from || !to) throw new Error("card or cell not on screen");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** Text of the editor's toast, or "" when none shows. */
export async function toastText(page: Page): Promise<string> {
  const message = page.locator("admin-toast [role]");
  return (await message.count()) === 0 ? "" : ((await message.textContent()) ?? "").replace(/\s+/g, " ").trim();
}

/**
 * Where the display (TV) page shows a card: the advisor row its card sits in and the time on its
 * face. The display masks names, so the card is found by its id on the card element.
 */
export async function displayedAt(page: Page, id: number): Promise<{ advisor: number; time: string } | null> {
  return page.evaluate((cardId) => {
    const grid = document.querySelector("display-app")?.shadowRoot?.querySelector("board-grid");
    const root = grid?.shadowRoot;
    if (!root) return null;
    for (const card of root.querySelectorAll("board-card")) {
      const face = card.querySelector<HTMLElement>(`.card[data-id="${cardId}"]`);
      if (!face) continue;
      const box = card.getBoundingClientRect();
      const mid = box.top + box.height / 2;
      const row = [...root.querySelectorAll<HTMLElement>(".advisor[data-advisor]")].find((r) => {
        const b = r.getBoundingClientRect();
        return b.top <= mid && mid <= b.bottom;
      });
      const time = face.querySelector(".time")?.textContent?.trim() ?? "";
      return row ? { advisor: Number(row.dataset.advisor), time } : null;
    }
    return null;
  }, id);
}

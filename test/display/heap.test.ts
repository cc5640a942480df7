import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, CDPSession, Page } from "playwright-core";
import { FULL_HD, launchBrowser, openPage } from "../helpers/browser.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { ManualClock } from "../helpers/manual-clock.js";
import type { Actor } from "../../shared/schemas/actor.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import { CommandSchema } from "../../shared/schemas/commands.js";
import { waitForCard } from "./display-page.js";

const DESK: Actor = { id: "test:desk", name: "前台", role: "desk" };
const TOTAL = 20_000;
const WARM_UP = 2_000;
/** Sent together, then waited for: below the server's limit of unsent packets per screen. */
const BATCH = 500;

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  return usedSize;
}

async function elementCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const count = (root: Document | ShadowRoot): number => {
      let n = 0;
      for (const el of root.querySelectorAll("*")) {
        n++;
        if (el.shadowRoot) n += count(el.shadowRoot);
      }
      return n;
    };
    return count(document);
  });
}

describe("a display running for weeks", () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer({ sample: true, clock: new ManualClock(Date.parse("2026-11-27T02:40:00Z")), staticDir: inject("pagesDir") });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("keeps its heap and DOM bounded across 20,000 patches", { timeout: 600_000 }, async () => {
    const { page, context } = await openPage(browser, `${server.url}/display`, FULL_HD);
    await waitForCard(page, "已到店");
    const cdp = await context.newCDPSession(page);
    const board = server.app.board;
    const cards = (await board.snapshot("2026-11-27")).appointments.filter((a) => a.status === "confirmed" || a.status === "booked").slice(0, 8);
    expect(cards.length).toBeGreaterThan(3);
    const versions = new Map(cards.map((a) => [a.id, a.version]));
    let sent = 0;

    const sendBatch = async () => {
      for (let i = 0; i < BATCH; i++) {
        sent++;
        const card = cards[sent % cards.length]!;
        // the work text changes every time; every other change also moves the card half an hour
        const changes = { workRequested: `保养 #${sent}`, ...(sent % 2 === 0 ? { startTime: sent % 4 === 0 ? "16:00" : "16:30" } : {}) };
        const res = await board.execute(CommandSchema.parse({ type: "appointment.update", id: card.id, version: versions.get(card.id)!, changes }), DESK);
        if (!res.ok) throw new Error(`update refused: ${res.error.code} ${res.error.message}`);
        versions.set(card.id, (res.data.record as Appointment).version);
      }
      await waitForCard(page, `保养 #${sent}`, 60_000);
    };

    while (sent < WARM_UP) await sendBatch();
    const early = { heap: await heapAfterGc(cdp), elements: await elementCount(page) };
    while (sent < TOTAL) await sendBatch();
    const late = { heap: await heapAfterGc(cdp), elements: await elementCount(page) };

    expect(sent).toBe(TOTAL);
    // a leak of even 100 bytes a patch would add 1.8 MB here; allow a quarter for the engine's own caches
    expect(late.heap).toBeLessThan(early.heap * 1.25 + 1_000_000);
    expect(late.elements).toBeLessThanOrEqual(early.elements);
    await context.close();
  });
});

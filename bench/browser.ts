import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type CDPSession, type Page } from "playwright-core";
import { ServerChild } from "./lib/child.js";
import { MagboardTarget } from "./lib/targets.js";
import { medianOfRuns, sleep, summarize, type Summary } from "./lib/stats.js";
import { buildPages, hasDisplayPage } from "./bundle-size.js";
import { PROBE } from "./browser-probe.js";
import type { MagboardReady } from "./servers/magboard-server.js";
import type { FixtureName } from "../shared/schemas/sample.js";

export interface BrowserResult {
  /** The fixture (server/sample/fixture-plan.ts) and the layout the page chose for it (layout=auto). */
  fixture: FixtureName;
  layout: "grid" | "list";
  totalCards: number;
  /** snapshot frame received → first paint with every card rendered; one sample per page load */
  fullBoard: Summary;
  /** patch frame received → the paint that shows the changed card; median over runs */
  patchPaint: Summary;
  /** patch frame received → the page's DOM updated (its own work, before waiting for the next frame) */
  patchWork: Summary;
  cardsShown: number;
  /** Measured on the first day only (the busy one): it is the page, not the day, that must not grow. */
  heap: { patches: number; warmUp: number; before: number; after: number } | null;
}

/** The days the page is measured on, each in the layout it takes by itself: the busy day as the grid, the full and big ones as the list. */
const DAYS: readonly FixtureName[] = ["busy", "full", "big"];

export interface BrowserOptions {
  quick: boolean;
  date: string;
  log: (msg: string) => void;
}

/** The brief's flags, plus precise heap figures and no throttling of a tab nobody looks at (a TV is looked at). */
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--enable-precise-memory-info",
  "--disable-background-timer-throttling",
  "--disable-renderer-backgrounding",
];

type Bench = { full: number[]; patches: { paint: number; work: number }[]; revision: number; watchPatches?: boolean };
const bench = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Bench }).__bench);

async function waitFor<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  return (await cdp.send("Runtime.getHeapUsage")).usedSize;
}

/** A real headless Chromium showing the built display page at 1920×1080, on each busy day in its own layout. */
export async function measureBrowser(tmp: string, opt: BrowserOptions): Promise<BrowserResult[] | { missing: string }> {
  if (!hasDisplayPage()) return { missing: "display/index.html does not exist on this branch" };
  const dist = path.join(tmp, "dist");
  buildPages(dist);
  const results: BrowserResult[] = [];
  for (const [i, fixture] of DAYS.entries()) results.push(await measureDay(tmp, dist, fixture, i === 0, opt));
  return results;
}

async function measureDay(tmp: string, dist: string, fixture: FixtureName, withHeap: boolean, opt: BrowserOptions): Promise<BrowserResult> {
  const dataDir = path.join(tmp, `browser-db-${fixture}`);
  mkdirSync(dataDir);
  const server = await ServerChild.start<MagboardReady>("magboard-server.ts", { BENCH_DIR: dataDir, BENCH_DATE: opt.date, BENCH_STATIC: dist, BENCH_FIXTURE: fixture });
  const browser = await chromium.launch({ executablePath: process.env.MAGBOARD_CHROMIUM ?? "/usr/bin/chromium", args: ARGS });
  const editor = await MagboardTarget.open(server.ready);
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1, locale: "zh-CN" });
    const page = await context.newPage();
    page.on("pageerror", (err) => opt.log(`[display page error] ${err.message}`));
    // the layout the page picks by itself; no page turns while measuring
    const url = `http://127.0.0.1:${server.ready.port}/display?date=${opt.date}&pageSeconds=600`;

    // calibration: which cards (or lines) the first page shows, every one at full size
    await page.addInitScript(PROBE);
    await page.goto(url);
    await waitFor("the first full board", () => bench(page), (b) => b.full.length > 0);
    await sleep(1_500);
    const { layout, shown } = await page.evaluate(() => {
      const app = document.querySelector("display-app")?.shadowRoot;
      const list = app?.querySelector("board-list")?.shadowRoot;
      if (list) return { layout: "list" as const, shown: [...list.querySelectorAll<HTMLElement>("tbody tr")].map((tr) => Number(tr.dataset.card)) };
      const grid = app?.querySelector("board-grid")?.shadowRoot;
      return { layout: "grid" as const, shown: [...(grid?.querySelectorAll("board-card") ?? [])].map((c) => (c as unknown as { appointment: { id: number } }).appointment.id) };
    });
    opt.log(`${fixture}: the page shows ${shown.length} of the day's ${server.ready.cards.length} movable cards on its first page, as the ${layout}`);
    await page.addInitScript(`window.__benchExpected = ${shown.length};`);
    // every move changes something on the screen: a card of the first page, moved within its hour
    editor.onlyCards(new Set(shown));

    const loads = opt.quick ? 5 : 10;
    opt.log(`full board: ${loads} page loads`);
    const full: number[] = [];
    for (let i = 0; i < loads; i++) {
      await page.goto(url);
      const b = await waitFor("a full board", () => bench(page), (x) => x.full.length > 0);
      full.push(b.full[0]!);
    }

    // patches, one at a time, a little apart (a busy reception makes a few changes a second at most)
    const runs = opt.quick ? 2 : 3;
    const perRun = 200;
    opt.log(`patch to paint: ${runs} runs × ${perRun} moves`);
    const patchRuns: Summary[] = [];
    const workRuns: Summary[] = [];
    for (let r = 0; r < runs; r++) {
      await page.evaluate(() => {
        const b = (window as unknown as { __bench: Bench }).__bench;
        b.patches = [];
        b.watchPatches = true;
      });
      for (let i = 0; i < perRun; i++) {
        await editor.send();
        await sleep(40);
      }
      const b = await waitFor("every patch painted", () => bench(page), (x) => x.patches.length >= perRun, 10_000);
      patchRuns.push(summarize(b.patches.map((p) => p.paint).filter(Number.isFinite)));
      workRuns.push(summarize(b.patches.map((p) => p.work).filter(Number.isFinite)));
      const missed = b.patches.filter((p) => !Number.isFinite(p.paint)).length;
      if (missed) opt.log(`${missed} changed cards were not seen painted within 5 s`);
    }
    await page.evaluate(() => {
      (window as unknown as { __bench: Bench }).__bench.watchPatches = false;
    });

    const measured = {
      fixture,
      layout,
      totalCards: server.ready.cards.length,
      fullBoard: summarize(full),
      patchPaint: medianOfRuns(patchRuns),
      patchWork: medianOfRuns(workRuns),
      cardsShown: shown.length,
    };
    if (!withHeap) return { ...measured, heap: null };

    // heap: after a warm-up, then after the rest of the patches, each after a full GC
    const total = opt.quick ? 5_000 : 20_000;
    const warmUp = 2_000;
    const cdp = await context.newCDPSession(page);
    let sent = 0;
    const sendUpTo = async (target: number) => {
      while (sent < target) {
        const batch = Math.min(200, target - sent);
        await Promise.all(Array.from({ length: batch }, () => editor.send()));
        sent += batch;
        await waitFor("the page to receive the batch", () => bench(page), (x) => x.revision >= editor.revision);
      }
    };
    opt.log(`heap: ${warmUp} patches to warm up, then up to ${total}`);
    await sendUpTo(warmUp);
    await sleep(500);
    const before = await heapAfterGc(cdp);
    await sendUpTo(total);
    await sleep(500);
    const after = await heapAfterGc(cdp);
    if (editor.errors.length) throw new Error(`magboard refused ${editor.errors.length} moves, e.g. ${editor.errors[0]}`);

    return { ...measured, heap: { patches: total, warmUp, before, after } };
  } finally {
    await editor.close();
    await browser.close();
    await server.stop();
  }
}

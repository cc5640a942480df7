import { mkdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { type Browser, type BrowserContext, type CDPSession, type Page } from "playwright-core";
import { ServerChild } from "./child.js";
import { MagboardTarget } from "./targets.js";
import { medianOfRuns, sleep, summarize, type Summary } from "./stats.js";
import { PROBE } from "../browser-probe.js";
import { pageCpuPerPatch } from "./page-profiling.js";
import { launchBrowser } from "../../test/helpers/browser.js";
import type { MagboardReady } from "../servers/magboard-server.js";
import type { FixtureName } from "../../shared/schemas/sample.js";

/** The tests' Chromium, with the same flags: a figure here is of the page the tests look at. */
export const launchChromium = (): Promise<Browser> => launchBrowser();

export interface Viewport {
  width: number;
  height: number;
}

export interface DisplayRunOptions {
  tmp: string;
  /** The built pages (bundle-size.ts buildPages). */
  dist: string;
  date: string;
  fixture: FixtureName;
  viewport: Viewport;
  /** CDP Emulation.setCPUThrottlingRate: 1 is this machine, 6 a TV stick six times slower. */
  cpuSlowdown: number;
  /** Page loads timed from the snapshot's arrival to the full first page painted (cache warm). */
  loads: number;
  /** Page loads in a fresh context each (cache empty), timed from the navigation's start to the full first page painted. */
  coldLoads: number;
  patchRuns: number;
  patchesPerRun: number;
  /** Heap after GC at the warm-up and then every `every` patches up to `total`; null: not measured. */
  heap: { warmUp: number; total: number; every: number } | null;
  /** Time each page turn (→) until the next page is painted; 0: not measured. */
  pageTurns: number;
  /** Extra URL parameters (e.g. `layout=grid`). */
  query?: string;
  log: (msg: string) => void;
}

export interface HeapResult {
  patches: number;
  warmUp: number;
  /** JS heap after two forced GCs, at the warm-up and every so many patches after it. */
  samples: { patches: number; bytes: number }[];
  before: number;
  after: number;
  /** Least-squares slope of the samples, bytes per 1,000 patches. */
  slopePer1000: number;
}

export interface DisplayRun {
  fixture: FixtureName;
  layout: "grid" | "list";
  viewport: Viewport;
  cpuSlowdown: number;
  totalCards: number;
  cardsShown: number;
  /** How many pages the TV turns through. */
  pages: number;
  /** The snapshot as the display received it (one WebSocket text frame), raw and gzip -6. */
  snapshotBytes: number;
  snapshotGzipBytes: number;
  /** snapshot frame received → first paint with every card of the first page rendered */
  fullBoard: Summary;
  /** navigation start (cache empty) → first page painted; null when not measured */
  coldLoad: Summary | null;
  /** patch frame received → the paint that shows the changed card; median over runs */
  patchPaint: Summary;
  /** the page's own main-thread work for a patch (probe: the receiving task and the frame's render) */
  patchWork: Summary;
  /** the same in the renderer main thread's CPU time, from a trace of one more run (normal speed only; null otherwise) */
  patchWorkCpu: Summary | null;
  /** Share of patches painted in the first frame after they arrived. */
  firstFrameShare: number;
  /** → pressed → the next page painted; null when not measured */
  pageTurn: Summary | null;
  heap: HeapResult | null;
}

type Bench = { full: number[]; loaded: number[]; patches: { paint: number; work: number; frames: number }[]; revision: number; watchPatches?: boolean };
const bench = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Bench }).__bench);

export async function waitFor<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
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

/** Bytes per 1,000 patches, least squares over the samples. */
export function slopePer1000(samples: readonly { patches: number; bytes: number }[]): number {
  const n = samples.length;
  if (n < 2) return Number.NaN;
  const mx = samples.reduce((s, p) => s + p.patches, 0) / n;
  const my = samples.reduce((s, p) => s + p.bytes, 0) / n;
  const sxy = samples.reduce((s, p) => s + (p.patches - mx) * (p.bytes - my), 0);
  const sxx = samples.reduce((s, p) => s + (p.patches - mx) ** 2, 0);
  return sxx === 0 ? Number.NaN : (sxy / sxx) * 1000;
}

/** A context and page at the viewport, the probe injected, the CPU slowed as asked; nothing loaded yet. */
async function openProbed(browser: Browser, opt: DisplayRunOptions, expected: number): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({ viewport: opt.viewport, deviceScaleFactor: 1, locale: "zh-CN" });
  // before the probe, which reads it when it starts
  if (expected) await context.addInitScript(`window.__benchExpected = ${expected};`);
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  page.on("pageerror", (err) => opt.log(`[display page error] ${err.message}`));
  const cdp = await context.newCDPSession(page);
  if (opt.cpuSlowdown > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: opt.cpuSlowdown });
  return { context, page, cdp };
}

/** What the first page shows: the list's lines or the grid's cards, by card id. */
export function shownOnPage(page: Page): Promise<{ layout: "grid" | "list"; shown: number[] }> {
  return page.evaluate(() => {
    const app = document.querySelector("display-app")?.shadowRoot;
    const list = app?.querySelector("board-list")?.shadowRoot;
    if (list) return { layout: "list" as const, shown: [...list.querySelectorAll<HTMLElement>("tbody tr")].map((tr) => Number(tr.dataset.card)) };
    const grid = app?.querySelector("board-grid")?.shadowRoot;
    return { layout: "grid" as const, shown: [...(grid?.querySelectorAll("board-card") ?? [])].map((c) => (c as unknown as { appointment: { id: number } }).appointment.id) };
  });
}

/**
 * Turns the page by the keyboard, as whoever sets the TV up does, and times it until the next page
 * is rendered, settled and painted (a task posted from the animation frame that found it so).
 */
function turnPage(page: Page): Promise<number> {
  // as text, as the probe is: the bench runs under tsx, whose helpers do not exist in the page
  return page.evaluate(String.raw`new Promise((resolve) => {
    const app = document.querySelector("display-app");
    const board = () => app && app.shadowRoot && app.shadowRoot.querySelector("board-grid, board-list");
    const label = () => {
      const pages = app && app.shadowRoot && app.shadowRoot.querySelector("board-header").shadowRoot.querySelector(".pages");
      return pages ? pages.textContent : "";
    };
    const was = label();
    const t0 = performance.now();
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight" }));
    const check = () => {
      const b = board();
      if (app && b && !app.isUpdatePending && !b.isUpdatePending && label() !== was) {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now() - t0);
        ch.port2.postMessage(0);
        return;
      }
      if (performance.now() - t0 > 10000) return resolve(NaN);
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`);
}

/**
 * The built display page in headless Chromium, on one fixture at one size and CPU speed, against a
 * real magboard server in its own process; moves are made by an editor over /staff, each of a card
 * on the first page, so that every patch changes something on the screen.
 */
export async function measureDisplay(opt: DisplayRunOptions): Promise<DisplayRun> {
  const tag = `${opt.fixture}-${opt.viewport.width}-x${opt.cpuSlowdown}`;
  const dataDir = path.join(opt.tmp, `display-db-${tag}-${Date.now()}`);
  mkdirSync(dataDir);
  const server = await ServerChild.start<MagboardReady>("magboard-server.ts", { BENCH_DIR: dataDir, BENCH_DATE: opt.date, BENCH_STATIC: opt.dist, BENCH_FIXTURE: opt.fixture });
  const browser = await launchChromium();
  const editor = await MagboardTarget.open(server.ready);
  const say = (msg: string) => opt.log(`${tag}: ${msg}`);
  try {
    // no page turns while measuring, unless asked for by the keyboard
    const url = `http://127.0.0.1:${server.ready.port}/display?date=${opt.date}&pageSeconds=600${opt.query ? `&${opt.query}` : ""}`;

    // calibration: which cards (or lines) the first page shows, every one at full size
    const first = await openProbed(browser, opt, 0);
    await first.page.goto(url);
    await waitFor("the first full board", () => bench(first.page), (b) => b.full.length > 0);
    await sleep(1_500);
    const { layout, shown } = await shownOnPage(first.page);
    const frame = await first.page.evaluate(() => (window as unknown as { __benchSnapshot?: string }).__benchSnapshot ?? "");
    const pages = await first.page.evaluate(() => {
      const text = document.querySelector("display-app")?.shadowRoot?.querySelector("board-header")?.shadowRoot?.querySelector(".pages")?.textContent ?? "";
      return Number(/\/(\d+)/.exec(text)?.[1] ?? 1);
    });
    await first.context.close();
    say(`the page shows ${shown.length} of the day's ${server.ready.cards.length} movable cards on the first of ${pages} pages, as the ${layout}`);
    editor.onlyCards(new Set(shown));

    const { context, page, cdp } = await openProbed(browser, opt, shown.length);
    say(`full board: ${opt.loads} page loads`);
    const full: number[] = [];
    for (let i = 0; i < opt.loads; i++) {
      await page.goto(url);
      const b = await waitFor("a full board", () => bench(page), (x) => x.full.length > 0);
      full.push(b.full[0]!);
    }

    let coldLoad: Summary | null = null;
    if (opt.coldLoads > 0) {
      say(`cold loads: ${opt.coldLoads}, each in a fresh context (empty cache)`);
      const cold: number[] = [];
      for (let i = 0; i < opt.coldLoads; i++) {
        const c = await openProbed(browser, opt, shown.length);
        await c.page.goto(url);
        cold.push((await waitFor("a cold full board", () => bench(c.page), (x) => x.loaded.length > 0)).loaded[0]!);
        await c.context.close();
      }
      coldLoad = summarize(cold);
    }

    // patches, one at a time, a little apart (a busy reception makes a few changes a second at most)
    say(`patch to paint: ${opt.patchRuns} runs × ${opt.patchesPerRun} moves`);
    const patchRuns: Summary[] = [];
    const workRuns: Summary[] = [];
    let firstFrame = 0;
    let painted = 0;
    for (let r = 0; r < opt.patchRuns; r++) {
      await page.evaluate(() => {
        const b = (window as unknown as { __bench: Bench }).__bench;
        b.patches = [];
        b.watchPatches = true;
      });
      for (let i = 0; i < opt.patchesPerRun; i++) {
        await editor.send();
        await sleep(40 * Math.max(1, opt.cpuSlowdown / 2));
      }
      const b = await waitFor("every patch painted", () => bench(page), (x) => x.patches.length >= opt.patchesPerRun, 30_000);
      const seen = b.patches.filter((p) => Number.isFinite(p.paint));
      patchRuns.push(summarize(seen.map((p) => p.paint)));
      workRuns.push(summarize(b.patches.map((p) => p.work).filter(Number.isFinite)));
      firstFrame += seen.filter((p) => p.frames === 1).length;
      painted += seen.length;
      if (seen.length < b.patches.length) say(`${b.patches.length - seen.length} changed cards were not seen painted within 5 s`);
    }
    // at normal speed, one run more under a trace: the page's own work in the thread's CPU time (page-profiling.ts)
    let patchWorkCpu: Summary | null = null;
    if (opt.cpuSlowdown === 1) {
      say(`own work in CPU time: ${opt.patchesPerRun} moves under a trace`);
      await page.evaluate(() => {
        const b = (window as unknown as { __bench: Bench }).__bench;
        b.patches = [];
      });
      await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
      for (let i = 0; i < opt.patchesPerRun; i++) {
        await editor.send();
        await sleep(40);
      }
      await waitFor("every patch painted", () => bench(page), (x) => x.patches.length >= opt.patchesPerRun, 30_000);
      const cpu = pageCpuPerPatch((await browser.stopTracing()).toString("utf8"));
      if (cpu.length < opt.patchesPerRun) say(`the trace holds ${cpu.length} of ${opt.patchesPerRun} patches`);
      patchWorkCpu = summarize(cpu);
    }
    await page.evaluate(() => {
      (window as unknown as { __bench: Bench }).__bench.watchPatches = false;
    });

    let pageTurn: Summary | null = null;
    if (opt.pageTurns > 0 && pages > 1) {
      say(`page turns: ${opt.pageTurns}`);
      const turns: number[] = [];
      for (let i = 0; i < opt.pageTurns; i++) turns.push(await turnPage(page));
      pageTurn = summarize(turns.filter(Number.isFinite));
    }

    let heap: HeapResult | null = null;
    if (opt.heap) {
      // back to the first page, where the moved cards are
      await page.goto(url);
      await waitFor("a full board", () => bench(page), (x) => x.full.length > 0);
      heap = await measureHeap(page, cdp, editor, opt.heap, say);
    }
    if (editor.errors.length) throw new Error(`magboard refused ${editor.errors.length} moves, e.g. ${editor.errors[0]}`);
    await context.close();
    return {
      fixture: opt.fixture,
      layout,
      viewport: opt.viewport,
      cpuSlowdown: opt.cpuSlowdown,
      totalCards: server.ready.cards.length,
      cardsShown: shown.length,
      pages,
      snapshotBytes: Buffer.byteLength(frame),
      snapshotGzipBytes: gzipSync(frame).length,
      fullBoard: summarize(full),
      coldLoad,
      patchPaint: medianOfRuns(patchRuns),
      patchWork: medianOfRuns(workRuns),
      patchWorkCpu,
      firstFrameShare: painted ? firstFrame / painted : Number.NaN,
      pageTurn,
      heap,
    };
  } finally {
    await editor.close();
    await browser.close();
    await server.stop();
  }
}

/** Heap after GC at the warm-up, then every `every` patches, sent in batches the page keeps up with. */
async function measureHeap(page: Page, cdp: CDPSession, editor: MagboardTarget, h: NonNullable<DisplayRunOptions["heap"]>, say: (msg: string) => void): Promise<HeapResult> {
  let sent = 0;
  const sendUpTo = async (target: number) => {
    while (sent < target) {
      const batch = Math.min(200, target - sent);
      await Promise.all(Array.from({ length: batch }, () => editor.send()));
      sent += batch;
      await waitFor("the page to receive the batch", () => bench(page), (x) => x.revision >= editor.revision, 120_000);
    }
  };
  say(`heap: ${h.warmUp} patches to warm up, then up to ${h.total}, read every ${h.every}`);
  const samples: { patches: number; bytes: number }[] = [];
  for (let target = h.warmUp; target <= h.total; target += h.every) {
    await sendUpTo(target);
    await sleep(500);
    samples.push({ patches: target, bytes: await heapAfterGc(cdp) });
  }
  return { patches: h.total, warmUp: h.warmUp, samples, before: samples[0]!.bytes, after: samples.at(-1)!.bytes, slopePer1000: slopePer1000(samples) };
}

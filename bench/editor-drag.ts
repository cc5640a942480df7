import { mkdirSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ServerChild } from "./lib/child.js";
import { launchChromium, waitFor } from "./lib/display-run.js";
import { signIn } from "./lib/targets.js";
import { sleep, summarize, type Summary } from "./lib/stats.js";
import type { MagboardReady } from "./servers/magboard-server.js";
import type { FixtureName } from "../shared/schemas/sample.js";

export interface DragResult {
  fixture: FixtureName;
  /** animation frame to animation frame while a card is carried across the day (ms) */
  frames: Summary;
  /** The staff snapshot (`GET /api/board`, what the editor loads), raw bytes. */
  staffSnapshotBytes: number;
  /** The same as it travels to a browser that asks for gzip (Accept-Encoding: gzip, deflate, as Chromium over http://); absent in results of before this was measured. */
  staffSnapshotWireBytes?: number;
  /** Its Content-Encoding; "" when the server sent it plain. */
  staffSnapshotEncoding?: string;
}

/** A response's size as it travels (fetch would unpack it): node:http decompresses nothing. */
function onTheWire(url: string, headers: Record<string, string>): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let bytes = 0;
      res.on("data", (c: Buffer) => (bytes += c.length));
      res.on("end", () => resolve({ bytes, encoding: String(res.headers["content-encoding"] ?? "") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** A pointer on a desk PC moves about every frame: one step each 16 ms. */
const STEP_MS = 16;

/** The page's own animation frames, each delta from the one before (as text: tsx's helpers do not exist in the page). */
function startRecording(page: Page): Promise<void> {
  return page.evaluate(String.raw`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = 0;
    const tick = (t) => {
      if (last) window.__frames.push(t - last);
      last = t;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
}

function stopRecording(page: Page): Promise<number[]> {
  return page.evaluate(String.raw`(() => {
    window.__recording = false;
    return window.__frames;
  })()`);
}

/** The editor (/admin) at 1920×1080 on the day, signed in (the cookie of signIn), its board drawn and settled. */
export async function openEditor(browser: Browser, origin: string, cookie: string, date: string, log: (msg: string) => void): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1, locale: "zh-CN" });
  const eq = cookie.indexOf("=");
  await context.addCookies([{ name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: origin, httpOnly: true, sameSite: "Strict" }]);
  const page = await context.newPage();
  page.on("pageerror", (err) => log(`[editor page error] ${err.message}`));
  await page.goto(`${origin}/admin?date=${date}`);
  const handle = page.locator("admin-board .tile .handle").first();
  await waitFor("the editor's board", () => handle.count(), (n) => n > 0);
  await sleep(1_000);
  return { context, page };
}

/**
 * One carry: a movable card (it has a drag handle) of the first advisor is picked up with the
 * mouse and carried to the right edge, where the board scrolls across the day under it, then
 * back, and put back with Escape (nothing is moved). Returns the page's own animation frame
 * deltas during the carry.
 */
export async function carryAcrossDay(page: Page): Promise<number[]> {
  const box = await page.locator("admin-board .tile .handle").first().evaluate((el) => {
    const r = el.closest(".tile")!.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  const viewport = page.viewportSize()!;
  const [x0, y0] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x0, y0);
  await startRecording(page);
  await page.mouse.down();
  // to the right edge in 1.5 s, held there while the board scrolls the day by (the hand jitters a pixel), then back
  const out = Math.round(1_500 / STEP_MS);
  for (let i = 1; i <= out; i++) {
    await page.mouse.move(x0 + ((viewport.width - 8 - x0) * i) / out, y0);
    await sleep(STEP_MS);
  }
  for (let i = 0; i < Math.round(2_500 / STEP_MS); i++) {
    await page.mouse.move(viewport.width - 8 - (i % 2), y0);
    await sleep(STEP_MS);
  }
  for (let i = 1; i <= out; i++) {
    await page.mouse.move(viewport.width - 8 - ((viewport.width - 8 - x0) * i) / out, y0 + 40 * Math.sin(i / 8));
    await sleep(STEP_MS);
  }
  await page.keyboard.press("Escape");
  await page.mouse.up();
  const frames = await stopRecording(page);
  await page.evaluate(() => document.querySelector("admin-app")?.shadowRoot?.querySelector("admin-board")?.scrollTo({ left: 0 }));
  await sleep(500);
  return frames;
}

/**
 * The editor (/admin) at 1920×1080 on the day, signed in as the manager: a card carried across
 * the day (carryAcrossDay), 3 times. The frame times are the page's own requestAnimationFrame
 * deltas during the carries.
 */
export async function measureEditorDrag(tmp: string, dist: string, date: string, fixture: FixtureName, quick: boolean, log: (msg: string) => void): Promise<DragResult> {
  const dataDir = path.join(tmp, `drag-db-${fixture}-${Date.now()}`);
  mkdirSync(dataDir);
  const server = await ServerChild.start<MagboardReady>("magboard-server.ts", { BENCH_DIR: dataDir, BENCH_DATE: date, BENCH_STATIC: dist, BENCH_FIXTURE: fixture });
  const browser = await launchChromium();
  try {
    const origin = `http://127.0.0.1:${server.ready.port}`;
    const cookie = await signIn(origin);
    const staff = await fetch(`${origin}/api/board?date=${date}`, { headers: { cookie } });
    const staffSnapshotBytes = Buffer.byteLength(await staff.text());
    const wire = await onTheWire(`${origin}/api/board?date=${date}`, { cookie, "accept-encoding": "gzip, deflate" });
    const { context, page } = await openEditor(browser, origin, cookie, date, log);
    const runs: number[] = [];
    const carries = quick ? 1 : 3;
    log(`editor drag on the ${fixture} day: ${carries} carries across the day`);
    for (let r = 0; r < carries; r++) runs.push(...(await carryAcrossDay(page)));
    await context.close();
    return { fixture, frames: summarize(runs), staffSnapshotBytes, staffSnapshotWireBytes: wire.bytes, staffSnapshotEncoding: wire.encoding };
  } finally {
    await browser.close();
    await server.stop();
  }
}

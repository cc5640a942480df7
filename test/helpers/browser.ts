import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium, the one CI installs too; playwright-core drives it without downloading its own. */
export const CHROMIUM_PATH = process.env.MAGBOARD_CHROMIUM ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      // heap checks read performance.memory, which is coarse and rounded unless this is on
      "--enable-precise-memory-info",
      // a hidden headless tab must keep its timers running like a TV in front of people
      "--disable-background-timer-throttling",
      "--disable-renderer-backgrounding",
    ],
  });
}

export interface Viewport {
  width: number;
  height: number;
}

export const FULL_HD: Viewport = { width: 1920, height: 1080 };
export const UHD: Viewport = { width: 3840, height: 2160 };

/** A fresh context (own storage, own cookies) and page at a TV's size; page errors fail loudly in the log. */
export async function openPage(
  browser: Browser,
  url: string,
  viewport: Viewport = FULL_HD,
  init?: () => void,
): Promise<{ context: BrowserContext; page: Page }> {
  // the browser sits in another zone than the site on purpose: every time shown must come from settings.timeZone
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: "zh-CN", timezoneId: "America/New_York" });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.on("pageerror", (err) => console.error(`[page error] ${err.message}`));
  await page.goto(url);
  return { context, page };
}

/** Records what the page asks speech synthesis to say in `window.__spoken`, instead of saying it. */
export function recordSpeech(): void {
  const spoken: string[] = [];
  (window as unknown as { __spoken: string[] }).__spoken = spoken;
  speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
    spoken.push(u.text);
  };
}

/** Every text frame the page receives over WebSockets, for checking what travelled to it. */
export function captureSocketFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on("websocket", (ws) => {
    ws.on("framereceived", ({ payload }) => {
      frames.push(typeof payload === "string" ? payload : payload.toString("utf8"));
    });
  });
  return frames;
}

/** For `openPage`'s init: the page's print dialog is counted in `window.__prints` instead of opened (a headless browser has none). */
export function countPrints(): void {
  const w = window as unknown as { __prints: number };
  w.__prints = 0;
  window.print = () => {
    w.__prints++;
  };
}

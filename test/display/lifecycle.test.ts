import { describe, expect, it } from "vitest";
import type { BrowserContext, CDPSession, Page } from "playwright-core";
import { booking, type TestServer } from "../helpers/test-server.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { MID_MORNING, useDisplay } from "./display-fixture.js";
import { appText, cardTexts, waitForCard } from "./display-page.js";

/** Counts the page's live timers: every setTimeout not yet fired or cleared, every setInterval not cleared. */
function countTimers(): void {
  const live = new Set<unknown>();
  (window as unknown as { __liveTimers: () => number }).__liveTimers = () => live.size;
  const [st, ct, si, ci] = [window.setTimeout.bind(window), window.clearTimeout.bind(window), window.setInterval.bind(window), window.clearInterval.bind(window)];
  window.setTimeout = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: unknown = st(
      (...a: unknown[]) => {
        live.delete(id);
        if (typeof fn === "function") fn(...a);
      },
      ms,
      ...args,
    );
    live.add(id);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    live.delete(id);
    ct(id);
  }) as typeof window.clearTimeout;
  window.setInterval = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = si(fn, ms, ...args);
    live.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    live.delete(id);
    ci(id);
  }) as typeof window.clearInterval;
}

async function listeners(cdp: CDPSession, expression: "document" | "window", type: string): Promise<number> {
  const { result } = await cdp.send("Runtime.evaluate", { expression });
  const { listeners: all } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId! });
  return all.filter((l) => l.type === type).length;
}

describe("the display's lifecycle", () => {
  const display = useDisplay();
  let server: TestServer;
  let context: BrowserContext;

  async function open(clock: ManualClock, init?: () => void): Promise<Page> {
    server = await display.start({ clock });
    const opened = await display.page("/display", { init });
    context = opened.context;
    return opened.page;
  }

  it("leaves no listener, timer or socket behind once the board element is removed", async () => {
    const page = await open(new ManualClock(MID_MORNING), countTimers);
    await waitForCard(page, "已到店");
    const cdp = await context.newCDPSession(page);
    expect(await listeners(cdp, "document", "visibilitychange")).toBeGreaterThan(0);
    expect(await listeners(cdp, "window", "online")).toBeGreaterThan(0);
    expect(server.app.hub.displays()).toBe(1);

    await page.evaluate(() => document.querySelector("display-app")!.remove());

    expect(await listeners(cdp, "document", "visibilitychange")).toBe(0);
    expect(await listeners(cdp, "window", "online")).toBe(0);
    await expect.poll(() => server.app.hub.displays(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __liveTimers: () => number }).__liveTimers()), { timeout: 15_000 }).toBe(0);
  });

  it("asks to keep the screen awake, again each time it becomes visible", async () => {
    const page = await open(new ManualClock(MID_MORNING), () => {
      const asked: string[] = [];
      (window as unknown as { __wakeLocks: string[] }).__wakeLocks = asked;
      // a held lock the page can see released, as the browser does when a TV sleeps
      const sentinel = { released: false, release: () => Promise.resolve(void (sentinel.released = true)) };
      Object.defineProperty(navigator, "wakeLock", {
        value: {
          request: (type: string) => {
            asked.push(type);
            sentinel.released = false;
            return Promise.resolve(sentinel);
          },
        },
      });
      (window as unknown as { __releaseLock: () => void }).__releaseLock = () => void (sentinel.released = true);
    });
    await waitForCard(page, "已到店");
    const asked = () => page.evaluate(() => (window as unknown as { __wakeLocks: string[] }).__wakeLocks.slice());
    await expect.poll(asked).toEqual(["screen"]);
    await page.evaluate(() => {
      (window as unknown as { __releaseLock: () => void }).__releaseLock();
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await expect.poll(asked).toEqual(["screen", "screen"]);
  });

  it("rolls over to the new day at local midnight on the server's clock", async () => {
    // 23:59:30 in Asia/Shanghai; the browser itself sits in New York, where it is still morning
    const clock = new ManualClock(Date.parse("2026-11-27T15:59:30Z"));
    const page = await open(clock);
    await expect.poll(() => appText(page), { timeout: 10_000 }).toContain("2026年11月27日 星期五");
    await waitForCard(page, "已完工");

    const advisor = (await server.api("/api/advisors")).body[0].id as number;
    // at midnight the TV shows the new day's first hours (its now-window, kept at its width before opening)
    await server.api("/api/appointments", { method: "POST", json: booking(advisor, { date: "2026-11-28", startTime: "09:00", customerName: "公孙策" }) });
    clock.advance(60_000);

    await expect.poll(() => appText(page), { timeout: 20_000 }).toContain("2026年11月28日 星期六");
    await waitForCard(page, "公** 先生");
    // the new day's cards only: nothing of the 27th (done, arrived, in service, no-show) is left on the screen
    expect((await cardTexts(page)).filter((t) => /已完工|已到店|已出迎|未出迎|维修中|爽约/.test(t))).toEqual([]);
  });
});

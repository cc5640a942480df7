import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { booking } from "../helpers/test-server.js";
import { useDisplay } from "../display/display-fixture.js";
import { appText, waitForCard } from "../display/display-page.js";

const MINUTE = 60_000;

/**
 * The TV's own clock, ten minutes fast, and a handle (`__tvSkewMs`) to set it wrong some other way;
 * `__heartbeats` counts the `time:sync` answers the page has handled. (One function: it runs in the page.)
 */
function tenMinutesFast(): void {
  const RealDate = Date;
  const tv = window as unknown as { __tvSkewMs: number; __heartbeats: number };
  tv.__tvSkewMs = 10 * 60_000;
  tv.__heartbeats = 0;
  const now = () => RealDate.now() + tv.__tvSkewMs;
  // a Proxy, not a subclass, so classes that extend Date (date-fns's TZDate) keep their own prototype
  window.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget) => Reflect.construct(target, args.length ? args : [now()], newTarget),
    get: (target, prop, receiver) => (prop === "now" ? now : Reflect.get(target, prop, receiver)),
  });
  window.WebSocket = class extends window.WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      // added before socket.io's own handler, so the count goes up in a task after that handler ran
      this.addEventListener("message", (e: MessageEvent) => {
        // an acknowledgement carrying a bare number: the server's clock, answering a heartbeat
        if (typeof e.data === "string" && /^43\/display,\d+\[\d+\]$/.test(e.data)) setTimeout(() => tv.__heartbeats++);
      });
    }
  };
}

/** Resolves once the page has handled `n` more heartbeats than it had when called. */
async function heartbeats(page: Page, n: number): Promise<void> {
  const count = () => page.evaluate(() => (window as unknown as { __heartbeats: number }).__heartbeats);
  const from = await count();
  await expect.poll(count, { timeout: 15_000 }).toBeGreaterThanOrEqual(from + n);
}

/** Where the now-line stands across the day, in % of the grid's width. */
function nowLine(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const line = document.querySelector("display-app")?.shadowRoot?.querySelector("board-grid")?.shadowRoot?.querySelector<HTMLElement>(".now > div");
    return line ? parseFloat(line.style.left) : null;
  });
}

describe("a display whose TV misbehaves", () => {
  const display = useDisplay();

  it("shows the server's time, now-line and grace countdown though the TV's clock is ten minutes off, either way, and jumps", async () => {
    const server = await display.start();
    const advisors = (await server.api("/api/advisors")).body as { id: number }[];
    await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!.id, { startTime: "10:35", customerName: "司马光" }) });
    const { page } = await display.page("/display", { init: tenMinutesFast });

    // 10:40 on the server; a TV ten minutes fast would think the 10:35 card's grace (to 10:50) was nearly gone
    await waitForCard(page, /10:35.*10分钟后延时/);
    expect(await appText(page)).toMatch(/10:4\d:\d\d/);
    const fastLine = await nowLine(page);
    expect(fastLine).not.toBeNull();

    // the TV's clock is corrected, overshooting to ten minutes slow: nothing on the board moves
    await page.evaluate(() => ((window as unknown as { __tvSkewMs: number }).__tvSkewMs = -10 * 60_000));
    await expect.poll(() => appText(page), { timeout: 10_000 }).toMatch(/10:4\d:\d\d/);
    await heartbeats(page, 2); // clock samples taken on the new local clock
    expect(await appText(page)).toMatch(/10:4\d:\d\d/);
    await waitForCard(page, /10:35.*10分钟后延时/);
    const slowLine = await nowLine(page);
    // a minute of the day is 1/720 of a 12-hour grid: the line has not moved by one
    expect(Math.abs(slowLine! - fastLine!)).toBeLessThan(100 / 720);

    // and the late mark comes from the server's clock, not the TV's
    display.clock.advance(11 * MINUTE);
    await waitForCard(page, /10:35.*延时到店/);
  });

  it("catches up after its page was frozen past the server's heartbeat, without a reload", { timeout: 60_000 }, async () => {
    const server = await display.start();
    const advisors = (await server.api("/api/advisors")).body as { id: number }[];
    const { page, context } = await display.page("/display");
    await waitForCard(page, "已到店");
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    // a TV going to sleep: the page's script stops running (held in the debugger) while the board changes
    const cdp = await context.newCDPSession(page);
    await cdp.send("Debugger.enable");
    await cdp.send("Debugger.pause");
    const made = await server.api("/api/appointments", { method: "POST", json: booking(advisors[1]!.id, { startTime: "16:00", customerName: "欧阳修", plate: "京B·13579" }) });
    expect(made.status).toBe(201);
    // longer than the server's ping interval + timeout (15 s), so the server gives up on this socket
    await expect.poll(async () => (await server.api("/api/health")).body.displays, { timeout: 30_000, interval: 500 }).toBe(0);
    await server.api(`/api/appointments/${made.body.record.id}/arrive`, { method: "POST", json: { version: 1 } });

    await cdp.send("Debugger.resume");
    await waitForCard(page, /16:00.*已到店/, 20_000);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await expect.poll(() => appText(page), { timeout: 10_000 }).not.toContain("连接中断");
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Appointment } from "../../shared/schemas/appointment.js";
import { FULL_HD, launchBrowser } from "../helpers/browser.js";
import { signInContext } from "../helpers/browser-login.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { startTestServer, type Session, type TestServer } from "../helpers/test-server.js";
import { SCREEN_SIZES } from "../helpers/screenshots.js";
import { cardTexts, waitForCard } from "./display-page.js";
import { maskAppointment } from "../../shared/rules/mask.js";

/** 10:40 in Shanghai on 2026-11-27 by the server's clock. */
const MID_MORNING = Date.parse("2026-11-27T02:40:00Z");
const SITE_TODAY = "2026-11-27";
const TIMEOUT = 240_000;

/** The dates a page asked to follow over its socket, in order. */
function followedDates(page: Page): string[] {
  const dates: string[] = [];
  page.on("websocket", (ws) => {
    ws.on("framesent", ({ payload }) => {
      const text = typeof payload === "string" ? payload : payload.toString("utf8");
      // a socket.io event frame: 42/namespace,ackId["board:follow",{…}]
      const m = /^42[^[]*\["board:follow",(\{.*\})\]$/.exec(text);
      if (m) dates.push((JSON.parse(m[1]!) as { date: string }).date);
    });
  });
  return dates;
}

describe("a screen whose own clock is wrong opens on the site's today by the server's clock", () => {
  let browser: Browser;
  let server: TestServer;
  let day: Appointment[];
  let advisorId: number;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer({ sample: "busy", clock: new ManualClock(MID_MORNING), staticDir: inject("pagesDir") });
    day = (await server.api(`/api/board?date=${SITE_TODAY}`)).body.appointments as Appointment[];
    advisorId = (await server.api("/api/advisors")).body[0].id as number;
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * The server's clock stands at 2026-11-27 while the browser keeps this machine's real one, in New
   * York's zone: a screen whose own clock and zone disagree with the server's, as a TV stick that
   * booted without the time does.
   */
  async function openWithOwnClock(path: string, viewport: { width: number; height: number }, as?: Session): Promise<{ context: BrowserContext; page: Page; followed: string[] }> {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: "zh-CN", timezoneId: "America/New_York" });
    if (as) await signInContext(context, server, as);
    const page = await context.newPage();
    const followed = followedDates(page);
    await page.goto(server.url + path);
    return { context, page, followed };
  }

  it("the wall TV asks for the server's today, never its own, and shows that day", { timeout: TIMEOUT }, async () => {
    const { context, page, followed } = await openWithOwnClock("/display", FULL_HD);
    expect(await page.evaluate(() => new Date().toLocaleDateString("sv"))).not.toBe(SITE_TODAY);
    // every card shown is one of the site's today (the public TV masks plates, as every TV does)
    await waitForCard(page, "·");
    const plates = day.map((a) => maskAppointment(a).plate);
    const shown = await cardTexts(page);
    expect(shown.filter((text) => !plates.some((p) => text.includes(p)))).toEqual([]);
    expect(followed.length).toBeGreaterThan(0);
    expect(followed.filter((d) => d !== "today" && d !== SITE_TODAY)).toEqual([]);
    await context.close();
  });

  it("so do the advisor's phone and the guide's gate page", { timeout: TIMEOUT }, async () => {
    const advisor = await server.sessionAs("advisor", { advisorId });
    const mine = day.find((a) => a.advisorId === advisorId && a.status !== "cancelled")!;
    const phone = await openWithOwnClock("/advisor", SCREEN_SIZES.phone, advisor);
    await phone.page.locator("advisor-card", { hasText: mine.plate }).first().waitFor({ timeout: 20_000 });
    expect(phone.followed.length).toBeGreaterThan(0);
    expect(phone.followed.filter((d) => d !== "today" && d !== SITE_TODAY)).toEqual([]);
    await phone.context.close();

    const gate = await openWithOwnClock("/gate", SCREEN_SIZES.phone, await server.sessionAs("desk"));
    await gate.page.getByLabel("车牌号（或姓名、电话）").fill(mine.plate.replace(/^.*·/, ""));
    await gate.page.locator(`gate-page article[data-id="${mine.id}"]`).waitFor({ timeout: 20_000 });
    expect(gate.followed.length).toBeGreaterThan(0);
    expect(gate.followed.filter((d) => d !== "today" && d !== SITE_TODAY)).toEqual([]);
    await gate.context.close();
  });
});

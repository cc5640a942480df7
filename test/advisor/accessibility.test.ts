import { afterEach, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Appointment } from "../../shared/schemas/appointment.js";
import type { FixtureName } from "../../shared/schemas/sample.js";
import { launchBrowser, openPage } from "../helpers/browser.js";
import { openSignedInPage } from "../helpers/browser-login.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { startTestServer, type Session, type TestServer } from "../helpers/test-server.js";
import { expectAccessible } from "../helpers/axe.js";
import { SCREEN_SIZES, screenshotAt, settled } from "../helpers/screenshots.js";

/** 10:40 in Shanghai on 2026-11-27: the advisor's morning under way, cards done, in service, arrived and to come. */
const MID_MORNING = Date.parse("2026-11-27T02:40:00Z");
const AXE_TIMEOUT = 240_000;

/** The phone promises the TV's 7:1 for its text (it is read standing, at arm's length, in a bright reception). */
const SEVEN_TO_ONE = { enhancedContrast: true };

describe("the advisor's phone, checked by axe-core", () => {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  afterEach(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * The phone of advisor A on that day: at the sign-in form (the manager made the account "wang"),
   * or already signed in, with the guide at the gate signed in too (`desk`).
   */
  async function start(fixture: FixtureName, signedIn = false): Promise<{ page: Page; mine: Appointment[]; desk?: Session }> {
    browser = await launchBrowser();
    server = await startTestServer({ sample: fixture, clock: new ManualClock(MID_MORNING), staticDir: inject("pagesDir") });
    const advisor = (await server.api("/api/advisors")).body[0] as { id: number };
    const mine = ((await server.api("/api/board?date=2026-11-27")).body.appointments as Appointment[]).filter((a) => a.advisorId === advisor.id);
    if (signedIn) {
      // before the phone is on: hashing passwords holds the server a moment, and an arrival replayed after a reconnect is not called
      const desk = await server.sessionAs("desk");
      const { page } = await openSignedInPage(browser, server, "/advisor", { as: await server.sessionAs("advisor", { advisorId: advisor.id }), viewport: SCREEN_SIZES.phone });
      return { page, mine, desk };
    }
    await server.api("/api/accounts", { method: "POST", json: { username: "wang", displayName: "王磊", role: "advisor", advisorId: advisor.id, password: "one-time-from-manager" } });
    const { page } = await openPage(browser, `${server.url}/advisor`, SCREEN_SIZES.phone);
    return { page, mine };
  }

  it("signing in, a wrong password, the one-time password change, and a busy day's list", { timeout: AXE_TIMEOUT }, async () => {
    const { page, mine } = await start("busy");
    await page.getByLabel("用户名").waitFor();
    await settled(page);
    await expectAccessible(page, "the phone's sign-in", SEVEN_TO_ONE);
    await page.getByLabel("用户名").fill("wang");
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByRole("alert").waitFor();
    await settled(page);
    await expectAccessible(page, "the phone's sign-in after a wrong password", SEVEN_TO_ONE);
    await screenshotAt(page, "advisor-login-error", ["phone"]);

    await page.getByLabel("密码").fill("one-time-from-manager");
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByLabel("新密码").waitFor();
    await settled(page);
    await expectAccessible(page, "the phone's password change", SEVEN_TO_ONE);
    await page.getByLabel("当前密码").fill("one-time-from-manager");
    await page.getByLabel("新密码").fill("wang-chose-his-own");
    await page.getByRole("button", { name: "保存" }).click();

    // the list holds every state of a morning: done and no-show dimmed, in service, arrived, late, to come
    await expect.poll(() => page.locator("advisor-card").count(), { timeout: 20_000 }).toBe(mine.length);
    expect(mine.some((a) => a.status === "completed")).toBe(true);
    await settled(page);
    await expectAccessible(page, "the phone's list of my day", SEVEN_TO_ONE);
    await screenshotAt(page, "advisor-busy", ["phone"]);
  });

  it.each(["sample", "busy"] as const)("with %s: the walkie-talkie call when the guide marks my customer arrived", { timeout: AXE_TIMEOUT }, async (fixture) => {
    const { page, mine, desk } = await start(fixture, true);
    await expect.poll(() => page.locator("advisor-card").count(), { timeout: 20_000 }).toBe(mine.length);

    const next = mine.find((a) => a.status === "booked" || a.status === "confirmed")!;
    expect((await server!.api(`/api/appointments/${next.id}/arrive`, { method: "POST", json: { version: next.version }, as: desk! })).status).toBe(200);
    await page.locator("advisor-day .call").waitFor();
    await settled(page);
    await expectAccessible(page, `the phone's arrival call on the ${fixture} day`, SEVEN_TO_ONE);
    await screenshotAt(page, `advisor-${fixture}-call`, ["phone"]);
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../helpers/browser.js";
import { openSignedInPage } from "../helpers/browser-login.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { startTestServer, type Session, type TestServer } from "../helpers/test-server.js";
import { expectAccessible } from "../helpers/axe.js";
import { SCREEN_SIZES, screenshotAt, settled } from "../helpers/screenshots.js";
import { zonedInstant } from "../../shared/rules/zoned-time.js";
import { RETRY_AFTER_MS } from "../../shared/rules/confirmation.js";

const TIMEOUT = 240_000;
type Card = { id: number; advisorId: number; status: string; version: number; startTime: string };

describe("the day-before call, completed", () => {
  let browser: Browser;
  let server: TestServer;
  let clock: ManualClock;
  let tomorrow: Card[];
  let advisorOwn: Session;

  beforeAll(async () => {
    browser = await launchBrowser();
    // 16:00 on 2026-12-01 in Shanghai, the busy day today and tomorrow
    clock = new ManualClock(Date.parse("2026-12-01T08:00:00Z"));
    server = await startTestServer({ sample: "busy", clock, staticDir: inject("pagesDir") });
    tomorrow = ((await server.api("/api/board?date=2026-12-02")).body.appointments as Card[]).filter((a) => a.status === "booked");
    advisorOwn = await server.sessionAs("advisor", { advisorId: tomorrow[0]!.advisorId });
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const call = (id: number, outcome: string, as?: Session) => server.api(`/api/call-lists/confirmations/${id}`, { method: "POST", json: { outcome }, ...(as ? { as } : {}) });
  const confirmations = async () => (await server.api("/api/call-lists/confirmations?date=2026-12-02")).body as { calls: { appointmentId: number; attempts: number; outcome: string }[]; unconfirmed: number };

  it("counts no-answer tries, records a text, audits both, and lets an advisor call only their own customers", async () => {
    const [a, b] = tomorrow;
    const before = await confirmations();
    expect(before.unconfirmed).toBe(tomorrow.length);
    expect((await call(a!.id, "no_answer", advisorOwn)).status).toBe(200);
    clock.advance(RETRY_AFTER_MS);
    expect((await call(a!.id, "no_answer")).body.record).toMatchObject({ attempts: 2, outcome: "no_answer" });
    expect((await call(a!.id, "texted")).body.record).toMatchObject({ attempts: 3, outcome: "texted" });
    const other = tomorrow.find((c) => c.advisorId !== a!.advisorId)!;
    expect((await call(other.id, "no_answer", advisorOwn)).status).toBe(403);
    expect((await call(b!.id, "maybe")).body.error).toMatchObject({ code: "invalid_payload", field: "outcome" });
    const history = (await server.api(`/api/appointments/${a!.id}/history`)).body as { action: string }[];
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(["appointment.confirmation_no_answer", "appointment.confirmation_texted"]));
    expect((await confirmations()).calls.find((c) => c.appointmentId === a!.id)).toMatchObject({ attempts: 3, outcome: "texted" });
    // a text does not confirm the card: it still counts as unconfirmed
    expect((await confirmations()).unconfirmed).toBe(tomorrow.length);
  });

  it("the day-before page: no answer and text sent, the call script, and at closing time the count still unconfirmed", { timeout: TIMEOUT }, async () => {
    const settings = (await server.api("/api/settings")).body as { closeTime: string; timeZone: string };
    clock.set(zonedInstant("2026-12-01", settings.closeTime, settings.timeZone).getTime() + 60_000);
    server.manager = await server.signIn("admin", "test-admin-password");
    const { page } = await openSignedInPage(browser, server, "/admin", { viewport: SCREEN_SIZES["desk-1366"] });
    const banner = page.locator("unconfirmed-banner [role=status]");
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.textContent()).toContain(`明天还有 ${tomorrow.length} 个预约未确认`);
    await page.locator("admin-toolbar nav button").filter({ hasText: "前一天准备" }).click();
    const row = page.locator(`admin-day-before section.calls tr[data-id="${tomorrow[1]!.id}"]`);
    await row.waitFor();
    await row.locator("button", { hasText: "无人接听" }).click();
    // the time of the try in the site's zone (the browser sits in New York): closing time + 1 minute
    const closingPlusOne = `${settings.closeTime.slice(0, 3)}${String(Number(settings.closeTime.slice(3)) + 1).padStart(2, "0")}`;
    await row.locator(".tried", { hasText: `无人接听 1 次（最近 ${closingPlusOne}）` }).waitFor();
    await row.locator("summary").click();
    expect(await row.locator("details p").textContent()).toContain("保养手册");
    await screenshotAt(page, "admin-day-before-calls", ["desk-1366", "desk-1920"]);
    await page.setViewportSize(SCREEN_SIZES["desk-1366"]);
    await settled(page);
    await expectAccessible(page, "the day-before calls with a script open and the closing-time count");
    await row.locator("button", { hasText: "已确认" }).click();
    // the confirmation is a board change: the count follows it
    await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toContain(`${tomorrow.length - 1} 个`);
  });
});

import { afterEach, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Appointment } from "../../shared/schemas/appointment.js";
import { countPrints, launchBrowser } from "../helpers/browser.js";
import { openSignedInPage } from "../helpers/browser-login.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { expectAccessible } from "../helpers/axe.js";
import { SCREEN_SIZES, screenshotAt, settled } from "../helpers/screenshots.js";

/** 10:40 in Shanghai on 2026-11-27, a busy morning under way. */
const MID_MORNING = Date.parse("2026-11-27T02:40:00Z");
const BROWSER_TIMEOUT = 240_000;

describe("the guide's page /gate in Chromium at phone size", () => {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  afterEach(async () => {
    await browser?.close();
    await server?.close();
    browser = undefined;
    server = undefined;
  });

  async function open(clock: ManualClock, role: "desk" | "advisor" = "desk"): Promise<{ page: Page; day: Appointment[] }> {
    browser = await launchBrowser();
    server = await startTestServer({ sample: "busy", clock, staticDir: inject("pagesDir") });
    const day = (await server.api("/api/board?date=2026-11-27")).body.appointments as Appointment[];
    const advisorId = (await server.api("/api/advisors")).body[0].id as number;
    const as = role === "desk" ? await server.sessionAs("desk") : await server.sessionAs("advisor", { advisorId });
    const { page } = await openSignedInPage(browser, server, "/gate", { as, viewport: SCREEN_SIZES.phone, init: countPrints });
    return { page, day };
  }

  const card = async (id: number): Promise<Appointment> => (await server!.api(`/api/appointments/${id}`)).body;

  it("marks a booked customer arrived in one tap after typing the plate as the guide reads it", { timeout: BROWSER_TIMEOUT }, async () => {
    const { page, day } = await open(new ManualClock(MID_MORNING));
    const expected = day.find((a) => (a.status === "booked" || a.status === "confirmed") && a.startTime >= "11:00")!;
    const tail = expected.plate.replace(/^.*·/, "");
    await page.getByLabel("车牌号（或姓名、电话）").waitFor();
    await settled(page);
    await expectAccessible(page, "the gate page, empty", { enhancedContrast: true });
    await screenshotAt(page, "gate-empty", ["phone", "tablet"]);

    // typed lower case and without the region, as a guide types a plate off a bumper
    await page.getByLabel("车牌号（或姓名、电话）").fill(tail.toLowerCase());
    const found = page.locator(`gate-page article[data-id="${expected.id}"]`);
    await found.waitFor();
    await settled(page);
    await expectAccessible(page, "the gate page with a match", { enhancedContrast: true });
    await screenshotAt(page, "gate-match", ["phone", "tablet"]);
    await page.setViewportSize(SCREEN_SIZES.phone);

    await found.getByRole("button", { name: "已到店" }).click();
    await expect.poll(async () => (await card(expected.id)).status).toBe("arrived");
    await found.getByText(/已到店 · 已通知服务顾问/).waitFor();
    expect((await card(expected.id)).arrivedAt).toBe(new Date(MID_MORNING).toISOString());
  });

  it("receives a walk-in when nothing matches: the suggested advisor, a category, and the field named when it is missing", { timeout: BROWSER_TIMEOUT }, async () => {
    const { page } = await open(new ManualClock(MID_MORNING));
    await page.getByLabel("车牌号（或姓名、电话）").fill("京Z99999");
    await page.getByRole("button", { name: "散客接待" }).click();
    await page.getByLabel("维修内容（几个字）").fill("右前轮异响");
    // no category chosen: refused, the field named beside it, nothing created
    await page.getByRole("button", { name: "接待散客" }).click();
    await page.getByRole("alert").filter({ hasText: "作业类别" }).waitFor();
    const before = (await server!.api("/api/board?date=2026-11-27")).body.appointments.length;

    await page.getByRole("button", { name: "机修" }).click();
    await settled(page);
    await expectAccessible(page, "the walk-in form", { enhancedContrast: true });
    await screenshotAt(page, "gate-walk-in", ["phone", "tablet"]);
    await page.setViewportSize(SCREEN_SIZES.phone);
    const suggested = await page.locator("gate-walk-in select option:checked").textContent();
    expect(suggested).toContain("推荐");
    await page.getByRole("button", { name: "接待散客" }).click();
    await page.getByRole("status").filter({ hasText: "散客 京Z·99999 已接待" }).waitFor();
    const after = (await server!.api("/api/board?date=2026-11-27")).body.appointments as Appointment[];
    expect(after.length).toBe(before + 1);
    const walkIn = after.find((a) => a.walkIn)!;
    expect(walkIn).toMatchObject({ plate: "京Z·99999", status: "arrived", jobCategory: "mechanical", startTime: "10:40", workRequested: "右前轮异响" });
    expect(suggested).toContain(((await server!.api(`/api/advisors/${walkIn.advisorId}`)).body as { name: string }).name);

    // the walk-in's roof sign, in the walk-ins' own series, printed right from the notice
    const number = `散${String(walkIn.queueNumber).padStart(3, "0")}`;
    await page.getByRole("status").filter({ hasText: `排队号 ${number}` }).waitFor();
    await settled(page);
    await expectAccessible(page, "the gate after a walk-in, its roof sign ready to print", { enhancedContrast: true });
    await page.getByRole("button", { name: `打印车顶牌 ${number}` }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);
    const sign = page.locator("body > roof-signs article.sign");
    expect(await sign.count()).toBe(1);
    expect(await sign.locator(".number .value").textContent()).toBe(number);
    expect(await sign.locator(".title").textContent()).toBe("散客");
    await page.emulateMedia({ media: "print" });
    expect(await sign.isVisible()).toBe(true);
    expect(await page.locator("staff-gate").isVisible()).toBe(false);
  });

  it("lists a customer not greeted by 10:03 and lets the guide stamp 已出迎 for an advisor without a phone", { timeout: BROWSER_TIMEOUT }, async () => {
    const clock = new ManualClock(Date.parse("2026-11-27T01:30:00Z"));
    const { page, day } = await open(clock);
    const expected = day.find((a) => (a.status === "booked" || a.status === "confirmed") && a.startTime >= "10:00")!;
    clock.set(Date.parse("2026-11-27T02:00:00Z"));
    await server!.api(`/api/appointments/${expected.id}/arrive`, { method: "POST", json: { version: (await card(expected.id)).version } });
    const overdue = page.locator(`gate-page .overdue li[data-id="${expected.id}"]`);
    clock.set(Date.parse("2026-11-27T02:02:00Z"));
    await page.getByLabel("车牌号（或姓名、电话）").waitFor();
    expect(await overdue.count()).toBe(0);
    clock.set(Date.parse("2026-11-27T02:03:00Z"));
    await overdue.waitFor();
    await settled(page);
    await expectAccessible(page, "the gate page's not-greeted list", { enhancedContrast: true });
    await screenshotAt(page, "gate-overdue", ["phone", "tablet"]);
    await overdue.getByRole("button", { name: "已出迎" }).click();
    await overdue.waitFor({ state: "detached" });
    expect((await card(expected.id)).greetedAt).toBe("2026-11-27T02:03:00.000Z");
  });

  it("is not for advisors: their account is told so and cannot mark arrivals there", { timeout: BROWSER_TIMEOUT }, async () => {
    const { page } = await open(new ManualClock(MID_MORNING), "advisor");
    await page.getByText("此页面供引导人员和前台使用").waitFor();
    expect(await page.locator("gate-page").count()).toBe(0);
  });
});

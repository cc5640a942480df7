import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page, Request } from "playwright-core";
import type { Appointment } from "../../shared/schemas/appointment.js";
import { launchBrowser } from "../helpers/browser.js";
import { openSignedInPage } from "../helpers/browser-login.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { expectAccessible } from "../helpers/axe.js";
import { SCREEN_SIZES, screenshotAt, settled } from "../helpers/screenshots.js";

/** 10:40 in Shanghai on 2026-11-27, the busy day; tomorrow's bookings wait for their confirmation calls. */
const MID_MORNING = Date.parse("2026-11-27T02:40:00Z");
const TIMEOUT = 240_000;

describe("the advisor's own calls on the phone", () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let advisors: number[];
  let tomorrow: Appointment[];
  let mine: { id: number };
  let theirs: { id: number };

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer({ sample: "busy", clock: new ManualClock(MID_MORNING), staticDir: inject("pagesDir") });
    advisors = ((await server.api("/api/advisors")).body as { id: number }[]).map((a) => a.id);
    tomorrow = ((await server.api("/api/board?date=2026-11-28")).body.appointments as Appointment[]).filter((a) => a.advisorId === advisors[0] && a.status === "booked");
    const entry = async (advisorId: number, plate: string, reason: string) => {
      const v = (await server.api("/api/register/vehicles", { method: "POST", json: { plate, customerName: "陈静", customerTitle: "ms", phone: "13712345678" } })).body.record;
      return (await server.api("/api/call-lists/entries", { method: "POST", json: { list: advisorId === advisors[0] ? "parts_arrived" : "campaign", vehicleId: v.id, advisorId, reason } })).body.record;
    };
    mine = await entry(advisors[0]!, "粤B·D12345", "刹车片到货");
    theirs = await entry(advisors[1]!, "粤B·54321", "召回 R2026-07");
    const advisor = await server.sessionAs("advisor", { advisorId: advisors[0]! });
    ({ page } = await openSignedInPage(browser, server, "/advisor", { as: advisor, viewport: SCREEN_SIZES.phone }));
    await page.locator("advisor-calls .item").first().waitFor({ timeout: 20_000 });
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("lists tomorrow's own bookings to confirm and the own list entries, never another advisor's, checked by axe at 390×844", { timeout: TIMEOUT }, async () => {
    expect(tomorrow.length).toBeGreaterThan(0);
    const calls = page.locator("advisor-calls");
    await expect.poll(() => calls.locator("#day-before").textContent()).toContain(`（${tomorrow.length}）`);
    // the section's text lives in its shadow root, item by item
    const text = (await calls.locator(".item").allTextContents()).join("\n").replace(/\s+/g, " ");
    expect(text).toContain("粤B·D12345 · 刹车片到货");
    expect(text).not.toContain("粤B·54321");
    expect(await calls.locator("a[href='tel:13712345678']").count()).toBe(1);
    await calls.locator("#lists").scrollIntoViewIfNeeded();
    await settled(page);
    await screenshotAt(page, "advisor-calls", ["phone"]);
    await expectAccessible(page, "the advisor's calls", { enhancedContrast: true });
  });

  it("works them with the editor's commands: confirmed, no answer on a list entry", { timeout: TIMEOUT }, async () => {
    const calls = page.locator("advisor-calls");
    const first = calls.locator(".item").filter({ hasText: tomorrow[0]!.plate }).first();
    await first.locator("button", { hasText: "已确认" }).click();
    await expect.poll(async () => ((await server.api(`/api/appointments/${tomorrow[0]!.id}`)).body as Appointment).status).toBe("confirmed");
    await expect.poll(() => calls.locator("#day-before").textContent()).toContain(`（${tomorrow.length - 1}）`);
    const entry = calls.locator(".item").filter({ hasText: "粤B·D12345" });
    await entry.locator("button", { hasText: "无人接听" }).click();
    await entry.waitFor({ state: "detached" });
    expect(server.db.prepare("SELECT attempts, next_try_date AS next, outcome FROM call_entries WHERE id = ?").get(mine.id)).toEqual({ attempts: 1, next: "2026-11-28", outcome: "no_answer" });
    expect(server.db.prepare("SELECT attempts FROM call_entries WHERE id = ?").get(theirs.id)).toEqual({ attempts: 0 });
    const audit = server.db.prepare("SELECT action, actor FROM audit_log WHERE entity = 'call_entry' AND entity_id = ? ORDER BY id").all(mine.id) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(["call.add", "call.no_answer"]);
  });

  it("does not put an older day's bookings under tomorrow when the day moves on while a look is under way", { timeout: TIMEOUT }, async () => {
    // a confirmation's look at tomorrow (the 28th) is held while the day moves on, as at midnight,
    // and tomorrow becomes the 29th, which has nothing to confirm; the 28th's answer then comes last
    const calls = page.locator("advisor-calls");
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const held: Request[] = [];
    await page.route(/\/api\/(board|call-lists\/confirmations)\?date=2026-11-28/, async (route) => {
      held.push(route.request());
      await released;
      await route.continue();
    });
    await calls.locator(".item").filter({ hasText: tomorrow[1]!.plate }).first().locator("button", { hasText: "已确认" }).click();
    await expect.poll(() => held.length).toBe(2);
    await calls.evaluate((el) => {
      (el as unknown as { tomorrow: string }).tomorrow = "2026-11-29";
    });
    await expect.poll(() => calls.locator("#day-before").textContent()).toContain("（0）");
    const answered = Promise.all(held.map(async (r) => (await r.response())?.finished()));
    release();
    await answered;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await calls.locator("#day-before").textContent()).toContain("（0）");
    expect(await calls.locator(".item").filter({ hasText: tomorrow[2]!.plate }).count()).toBe(0);
    await page.unroute(/\/api\/(board|call-lists\/confirmations)\?date=2026-11-28/);
  });
});

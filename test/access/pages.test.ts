import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage } from "../helpers/browser.js";
import { openSignedInPage } from "../helpers/browser-login.js";
import { booking, seedBasics, startTestServer, type TestServer } from "../helpers/test-server.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { appText, cardTexts } from "../display/display-page.js";

const PHONE = { width: 390, height: 844 };
const HOSTILE = `<script>window.__xss=1</script><img src=x onerror="window.__xss=1">`;

/** Every page is served under the strict CSP; a violation (an inline script or style it blocked) is a bug. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

/** All text the page shows, shadow roots included. */
async function deepText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const walk = (root: Document | ShadowRoot): string => {
      let out = root instanceof Document ? (root.body.textContent ?? "") : (root.textContent ?? "");
      for (const el of root.querySelectorAll("*")) if (el.shadowRoot) out += walk(el.shadowRoot);
      return out;
    };
    return walk(document);
  });
}

/** What a person reads on the advisor page: each card's text, in order. */
async function advisorCards(page: Page): Promise<string[]> {
  return page.locator("advisor-card").evaluateAll((els) => els.map((el) => (el.shadowRoot?.textContent ?? "").replace(/\s+/g, " ").trim()));
}

describe("the advisor's phone", () => {
  let browser: Browser;
  let server: TestServer;
  let advisors: number[];

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer({ clock: new ManualClock(Date.parse("2026-11-27T00:30:00Z")), staticDir: inject("pagesDir") });
    ({ advisors } = await seedBasics(server));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("signs in, replaces the one-time password, lists my day in time order, buzzes when the guide marks my customer arrived, greets and starts the job with a tap each", async () => {
    const mine = async (startTime: string, customerName: string) =>
      (await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { startTime, customerName, plate: `京A·${startTime.replace(":", "")}0` }) })).body.record;
    await mine("14:00", "赵敏");
    const first = await mine("09:00", "周芷若");
    await mine("11:00", "殷离");
    await server.api("/api/appointments", { method: "POST", json: booking(advisors[1]!, { startTime: "10:00", customerName: "别人的客户" }) });
    await server.api("/api/accounts", { method: "POST", json: { username: "wang", displayName: "王顾问", role: "advisor", advisorId: advisors[0], password: "one-time-from-manager" } });

    const { page } = await openPage(browser, `${server.url}/advisor`, PHONE, () => {
      (window as unknown as { __buzz: number }).__buzz = 0;
      navigator.vibrate = () => {
        (window as unknown as { __buzz: number }).__buzz++;
        return true;
      };
    });
    const csp = watchCsp(page);
    await page.getByLabel("用户名").fill("wang");
    await page.getByLabel("密码").fill("one-time-from-manager");
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByLabel("当前密码").fill("one-time-from-manager");
    await page.getByLabel("新密码").fill("wang-chose-his-own");
    await page.getByRole("button", { name: "保存" }).click();

    await expect.poll(() => advisorCards(page)).toHaveLength(3);
    const cards = await advisorCards(page);
    expect(cards.map((c) => c.slice(0, 5))).toEqual(["09:00", "11:00", "14:00"]);
    expect(cards.join()).not.toContain("别人的客户");

    // the guide, at the door, marks my 09:00 customer arrived
    const desk = await server.sessionAs("desk");
    expect((await server.api(`/api/appointments/${first.id}/arrive`, { method: "POST", json: { version: first.version }, as: desk })).status).toBe(200);
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("周芷若");
    expect(await page.evaluate(() => (window as unknown as { __buzz: number }).__buzz)).toBeGreaterThan(0);

    // 已出迎 first: the greeting is its own step, then the repair starts
    await page.getByRole("button", { name: "已出迎" }).click();
    await expect.poll(async () => (await server.api(`/api/appointments/${first.id}`)).body.greetedAt).not.toBeNull();
    await page.getByRole("button", { name: "开始维修" }).click();
    await expect.poll(async () => (await server.api(`/api/appointments/${first.id}`)).body.status).toBe("in_service");
    await expect.poll(async () => (await advisorCards(page))[0]).toContain("维修中");
    expect(csp).toEqual([]);
  });
});

describe("customer text is always text", () => {
  let browser: Browser;
  let server: TestServer;
  let staffKey: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer({ clock: new ManualClock(Date.parse("2026-11-27T00:30:00Z")), staticDir: inject("pagesDir") });
    const { advisors } = await seedBasics(server);
    await server.api("/api/appointments", {
      method: "POST",
      json: booking(advisors[0]!, { startTime: "10:00", customerName: HOSTILE.slice(0, 40), workRequested: HOSTILE, vehicleModel: "<b>bold</b>" }),
    });
    staffKey = (await server.api("/api/displays", { method: "POST", json: { name: "前台内屏", visibility: "staff", language: "zh-CN" } })).body.secret;
    await server.api("/api/accounts", { method: "POST", json: { username: "wang", displayName: "王顾问", role: "advisor", advisorId: advisors[0], password: "one-time-from-manager" } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const noScriptRan = async (page: Page) => expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  it("on the public display", async () => {
    const { page } = await openPage(browser, `${server.url}/display`);
    const csp = watchCsp(page);
    await expect.poll(async () => (await cardTexts(page)).join()).toContain("<script>window.__xss=1</script>");
    await noScriptRan(page);
    expect(csp).toEqual([]);
  });

  it("on a paired staff-only display, full name included", async () => {
    const { page } = await openPage(browser, `${server.url}/display#key=${staffKey}`);
    await expect.poll(async () => (await cardTexts(page)).join()).toContain(HOSTILE.slice(0, 40));
    await noScriptRan(page);
  });

  it("on the admin editor, its card and its side panel", async () => {
    const { page } = await openSignedInPage(browser, server, "/admin");
    const csp = watchCsp(page);
    await expect.poll(() => deepText(page)).toContain("<script>window.__xss=1</script>");
    await page.locator("admin-board .tile").first().click();
    await expect.poll(() => deepText(page)).toContain(HOSTILE);
    await noScriptRan(page);
    expect(csp).toEqual([]);
  });

  it("on the advisor's phone", async () => {
    const { page } = await openSignedInPage(browser, server, "/advisor", { as: await server.sessionAs("advisor", { advisorId: 1 }), viewport: PHONE });
    const csp = watchCsp(page);
    await expect.poll(async () => (await advisorCards(page)).join()).toContain(HOSTILE.slice(0, 40));
    expect((await advisorCards(page)).join()).toContain("<b>bold</b>");
    await noScriptRan(page);
    expect(csp).toEqual([]);
  });
});

describe("a paired TV", () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer({ clock: new ManualClock(Date.parse("2026-11-27T00:30:00Z")), staticDir: inject("pagesDir") });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows the language and advisors the manager paired it with, reports its page, and goes dark when revoked", async () => {
    const { advisors } = await seedBasics(server);
    await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { startTime: "10:00", customerName: "甲客户" }) });
    await server.api("/api/appointments", { method: "POST", json: booking(advisors[1]!, { startTime: "11:00", customerName: "乙客户" }) });
    const paired = (await server.api("/api/displays", { method: "POST", json: { name: "二楼", visibility: "staff", language: "en", advisorIds: [advisors[1]] } })).body;
    const { page } = await openPage(browser, `${server.url}/display#key=${paired.secret}`);
    await expect.poll(async () => (await cardTexts(page)).join()).toContain("乙客户");
    expect((await cardTexts(page)).join()).not.toContain("甲客户");
    expect(await appText(page)).toContain("Booked");
    await expect.poll(async () => (await server.api("/api/displays")).body[0]).toMatchObject({ online: true, date: "2026-11-27", page: "1/1" });

    expect((await server.api(`/api/displays/${paired.record.id}`, { method: "DELETE" })).status).toBe(200);
    await expect.poll(async () => (await server.api("/api/displays")).body[0].online).toBe(false);
    await expect.poll(() => appText(page)).toMatch(/Connection lost/);
  });
});

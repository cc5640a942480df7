import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { FULL_HD, launchBrowser, openPage, UHD, type Viewport } from "../helpers/browser.js";
import { openSignedInPage } from "../helpers/browser-login.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { booking, startTestServer, type TestServer } from "../helpers/test-server.js";
import { waitForCard } from "../display/display-page.js";

/**
 * The pages run under `style-src 'self'` (no 'unsafe-inline') and `font-src 'self'`: Lit's static
 * styles are constructable stylesheets and styleMap writes through the CSSOM, which CSP does not
 * count as inline. Every page, every dialog and both print views are opened in Chromium with a
 * listener for CSP violations; a blocked style would leave a screen unstyled without any error.
 */
const DESK: Viewport = { width: 1366, height: 768 };
const PHONE: Viewport = { width: 390, height: 844 };
const TOMORROW = "2026-11-28";

/** Runs before any page script: keeps every violation the page reports, shadow roots included. */
function recordViolations(): void {
  const seen: string[] = [];
  (window as unknown as { __csp: string[] }).__csp = seen;
  document.addEventListener(
    "securitypolicyviolation",
    (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`),
    true,
  );
  // window.print opens a dialog a headless browser cannot close; the print view is what matters
  window.print = () => undefined;
}

/** Violations seen by the listener and in the console (Chromium logs each one there too). */
function watch(page: Page): () => Promise<string[]> {
  const logged: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) logged.push(m.text());
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])), ...logged];
}

let browser: Browser;
let server: TestServer;
let staffKey: string;

beforeAll(async () => {
  browser = await launchBrowser();
  // 10:40 in Shanghai on the sample day: cards done, arrived, late and to come
  server = await startTestServer({ sample: true, clock: new ManualClock(Date.parse("2026-11-27T02:40:00Z")), staticDir: inject("pagesDir") });
  const board = (await server.api("/api/board?date=2026-11-27")).body as { advisors: { id: number }[] };
  const [a, b] = board.advisors;
  await server.api("/api/appointments", { method: "POST", json: booking(a!.id, { date: TOMORROW, startTime: "09:00", plate: "沪B·D1234", workRequested: "召回升级", preparation: { partsNeeded: true } }) });
  await server.api("/api/appointments", { method: "POST", json: booking(b!.id, { date: TOMORROW, startTime: "14:00", customerName: "朱勇", preparation: { complaint: true, repeatRepair: true } }) });
  staffKey = (await server.api("/api/displays", { method: "POST", json: { name: "前台内屏", visibility: "staff", language: "zh-CN" } })).body.secret;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the content security policy", () => {
  it("allows no inline style, no inline script and fonts from this server only", async () => {
    for (const path of ["/display", "/admin", "/advisor", "/api/health"]) {
      const csp = (await server.api(path)).headers.get("content-security-policy") ?? "";
      const directive = (name: string) => new RegExp(`(?:^|;)${name} ([^;]*)`).exec(csp)?.[1];
      expect(directive("default-src"), path).toBe("'self'");
      expect(directive("script-src"), path).toBe("'self'");
      expect(directive("style-src"), path).toBe("'self'");
      expect(directive("font-src"), path).toBe("'self'");
      expect(directive("object-src"), path).toBe("'none'");
      expect(directive("frame-ancestors"), path).toBe("'self'");
      expect(csp, path).not.toContain("unsafe-inline");
      expect(csp, path).not.toMatch(/https:(?!\/)/);
    }
    expect((await server.api("/api/health")).headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("is enforced, and the listener sees what it blocks", async () => {
    const { page } = await openPage(browser, `${server.url}/display`, FULL_HD, recordViolations);
    const violations = watch(page);
    await waitForCard(page, "延时到店");
    await page.evaluate(() => document.body.setAttribute("style", "background: red"));
    await expect.poll(violations).toContainEqual(expect.stringContaining("style-src-attr blocked inline"));
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(10, 13, 18)");
  });
});

describe("every page renders under it without a violation", () => {
  it("the wall display: public and staff-only, dark and light, 1920×1080 and 3840×2160", async () => {
    for (const [path, viewport] of [
      ["/display", FULL_HD],
      ["/display?theme=light&lang=en", FULL_HD],
      [`/display#key=${staffKey}`, UHD],
    ] as const) {
      const { page } = await openPage(browser, server.url + path, viewport, recordViolations);
      const violations = watch(page);
      await waitForCard(page, /先生|女士|Mr|Ms/);
      // the grid's column count comes through styleProps: a blocked style would stack every cell in one column
      const placed = await page.evaluate(() => {
        const grid = document.querySelector("display-app")!.shadowRoot!.querySelector("board-grid")!.shadowRoot!;
        const cells = [...grid.querySelectorAll<HTMLElement>(".cell")];
        return { cells: cells.length, columns: new Set(cells.map((c) => Math.round(c.getBoundingClientRect().left))).size, now: grid.querySelector<HTMLElement>(".now > div")?.style.left ?? "" };
      });
      expect(placed.cells, path).toBeGreaterThan(10);
      expect(placed.columns, path).toBeGreaterThan(5);
      expect(placed.now, path).toMatch(/%$/);
      expect(await violations(), path).toEqual([]);
    }
  });

  it("sign-in and the one-time password change, on a desk PC and a phone", async () => {
    await server.api("/api/accounts", { method: "POST", json: { username: "li", displayName: "李导", role: "desk", password: "one-time-from-manager" } });
    for (const [path, viewport] of [["/admin", DESK], ["/advisor", PHONE]] as const) {
      const { page } = await openPage(browser, server.url + path, viewport, recordViolations);
      const violations = watch(page);
      await page.getByLabel("用户名").fill("li");
      await page.getByLabel("密码").fill("not-the-password");
      await page.getByRole("button", { name: "登录" }).click();
      await expect.poll(() => page.getByRole("alert").textContent()).toContain("用户名或密码错误");
      await page.getByLabel("密码").fill("one-time-from-manager");
      await page.getByRole("button", { name: "登录" }).click();
      await page.getByLabel("当前密码").waitFor();
      expect(await violations(), path).toEqual([]);
    }
  });

  it("the editor: board by advisor and by bay, card panel, drag, booking and edit dialogs, search", async () => {
    const { page } = await openSignedInPage(browser, server, "/admin", { viewport: DESK, init: recordViolations });
    const violations = watch(page);
    const tile = page.locator("admin-board .tile").first();
    await tile.waitFor();
    expect(await page.locator("admin-board .lane").first().evaluate((el) => getComputedStyle(el).getPropertyValue("--lane-color"))).toMatch(/^#/);

    await tile.click();
    await page.locator("admin-card-panel").waitFor();
    await page.locator("admin-card-panel button[data-action='edit']").click();
    const editing = page.locator("admin-booking-form dialog[open]");
    await editing.waitFor();
    await editing.getByRole("button", { name: "取消" }).click();
    await page.locator("admin-card-panel button.close").click();

    // a drag shows a ghost card, positioned through the CSSOM (styleProps, then once a frame)
    const box = (await page.locator("admin-board .tile board-card").first().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40, { steps: 8 });
    await expect.poll(() => page.locator("admin-board .ghost").count()).toBe(1);
    expect(await page.locator("admin-board .ghost").evaluate((el) => (el as HTMLElement).style.getPropertyValue("--ghost-x"))).toMatch(/^\d+(\.\d+)?px$/);
    await page.keyboard.press("Escape");
    await page.mouse.up();

    await page.getByRole("button", { name: "按工位" }).click();
    await page.locator("admin-board .lane").first().waitFor();
    await page.getByRole("button", { name: "按服务顾问" }).click();

    await page.getByRole("button", { name: "新建预约" }).click();
    const dialog = page.locator("admin-booking-form dialog[open]");
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "预约", exact: true }).click();
    await expect.poll(() => dialog.locator(".error").count()).toBeGreaterThan(0);
    await dialog.getByRole("button", { name: "取消" }).click();

    await page.getByPlaceholder("车牌 / 姓名 / 电话，如 12345").fill("12345");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("admin-search [role=status]").textContent()).toMatch(/找到|12345/);
    expect(await violations()).toEqual([]);
  });

  it("the editor's day before with a toast and its labels printed, the day sheet printed, import, master data, and the console's displays panel", async () => {
    const { page } = await openSignedInPage(browser, server, "/admin", { viewport: DESK, init: recordViolations });
    const violations = watch(page);
    await page.locator("admin-board .tile").first().waitFor();

    await page.getByRole("button", { name: "前一天准备" }).click();
    await page.locator("admin-day-before .label").first().waitFor();
    // a confirmation call's outcome: the change is acknowledged in a toast with undo
    await page.locator("admin-day-before .calls").getByRole("button", { name: "已确认" }).first().click();
    await page.locator("admin-toast").waitFor();
    await page.getByRole("button", { name: "打印备件标签" }).click();
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("admin-day-before .label").first().isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });
    // the roof signs' print page is a stylesheet the document adopts, which the policy allows, not a <style> it refuses
    await page.locator("admin-day-before [data-action=print-roof-signs]").click();

    await page.getByRole("button", { name: "当日打印单" }).click();
    await page.locator("admin-day-sheet").waitFor();
    await page.locator("admin-day-sheet").getByRole("button", { name: /打印/ }).click();
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("admin-day-sheet").isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });

    await page.getByRole("button", { name: "导入" }).click();
    const csv = ["预约日期,预约时间,服务顾问,客户姓名,车牌号,维修内容", "2026/11/27,9:00,服务顾问 Z,王芳,京B·D12345,空调"].join("\r\n");
    await page.locator("admin-import input[type=file]").setInputFiles({ name: "dms.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.locator("admin-import tr.bad").waitFor();

    await page.getByRole("button", { name: "基础数据与规则" }).click();
    await page.locator("admin-master-data form").first().waitFor();
    await page.getByRole("button", { name: "店长控制台" }).click();
    await page.getByRole("button", { name: "设备与接口" }).click();
    const form = page.locator("admin-displays form[data-form='display-new']");
    await form.waitFor();
    await form.locator("input[name='name']").fill("二楼屏");
    await form.getByRole("button", { name: "生成链接" }).click();
    await page.locator("admin-displays .created").waitFor();
    const row = page.locator("admin-displays tbody tr").filter({ hasText: "二楼屏" });
    await row.getByRole("button", { name: "撤销" }).click();
    await row.getByRole("alertdialog").waitFor();
    expect(await violations()).toEqual([]);
  });

  it("the advisor's phone", async () => {
    const board = (await server.api("/api/board?date=2026-11-27")).body as { advisors: { id: number }[] };
    const advisor = await server.sessionAs("advisor", { advisorId: board.advisors[0]!.id });
    const { page } = await openSignedInPage(browser, server, "/advisor", { as: advisor, viewport: PHONE, init: recordViolations });
    const violations = watch(page);
    await expect.poll(() => page.locator("advisor-card").count()).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
  });
});

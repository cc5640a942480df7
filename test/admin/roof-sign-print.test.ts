import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Appointment } from "../../shared/schemas/appointment.js";
import type { Advisor } from "../../shared/schemas/advisor.js";
import { queueLabel } from "../../shared/i18n/queue-number.js";
import { roofSignBatch } from "../../shared/rules/roof-sign.js";
import { countPrints, launchBrowser } from "../helpers/browser.js";
import { openSignedInPage } from "../helpers/browser-login.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { expectAccessible } from "../helpers/axe.js";
import { SCREEN_SIZES, TEST_SCREENSHOTS, screenshotAt, settled } from "../helpers/screenshots.js";

/** 10:40 in Shanghai on 2026-11-27: the busy day under way, tomorrow's confirmations waiting. */
const MID_MORNING = Date.parse("2026-11-27T02:40:00Z");
const TOMORROW = "2026-11-28";
const BROWSER_TIMEOUT = 300_000;
/** An A4 sheet in PDF points, and the line between its two A5 halves. */
const A4 = { width: 595.28, height: 841.89 };

interface PdfHalf {
  page: number;
  /** 0 for the sheet's upper sign, 1 for the lower. */
  half: number;
  text: string;
}

/** Each sheet's text by half, as Chromium printed it, read back with pdf.js. */
async function readPdf(pdf: Buffer): Promise<{ pages: number; size: { width: number; height: number }; halves: PdfHalf[] }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, disableFontFace: true }).promise;
  const halves: PdfHalf[] = [];
  let size = { width: 0, height: 0 };
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const [, , width, height] = page.view as [number, number, number, number];
    size = { width, height };
    const parts: [string, string] = ["", ""];
    for (const item of (await page.getTextContent()).items) {
      if (!("str" in item)) continue;
      // PDF y grows upwards: the upper sign's text lies above the middle of the sheet
      parts[item.transform[5] > height / 2 ? 0 : 1] += item.str;
    }
    halves.push({ page: p, half: 0, text: parts[0] }, { page: p, half: 1, text: parts[1] });
  }
  await doc.destroy();
  return { pages: doc.numPages, size, halves };
}

const compact = (s: string) => s.replace(/\s+/g, "");

describe("the roof sign's print layout (预约车顶牌, issue 13 point 7) in Chromium's print-to-PDF", () => {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  afterEach(async () => {
    await browser?.close();
    await server?.close();
    browser = undefined;
    server = undefined;
  });

  async function open(pathname: string): Promise<Page> {
    browser = await launchBrowser();
    server = await startTestServer({ sample: "busy", clock: new ManualClock(MID_MORNING), staticDir: inject("pagesDir") });
    const as = await server.sessionAs("desk");
    const { page } = await openSignedInPage(browser, server, pathname, { as, viewport: SCREEN_SIZES["desk-1366"], init: countPrints });
    return page;
  }

  it("prints tomorrow's busy day from the day-before tab as ceil(n/2) A4 sheets, every sign whole on its half with its number, plate, advisor and time", { timeout: BROWSER_TIMEOUT }, async () => {
    const page = await open("/admin");
    const board = (await server!.api(`/api/board?date=${TOMORROW}`)).body as { appointments: Appointment[]; advisors: Advisor[] };
    const signs = roofSignBatch(board.appointments).filter((a) => !a.walkIn);
    // a busy day: 8 advisors, two cards an hour each, less the few cancelled
    expect(signs.length).toBeGreaterThan(150);

    await page.getByRole("button", { name: "前一天准备" }).click();
    const print = page.getByRole("button", { name: /打印预约车顶牌/ });
    expect(compact((await print.textContent()) ?? "")).toContain(`（${signs.length}张，A4纸${Math.ceil(signs.length / 2)}页，每页两张）`);
    await settled(page);
    await expectAccessible(page, "the day-before tab with its roof signs");
    await screenshotAt(page, "admin-day-before-roof-signs", ["desk-1366", "desk-1920"]);
    await page.setViewportSize(SCREEN_SIZES["desk-1366"]);
    await print.click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);
    const sheet = page.locator("body > roof-signs");
    expect(await sheet.locator("article.sign").count()).toBe(signs.length);
    // on screen the signs stay out of sight: only the printer gets them
    expect(await sheet.isVisible()).toBe(false);

    await page.emulateMedia({ media: "print" });
    await settled(page);
    expect(await sheet.isVisible()).toBe(true);
    expect(await page.locator("staff-gate").isVisible()).toBe(false);
    // the print preview at an A4 sheet's size (96 dpi): the first two signs, cut line between them
    await page.setViewportSize({ width: 794, height: 1123 });
    await settled(page);
    mkdirSync(TEST_SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(TEST_SCREENSHOTS, "roof-signs-print-preview.png") });

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(path.join(TEST_SCREENSHOTS, "roof-signs-busy-day.pdf"), pdf);
    const read = await readPdf(pdf);
    expect(read.pages).toBe(Math.ceil(signs.length / 2));
    expect(read.size.width).toBeCloseTo(A4.width, 0);
    expect(read.size.height).toBeCloseTo(A4.height, 0);
    const advisorName = new Map(board.advisors.map((a) => [a.id, a.name]));
    signs.forEach((a, i) => {
      const half = read.halves[i]!;
      const text = compact(half.text);
      const where = `sign ${i + 1} (${a.plate}) on sheet ${half.page}, ${half.half === 0 ? "upper" : "lower"} half`;
      expect(text, where).toContain("预约");
      expect(text, where).toContain(queueLabel("zh-CN", a));
      expect(text, where).toContain(compact(a.plate));
      expect(text, where).toContain(compact(advisorName.get(a.advisorId)!));
      expect(text, where).toContain(a.startTime);
    });
    // an odd count leaves the last sheet's lower half empty, and nothing spills onto a further sheet
    if (signs.length % 2 === 1) expect(read.halves.at(-1)!.text).toBe("");
  });

  it("prints one card's sign from the card panel, and a walk-in's from the 接待 tab right after it is received, in its own series", { timeout: BROWSER_TIMEOUT }, async () => {
    const page = await open("/admin?date=2026-11-27");
    const today = (await server!.api("/api/board?date=2026-11-27")).body.appointments as Appointment[];
    const card = today.find((a) => a.status === "booked" || a.status === "confirmed")!;
    await page.locator(`admin-board .tile[data-card="${card.id}"]`).click();
    const panel = page.locator("admin-card-panel");
    await expect.poll(async () => compact((await panel.locator("dd.queue-number").textContent()) ?? "")).toBe(queueLabel("zh-CN", card));
    await panel.getByRole("button", { name: "打印车顶牌" }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);
    expect(await page.locator("body > roof-signs article.sign").count()).toBe(1);
    await page.emulateMedia({ media: "print" });
    const one = await readPdf(await page.pdf({ preferCSSPageSize: true }));
    expect(one.pages).toBe(1);
    expect(compact(one.halves[0]!.text)).toContain(compact(card.plate));
    expect(compact(one.halves[0]!.text)).toContain(queueLabel("zh-CN", card));
    await page.emulateMedia({ media: "screen" });

    await page.getByRole("button", { name: "接待", exact: true }).click();
    await page.locator("admin-reception").getByRole("button", { name: "散客接待" }).click();
    const form = page.locator("gate-walk-in");
    await form.getByLabel("车牌号").fill("京Z99999");
    await form.getByRole("button", { name: "机修" }).click();
    await form.getByLabel("维修内容（几个字）").fill("右前轮异响");
    await form.getByRole("button", { name: "接待散客" }).click();
    const notice = page.locator("admin-reception .received");
    await notice.filter({ hasText: /散客 京Z·99999 已接待（排队号 散\d{3}）/ }).waitFor();
    const received = ((await server!.api("/api/board?date=2026-11-27")).body.appointments as Appointment[]).find((a) => a.plate === "京Z·99999")!;
    const number = queueLabel("zh-CN", received);
    expect(number).toMatch(/^散\d{3}$/);
    await notice.getByText(`排队号 ${number}`).waitFor();
    await notice.getByRole("button", { name: `打印车顶牌 ${number}` }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(2);
    const sign = page.locator("body > roof-signs article.sign");
    expect(await sign.count()).toBe(1);
    await page.emulateMedia({ media: "print" });
    const walkIn = await readPdf(await page.pdf({ preferCSSPageSize: true }));
    expect(walkIn.pages).toBe(1);
    // a walk-in's sign says 散客, never 预约, and its number carries the series' mark
    expect(compact(walkIn.halves[0]!.text)).toContain("散客");
    expect(compact(walkIn.halves[0]!.text)).toContain(number);
    expect(compact(walkIn.halves[0]!.text)).toContain("京Z·99999");
    expect(compact(walkIn.halves[0]!.text)).not.toContain("预约");
  });
});

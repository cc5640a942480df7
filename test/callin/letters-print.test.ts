import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Session, TestServer } from "../helpers/test-server.js";
import { expectAccessible } from "../helpers/axe.js";
import { DESK_SIZES, SCREEN_SIZES, TEST_SCREENSHOTS, screenshotAt, settled } from "../helpers/screenshots.js";
import { letterDate } from "../../shared/rules/letters.js";
import { openTab as openScreen, startCallInScreens, type CallInScreens } from "./call-in-browser.js";

/** The busy day at 10:00 in Shanghai on 2026-12-01, a register of 3,000 cars and December's maintenance list (call-in-browser.ts). */
const TIMEOUT = 300_000;
const DESK = SCREEN_SIZES["desk-1366"];

/**
 * Text compared as a PDF reader gives it back: the CJK font maps some characters to the Kangxi
 * radicals of the same glyph (月 read as ⽉), which NFKC folds back, and full-width punctuation to
 * its ASCII form; white space is dropped.
 */
const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

/** Each page's text as Chromium printed it, read back with pdf.js. */
async function pdfPages(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(norm(content.items.map((it) => ("str" in it ? it.str : "")).join("")));
  }
  await doc.destroy();
  return pages;
}

describe("letters in Chromium", () => {
  let screens: CallInScreens;
  let server: TestServer;
  let kefu: Session;

  beforeAll(async () => {
    screens = await startCallInScreens();
    ({ server, kefu } = screens);
    const s = (await server.api("/api/letters/settings")).body;
    await server.api("/api/letters/settings", { method: "PATCH", json: { version: s.version, hotline: "400-820-8820", generalManager: "李建国", storeName: "望京汽车服务中心" } });
  }, TIMEOUT);
  afterAll(async () => {
    await screens?.browser.close();
    await server?.close();
  });

  const openTab = (name: string, ready: string, as: Session = server.manager) => openScreen(screens, name, ready, as, DESK);

  it("the manager edits a template with a live preview of a real customer, and an unknown placeholder is named before saving", { timeout: TIMEOUT }, async () => {
    const page = await openTab("基础数据与规则", "admin-letter-settings textarea[name=letterTemplateZh]");
    const settings = page.locator("admin-letter-settings");
    const preview = settings.locator(".preview").first();
    await expect.poll(() => preview.textContent()).toContain("定期保养温馨提醒");
    const sample = (await server.api("/api/letters/sample")).body as { entry: { vehicle: { plate: string } } };
    expect(await preview.textContent()).toContain(sample.entry.vehicle.plate);
    expect(await preview.textContent()).toContain("400-820-8820");
    const textZh = settings.locator("textarea[name=textTemplateZh]");
    await textZh.fill("尊敬的{customer}{title}，请于{dueDay}前保养，热线{hotline}");
    await expect.poll(() => settings.locator("[role=alert]").first().textContent()).toContain("{dueDay}");
    expect(await settings.locator("button[type=submit]").isDisabled()).toBe(true);
    await textZh.fill("尊敬的{customer}{title}，您的爱车{plate}请于{dueDate}前保养，热线{hotline}");
    await expect.poll(() => settings.locator(".preview").nth(2).textContent()).toContain(`您的爱车${sample.entry.vehicle.plate}`);
    await settled(page);
    await screenshotAt(page, "admin-letter-settings", DESK_SIZES);
    await page.setViewportSize(DESK);
    await expectAccessible(page, "the letter and text settings");
    await settings.locator("button[type=submit]").click();
    await expect.poll(async () => (await server.api("/api/letters/settings")).body.textTemplateZh).toContain("您的爱车{plate}");
  });

  it("prints December's letters as a batch: n letters on n A4 pages, each with its own customer's plate and dates", { timeout: TIMEOUT }, async () => {
    const list = (await server.api("/api/call-lists/regular_maintenance", { as: kefu })).body as { id: number; dueDate: string; vehicle: { plate: string; lastServiceDate: string } }[];
    expect(list.length).toBeGreaterThan(100);
    const page = await openTab("招揽名单", "admin-call-lists tbody tr", kefu);
    await page.locator("admin-letters-bar button", { hasText: `打印信函（${list.length} 封）` }).click();
    const link = page.locator("admin-letters-bar a", { hasText: "打开打印页" });
    await link.waitFor();
    const [letters] = await Promise.all([page.context().waitForEvent("page"), link.click()]);
    await letters.waitForLoadState("load");
    await letters.setViewportSize(DESK);
    mkdirSync(TEST_SCREENSHOTS, { recursive: true });
    await letters.screenshot({ path: path.join(TEST_SCREENSHOTS, "letters-print-page-desk-1366.png") });
    await expectAccessible(letters, "the letters' print page");
    // every entry got its letter and its follow-up call on 2026-12-15
    const after = (await server.api("/api/call-lists/regular_maintenance", { as: kefu })).body as { letterAt: string | null; nextTryDate: string }[];
    expect(after.every((e) => e.letterAt !== null && e.nextTryDate === "2026-12-15")).toBe(true);
    const pdf = await letters.pdf({ preferCSSPageSize: true });
    const pages = await pdfPages(pdf);
    expect(pages).toHaveLength(list.length);
    const byPlate = new Map(list.map((e) => [e.vehicle.plate, e]));
    // longest first, so a plate that begins another is never taken for it
    const plates = [...byPlate.keys()].sort((a, b) => b.length - a.length);
    const seen = new Set<string>();
    for (const [i, text] of pages.entries()) {
      // "牌号：": the font reads 车 back as the radical ⻋, which NFKC leaves as it is
      const plate = plates.find((p) => text.includes(norm(`牌号：${p}`)));
      expect(plate, `page ${i + 1}: ${text.slice(0, 200)}`).toBeDefined();
      const e = byPlate.get(plate!)!;
      expect(text, `page ${i + 1}`).toContain(norm(`上次保养：${letterDate(e.vehicle.lastServiceDate, "zh-CN")}`));
      expect(text, `page ${i + 1}`).toContain(norm(`本次保养：${letterDate(e.dueDate, "zh-CN")}`));
      expect(text).toContain(norm("定期保养温馨提醒"));
      expect(text).toContain(norm("总经理 李建国"));
      seen.add(plate!);
    }
    expect(seen.size).toBe(list.length);
  });
});

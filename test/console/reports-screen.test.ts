import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser.js";
import { openSignedInPage } from "../helpers/browser-login.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { expectAccessible } from "../helpers/axe.js";
import { DESK_SIZES, SCREEN_SIZES, screenshotAt, settled } from "../helpers/screenshots.js";
import { fillMonthBefore } from "../helpers/month-of-cards.js";
import type { OutcomeRow, ReportFigures } from "../../shared/rules/report-figures.js";

/** 17:30 in Shanghai on Monday 2026-11-30: the busy day nearly done, the month behind it. */
const LATE_AFTERNOON = Date.parse("2026-11-30T09:30:00Z");
const TIMEOUT = 240_000;

/** A share as a manager reads it in the tables: one decimal, "–" with nothing to share. */
const pct = (v: number | null) => (v === null ? "–" : `${(Math.round(v * 1000) / 10).toFixed(1)}%`);
const outcomeCells = (r: OutcomeRow) => [r.bookings, r.cancelled, r.arrived, r.late, r.noShows, r.open, pct(r.showRate), pct(r.noShowRate), pct(r.lateRate)].map(String);

const panel = (page: Page, name: string) => page.locator(`admin-reports report-panel[data-figure='${name}']`);

async function tableRows(p: Locator): Promise<string[][]> {
  return p.locator("table[data-table] tbody tr").evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].map((c) => c.textContent ?? "")));
}

/** Pixels uPlot drew in the chart's canvas that are not transparent. */
async function paintedPixels(p: Locator): Promise<number> {
  return p.locator("report-chart canvas").evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  });
}

async function drawnSeries(p: Locator): Promise<{ label: string; values: (number | null)[] }[]> {
  return p.locator("report-chart").evaluate((el) => (el as unknown as { drawnSeries: { label: string; values: (number | null)[] }[] }).drawnSeries);
}

async function downloadedCsv(page: Page, p: Locator): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), p.locator("a[data-csv]").click()]);
  return readFileSync(await download.path(), "utf8");
}

/** Screenshots of the page at desk sizes with each of `parts` scrolled to the top of the view. */
async function lookAt(page: Page, name: string, parts: [string, string][]): Promise<void> {
  for (const [suffix, selector] of parts) {
    for (const size of DESK_SIZES) {
      await page.setViewportSize(SCREEN_SIZES[size]);
      await page.locator(selector).evaluate((el) => el.scrollIntoView({ block: "start" }));
      await screenshotAt(page, `${name}${suffix}`, [size]);
    }
  }
}

/** The CSV as a spreadsheet reads it back: rows of cells (no cell here holds a comma or quote). */
const csvRows = (csv: string) => csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n").map((l) => l.split(","));

describe("the manager's reports on a busy day and over a month, in Chromium, checked by axe-core and looked at", () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer({ sample: "busy", clock: new ManualClock(LATE_AFTERNOON), staticDir: inject("pagesDir") });
    await fillMonthBefore(server.db, "2026-11-30", "Asia/Shanghai");
    // a recall campaign's list this month, for the call-in figures
    const advisors = (await server.api("/api/advisors")).body as { id: number }[];
    for (let i = 0; i < 4; i++) {
      const v = await server.api("/api/register/vehicles", { method: "POST", json: { plate: `粤B·${20000 + i}`, customerName: "陈静", customerTitle: "ms", phone: `1370000000${i}` } });
      const entry = await server.api("/api/call-lists/entries", { method: "POST", json: { list: "campaign", vehicleId: v.body.record.id, advisorId: advisors[i]!.id, reason: "召回 R2026-07" } });
      expect(entry.status, JSON.stringify(entry.body)).toBe(201);
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openReports(): Promise<Page> {
    const { page } = await openSignedInPage(browser, server, "/admin", { viewport: SCREEN_SIZES["desk-1366"] });
    await page.locator("admin-toolbar nav button").filter({ hasText: "店长控制台" }).click();
    await page.locator("admin-console nav button").filter({ hasText: "经营报表" }).click();
    await panel(page, "outcomes-advisors").locator("report-chart canvas").waitFor({ timeout: 30_000 });
    return page;
  }

  it("a busy day: every chart drawn, its table the server's figures, its CSV the table", { timeout: TIMEOUT }, async () => {
    const page = await openReports();
    const api = (await server.api("/api/reports/figures?period=day&date=2026-11-30")).body as ReportFigures;
    expect(api.outcomes.advisors).toHaveLength(8);
    expect(await page.locator("admin-reports [data-range]").textContent()).toContain("2026-11-30 至 2026-11-30");

    const outcomes = panel(page, "outcomes-advisors");
    expect(await tableRows(outcomes)).toEqual([...api.outcomes.advisors.map((r) => [r.label, ...outcomeCells(r)]), ["合计", ...outcomeCells(api.outcomes.total)]]);
    expect(await drawnSeries(outcomes)).toEqual([
      { label: "到店率", values: api.outcomes.advisors.map((r) => r.showRate) },
      { label: "爽约率", values: api.outcomes.advisors.map((r) => r.noShowRate) },
      { label: "延时率", values: api.outcomes.advisors.map((r) => r.lateRate) },
    ]);
    const csv = csvRows(await downloadedCsv(page, outcomes));
    expect(csv[0]).toEqual(["服务顾问", "预约", "取消", "到店", "延时到店", "爽约", "等待中", "到店率", "爽约率", "延时率"]);
    expect(csv.slice(1)).toEqual(await tableRows(outcomes));

    // every chart on the page has drawn on its canvas
    for (const name of ["outcomes-advisors", "sources", "initiators", "confirmation", "reception", "call-in"]) {
      expect(await paintedPixels(panel(page, name)), name).toBeGreaterThan(500);
    }
    expect(await drawnSeries(panel(page, "sources"))).toEqual([{ label: "预约", values: api.sources.map((s) => s.bookings) }]);
    expect((await tableRows(panel(page, "initiators"))).map((r) => r.slice(1))).toEqual(api.initiators.map((s) => [String(s.bookings), pct(s.share)]));
    const confirmation = await tableRows(panel(page, "confirmation"));
    expect(confirmation.at(-1)).toEqual(["合计", String(api.confirmation.total.bookings), String(api.confirmation.total.confirmedDayBefore), pct(api.confirmation.total.rate)]);

    // the heat map is a table of numbers, cell for cell the load the server counted
    const heat = await panel(page, "load-advisors").locator("report-heatmap tbody tr").evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td:not(.total)")].map((c) => Number(c.textContent))));
    expect(heat).toEqual(api.load.advisors.map((r) => r.cells));
    const loadCsv = csvRows(await downloadedCsv(page, panel(page, "load-advisors")));
    expect(loadCsv[0]).toEqual(["服务顾问", ...api.load.hours, "合计"]);
    expect(loadCsv.slice(1).map((r) => r.slice(1, -1).map(Number))).toEqual(api.load.advisors.map((r) => r.cells));

    const callIn = (await server.api("/api/call-lists/figures?from=2026-11&to=2026-11")).body as { list: string; month: string; size: number }[];
    expect(callIn).toContainEqual(expect.objectContaining({ list: "campaign", month: "2026-11", size: 4 }));
    expect((await tableRows(panel(page, "call-in"))).map((r) => [r[1], r[2]])).toEqual(callIn.map((f) => [f.month, String(f.size)]));

    // the reception figures are the reception call's, drawn against the greeting limit
    const reception = (await server.api("/api/reception/figures?from=2026-11-30&to=2026-11-30")).body as { advisors: { advisorName: string; arrivals: number }[] };
    expect((await tableRows(panel(page, "reception"))).map((r) => [r[0], r[1]])).toEqual([...reception.advisors.map((r) => [r.advisorName, String(r.arrivals)]), ["合计", expect.any(String)]]);

    await settled(page);
    await expectAccessible(page, "the reports of a busy day");
    await lookAt(page, "reports-busy-day", [
      ["", "admin-console nav"],
      ["-sources", "admin-reports .pair"],
      ["-heatmap", "admin-reports report-panel[data-figure='load-advisors']"],
      ["-reception", "admin-reports report-panel[data-figure='reception']"],
    ]);
  });

  it("a month: a row per day, the charts over the days, the heat maps summed over the month", { timeout: TIMEOUT }, async () => {
    const page = await openReports();
    await page.locator("admin-reports input[name='period'][value='month']").check();
    await page.locator("admin-reports form[data-form='report-period']").getByRole("button", { name: "查看" }).click();
    await expect.poll(() => page.locator("admin-reports [data-range]").textContent(), { timeout: 20_000 }).toContain("2026-11-01 至 2026-11-30");
    const api = (await server.api("/api/reports/figures?period=month&date=2026-11-30")).body as ReportFigures;
    expect(api.daysWithCards).toBe(25);

    const byDay = panel(page, "outcomes-days");
    expect(await tableRows(byDay)).toEqual(api.outcomes.days.map((r) => [r.label, ...outcomeCells(r)]));
    expect(await paintedPixels(byDay)).toBeGreaterThan(500);
    expect((await drawnSeries(byDay))[0]!.values).toEqual(api.outcomes.days.map((r) => r.showRate));
    const heat = await panel(page, "load-bays").locator("report-heatmap tbody tr").evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td:not(.total)")].map((c) => Number(c.textContent))));
    expect(heat).toEqual(api.load.bays.map((r) => r.cells));
    expect(csvRows(await downloadedCsv(page, panel(page, "confirmation"))).length).toBe(1 + 30 + 1);

    await settled(page);
    await expectAccessible(page, "the reports of a month");
    await lookAt(page, "reports-busy-month", [
      ["", "admin-console nav"],
      ["-days", "admin-reports report-panel[data-figure='outcomes-days']"],
      ["-confirmation", "admin-reports report-panel[data-figure='confirmation']"],
      ["-heatmap", "admin-reports report-panel[data-figure='load-bays']"],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { FULL_HD, UHD } from "../helpers/browser.js";
import { booking, type TestServer } from "../helpers/test-server.js";
import { useDisplay } from "./display-fixture.js";
import { screenshotAt } from "../helpers/screenshots.js";
import { appText, waitForCard } from "./display-page.js";

interface TextSample {
  text: string;
  fontSize: number;
  contrast: number;
  where: string;
}

/**
 * Every visible piece of text on the board with its computed font size and its contrast against the
 * background actually behind it (found by walking up through elements and shadow hosts).
 */
async function textSamples(page: Page): Promise<TextSample[]> {
  return page.evaluate(() => {
    const parse = (c: string): [number, number, number, number] => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const p = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
      return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null);
    const background = (el: Element): number[] => {
      for (let e: Element | null = el; e; e = parentOf(e)) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c[3] > 0.99) return c;
      }
      return parse(getComputedStyle(document.documentElement).backgroundColor);
    };
    const out: { text: string; fontSize: number; contrast: number; where: string }[] = [];
    const visit = (root: Document | ShadowRoot, where: string) => {
      for (const el of root.querySelectorAll("*")) {
        if (el.shadowRoot) visit(el.shadowRoot, el.tagName.toLowerCase());
        const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? "").join("").trim();
        if (!own || el.getClientRects().length === 0) continue;
        const style = getComputedStyle(el);
        if (style.visibility === "hidden") continue;
        const fg = luminance(parse(style.color));
        const bg = luminance(background(el));
        const contrast = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        out.push({ text: own, fontSize: parseFloat(style.fontSize), contrast, where });
      }
    };
    visit(document, "page");
    return out;
  });
}

function worst(samples: TextSample[], by: "fontSize" | "contrast"): TextSample {
  return samples.reduce((a, b) => (b[by] < a[by] ? b : a));
}

/** Whether the page or the board scrolls or spills out of the screen. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const app = document.querySelector("display-app")!;
    const grid = app.shadowRoot!.querySelector("board-grid")!;
    const rows = [...grid.shadowRoot!.querySelectorAll(".advisor")].map((r) => r.getBoundingClientRect());
    const rect = grid.getBoundingClientRect();
    return {
      scrolls: document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth,
      lastRowBottom: Math.max(...rows.map((r) => r.bottom)),
      rows: rows.length,
      gridWidth: rect.width,
      gridHeight: rect.height,
      viewport: { width: innerWidth, height: innerHeight },
    };
  });
}

describe("readable across the room", () => {
  const display = useDisplay();
  let server: TestServer;

  async function open(path: string, viewport = FULL_HD): Promise<Page> {
    return (await display.page(path, { viewport })).page;
  }

  it("shows the sample day at 1920×1080 with card text of 24 px or more and contrast of 7:1 or more", async () => {
    server = await display.start();
    const page = await open(`/display`);
    await waitForCard(page, "延时到店");
    const samples = await textSamples(page);
    const cards = samples.filter((s) => s.where === "board-card");
    expect(cards.length).toBeGreaterThan(40);
    const smallest = worst(cards, "fontSize");
    expect(smallest.fontSize, `"${smallest.text}"`).toBeGreaterThanOrEqual(24);
    const faintest = worst(samples, "contrast");
    expect(faintest.contrast, `"${faintest.text}" in ${faintest.where}`).toBeGreaterThanOrEqual(7);
    const o = await overflow(page);
    expect(o.scrolls).toBe(false);
    expect(o.lastRowBottom).toBeLessThanOrEqual(o.viewport.height);
    await screenshotAt(page, "display-sample", ["tv-1080"]);
  });

  it("scales up at 3840×2160 instead of shrinking into a corner", async () => {
    server = await display.start();
    const page = await open(`/display`, UHD);
    await waitForCard(page, "延时到店");
    const cards = (await textSamples(page)).filter((s) => s.where === "board-card");
    expect(worst(cards, "fontSize").fontSize).toBeGreaterThanOrEqual(48);
    const o = await overflow(page);
    expect(o.scrolls).toBe(false);
    expect(o.gridWidth).toBeGreaterThan(0.95 * UHD.width);
    expect(o.gridHeight).toBeGreaterThan(0.8 * UHD.height);
    await screenshotAt(page, "display-sample", ["tv-4k"]);
  });

  it("fits 12 advisors × 13 hours on one 1920×1080 screen, and pages through a 13th", async () => {
    server = await display.start({ sample: false });
    const settings = await server.api("/api/settings");
    await server.api("/api/settings", { method: "PATCH", json: { version: settings.body.version, openTime: "07:00", closeTime: "20:00" } });
    const ids: number[] = [];
    for (let i = 1; i <= 13; i++) {
      const r = await server.api("/api/advisors", { method: "POST", json: { name: `服务顾问 ${String.fromCharCode(64 + i)}`, displayOrder: i } });
      ids.push(r.body.record.id);
    }
    const plates = ["京A·12345", "京B·D12345", "沪B·D1234", "京N·8K2L1"];
    for (const [i, id] of ids.slice(0, 12).entries()) {
      const times = i % 3 === 0 ? ["10:00", "10:15", "10:30"] : [`${String(8 + (i % 10)).padStart(2, "0")}:00`, "14:00"];
      for (const [j, t] of times.entries()) {
        const made = await server.api("/api/appointments", { method: "POST", json: booking(id, { startTime: t, plate: plates[(i + j) % plates.length], customerName: "欧阳娜娜" }) });
        if (j === 0 && t <= "10:30") {
          // the clock may already have marked it late, so arrive on the version it has now
          const current = await server.api(`/api/appointments/${made.body.record.id}`);
          await server.api(`/api/appointments/${made.body.record.id}/arrive`, { method: "POST", json: { version: current.body.version } });
        }
      }
    }
    await server.api("/api/appointments", { method: "POST", json: booking(ids[12]!, { startTime: "11:00", customerName: "司马光" }) });

    const twelve = await open(`/display?advisors=${ids.slice(0, 12).join(",")}`);
    await waitForCard(twelve, "已到店");
    const o = await overflow(twelve);
    expect(o.rows).toBe(12);
    expect(o.scrolls).toBe(false);
    expect(o.lastRowBottom).toBeLessThanOrEqual(o.viewport.height);
    const hours = await twelve.evaluate(() => document.querySelector("display-app")!.shadowRoot!.querySelector("board-grid")!.shadowRoot!.querySelectorAll(".hour").length);
    expect(hours).toBe(13);
    expect(await appText(twelve)).not.toMatch(/第 \d+\/\d+ 页/);
    const samples = await textSamples(twelve);
    // a crowded slot becomes one summary card in the grid: it is card text too
    const cards = samples.filter((s) => s.where === "board-card" || s.where === "board-grid");
    expect(worst(cards, "fontSize").fontSize).toBeGreaterThanOrEqual(24);
    const faintest = worst(samples, "contrast");
    expect(faintest.contrast, `"${faintest.text}" in ${faintest.where}`).toBeGreaterThanOrEqual(7);
    await screenshotAt(twelve, "display-12-advisors", ["tv-1080"]);

    const all = await open(`/display?pageSeconds=5`);
    await expect.poll(() => appText(all), { timeout: 10_000 }).toContain("第 1/2 页");
    const firstPage = await overflow(all);
    expect(firstPage.rows).toBe(12);
    await expect.poll(() => appText(all), { timeout: 20_000 }).toContain("第 2/2 页");
    await waitForCard(all, "司** 先生");
    expect((await overflow(all)).rows).toBe(1);
  });
});

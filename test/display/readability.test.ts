import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { Appointment } from "../../shared/schemas/appointment.js";
import type { FixtureName } from "../../shared/schemas/sample.js";
import { FULL_HD, UHD, type Viewport } from "../helpers/browser.js";
import { booking, type TestServer } from "../helpers/test-server.js";
import { useDisplay } from "./display-fixture.js";
import { screenshotAt, settled } from "../helpers/screenshots.js";
import { nextPage, overlaps, readShownPage, whenShown, type CardFace, type Field, type ShownPage } from "./tv-reader.js";

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

/** The header clock's text and its box: the box is of fixed size (so its ticks lay out nothing else), and must hold the text whole. */
const clockFit = (page: Page) =>
  page.evaluate(() => {
    const find = (root: Document | ShadowRoot): Element | null => {
      for (const el of root.querySelectorAll("*")) {
        if (el.tagName === "BOARD-HEADER") return el.shadowRoot!.querySelector(".clock");
        if (el.shadowRoot) {
          const inner = find(el.shadowRoot);
          if (inner) return inner;
        }
      }
      return null;
    };
    const clock = find(document)!;
    const range = document.createRange();
    range.selectNodeContents(clock);
    const text = range.getBoundingClientRect();
    const box = clock.getBoundingClientRect();
    return { text: clock.textContent, fits: text.left >= box.left - 0.5 && text.right <= box.right + 0.5 && text.top >= box.top - 0.5 && text.bottom <= box.bottom + 0.5 };
  });
const scrolls = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth);

const MINUTE = 60_000;
/** The fields every card of the window and every line of the list must show, whole. */
const GRID_FIELDS: Field[] = ["time", "status", "customer", "plate", "work"];
const LIST_FIELDS: Field[] = ["time", "customer", "plate", "advisor", "bay", "status"];

/** The board has drawn its first page, grid or list. */
async function boardShown(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const app = document.querySelector("display-app")?.shadowRoot;
    return (app?.querySelector("board-grid")?.shadowRoot?.querySelectorAll("board-card").length ?? 0) > 0 || (app?.querySelector("board-list")?.shadowRoot?.querySelectorAll("tbody tr").length ?? 0) > 0;
  });
  await settled(page);
}

/**
 * A card shows every line its box holds and no line cut, a narrow one the plate's tail, a tiny one
 * no icon: what the page worked out from the layout agrees with the box the browser gave the card
 * (a hair either side of a limit may go either way).
 */
function expectFits(face: CardFace, what: string): void {
  const EDGE = 0.05;
  const ways = (f: (x: number) => boolean, x: number) => [f(x - EDGE), f(x + EDGE)];
  // a card n lines high is 0.2em of padding and 1.1em a line; the last line may eat the bottom padding
  expect(face.lines * 1.1 + 0.1, `${what}: ${face.lines} lines in ${face.height.toFixed(2)}em`).toBeLessThanOrEqual(face.height + EDGE);
  if (face.lines < 5) expect((face.lines + 1) * 1.1 + 0.2, `${what}: a line left out that fits ${face.height.toFixed(2)}em`).toBeGreaterThan(face.height - 2 * EDGE);
  expect(ways((w) => w <= 9, face.width), `${what}: plate tail at ${face.width.toFixed(2)}em wide`).toContain(face.tail);
  expect(ways((w) => w > 4.6, face.width), `${what}: icon at ${face.width.toFixed(2)}em wide`).toContain(face.icon);
}

/** Every card of the shown page is readable from across the room: its fields there, whole, large enough, none over another. */
function expectReadable(shown: ShownPage, minFont: number, what: string): void {
  expect(shown.items.length, what).toBeGreaterThan(0);
  const fields = shown.layout === "grid" ? GRID_FIELDS : LIST_FIELDS;
  for (const item of shown.items) {
    const missing = fields.filter((f) => item.fields[f] === "");
    expect(missing, `${what}: card ${item.id} "${item.text}" lacks ${missing.join(", ")}`).toEqual([]);
    expect(item.fields.time, `${what}: ${item.text}`).toMatch(/^⚠?\d\d:\d\d$/);
    // masked: the public TV never shows a whole name or plate
    expect(item.fields.customer, `${what}: ${item.text}`).toContain("**");
    expect(item.fields.plate, `${what}: ${item.text}`).toMatch(/\*\*\*\w{1,2}/);
    expect(item.clipped, `${what}: card ${item.id} "${item.text}" has cut fields`).toEqual([]);
    expect(item.smallestFont, `${what}: ${item.text}`).toBeGreaterThanOrEqual(minFont);
    expect(item.rect.bottom, `${what}: ${item.text} runs off the screen`).toBeLessThanOrEqual(shown.viewport.height + 0.5);
    if (item.face) expectFits(item.face, `${what}: card ${item.id}`);
  }
  for (const [i, a] of shown.items.entries()) {
    const other = shown.items.slice(i + 1).find((b) => overlaps(a.rect, b.rect));
    expect(other?.text, `${what}: "${a.text}" overlaps another card`).toBeUndefined();
  }
}

/** The status word the reader finds on card or line `id` of the page shown. */
async function statusShown(page: Page, id: number): Promise<string | undefined> {
  return (await readShownPage(page)).items.find((i) => i.id === id)?.fields.status;
}

describe("readable across the room, on busy days", () => {
  const display = useDisplay();

  async function open(path: string, viewport: Viewport = FULL_HD): Promise<Page> {
    const { page } = await display.page(path, { viewport });
    await boardShown(page);
    return page;
  }

  /** The day's cards as the server holds them (cancelled ones are off the board). */
  async function dayCards(server: TestServer): Promise<Appointment[]> {
    const board = await server.api("/api/board?date=2026-11-27");
    return (board.body.appointments as Appointment[]).filter((a) => a.status !== "cancelled");
  }

  const FIXTURES: [FixtureName, "grid" | "list"][] = [
    ["sample", "grid"],
    ["busy", "grid"],
    ["busy-30", "grid"],
    ["full", "list"],
    ["big", "list"],
  ];
  const SIZES: [string, Viewport, number][] = [
    ["1920×1080", FULL_HD, 24],
    ["3840×2160", UHD, 48],
  ];

  for (const [fixture, layout] of FIXTURES) {
    for (const [size, viewport, minFont] of SIZES) {
      it(`${fixture} at ${size}: every card of the window readable, every card of the day reachable, an arrival and a late mark shown as they happen`, { timeout: 180_000 }, async () => {
        const server = await display.start({ sample: fixture });
        const page = await open("/display?pageSeconds=600", viewport);
        expect(await scrolls(page)).toBe(false);
        const clock = await clockFit(page);
        expect(clock.fits, `the clock "${clock.text}" spills out of its box`).toBe(true);

        // the now-window (or the list's first page): readable, at 7:1
        const first = await readShownPage(page);
        expect(first.layout).toBe(layout);
        expectReadable(first, minFont, `${fixture} ${size} page 1`);
        const faintest = worst(await textSamples(page), "contrast");
        expect(faintest.contrast, `"${faintest.text}" in ${faintest.where}`).toBeGreaterThanOrEqual(7);
        if (layout === "grid") {
          // the window is the present: 09:00 (an hour before 10:40) to 13:59 (three hours after)
          expect(first.pageLabel).toMatch(/09:(00|30)–13:59/);
          expect(first.items.every((c) => c.fields.time >= "09:00" && c.fields.time <= "13:59")).toBe(true);
        }

        // turning every page: the cards shown, the strip's and the footnote's counts account for every card of the day
        const cards = await dayCards(server);
        const seen = new Set(first.items.map((i) => i.id));
        let counted = first.stripTotal + first.footnoteTotal;
        let label = first.pageLabel;
        const pages = Number(/\/(\d+)/.exec(label)?.[1] ?? "1");
        for (let p = 2; p <= pages; p++) {
          await nextPage(page, label);
          const shown = await readShownPage(page);
          expectReadable(shown, minFont, `${fixture} ${size} page ${p}`);
          for (const i of shown.items) {
            expect(seen.has(i.id), `card ${i.id} shown on two pages`).toBe(false);
            seen.add(i.id);
          }
          // a page of advisors in the now-window has its own strip; the list's footnote counts the same day on every page
          if (shown.layout === "grid") counted += shown.stripTotal;
          label = shown.pageLabel;
        }
        expect([...seen].every((id) => cards.some((c) => c.id === id))).toBe(true);
        expect(seen.size + counted, `${seen.size} shown + ${counted} counted of ${cards.length}`).toBe(cards.length);

        // back on the first page: an arrival, then a late mark, of cards in the window
        if (pages > 1) await nextPage(page, label);
        const windowIds = new Set((await readShownPage(page)).items.map((i) => i.id));
        const awaited = cards.filter((c) => windowIds.has(c.id) && (c.status === "booked" || c.status === "confirmed") && c.lateAt === null).sort((x, y) => x.startTime.localeCompare(y.startTime));
        const arriving = awaited[0]!;
        const arrived = await server.api(`/api/appointments/${arriving.id}/arrive`, { method: "POST", json: { version: arriving.version } });
        expect(arrived.status).toBe(200);
        await whenShown(page, arriving.id, "已到店");
        expect(await statusShown(page, arriving.id)).toBe("已到店");

        // another one still awaited falls late once the server's clock passes its start and the 15 minutes' grace
        const late = awaited.find((c) => c.id !== arriving.id)!;
        const [h = 0, m = 0] = late.startTime.split(":").map(Number);
        const lateAt = Date.parse("2026-11-27T00:00:00+08:00") + (h * 60 + m + 16) * MINUTE;
        display.clock.set(Math.max(lateAt, display.clock.now() + MINUTE));
        await whenShown(page, late.id, "延时到店");
        expect(await statusShown(page, late.id)).toBe("延时到店");
        await screenshotAt(page, `display-${fixture}`, [size === "1920×1080" ? "tv-1080" : "tv-4k"]);
      });
    }
  }

  it("moves the window on with the server's clock, folding the hour gone into the strip", async () => {
    await display.start({ sample: "busy" });
    const page = await open("/display?pageSeconds=600");
    const before = await readShownPage(page);
    expect(before.pageLabel).toContain("09:00–13:59");
    // 11:05: an hour ago is 10:05, so 09:00 folds into the strip and 14:00 comes in
    display.clock.set(Date.parse("2026-11-27T03:05:00Z"));
    await expect.poll(async () => (await readShownPage(page)).pageLabel, { timeout: 90_000 }).toContain("10:00–14:59");
    const after = await readShownPage(page);
    expect(after.stripTotal).toBeGreaterThan(before.stripTotal);
    expect(after.items.some((c) => c.fields.time.startsWith("14:"))).toBe(true);
    expect(after.items.some((c) => c.fields.time.startsWith("09:"))).toBe(false);
  });

  it("a window set in the URL: half an hour back, two hours ahead", async () => {
    await display.start({ sample: "busy-30" });
    const page = await open("/display?before=0.5&after=2&pageSeconds=600");
    const shown = await readShownPage(page);
    // 10:10 to 12:40 on 30-minute slots: the slots from 10:00 to 12:30
    expect(shown.pageLabel).toContain("10:00–12:59");
    expect(shown.items.every((c) => c.fields.time >= "10:00" && c.fields.time < "13:00")).toBe(true);
  });

  it("three cards starting in one advisor's hour: all whole, none over another, the row grows and the advisors page", async () => {
    const server = await display.start({ sample: "busy" });
    const advisor = ((await server.api("/api/advisors")).body as { id: number; name: string }[])[0]!;
    await server.api("/api/appointments", { method: "POST", json: booking(advisor.id, { startTime: "12:15", customerName: "欧阳娜娜", plate: "京N·8K2L1", workRequested: "发动机故障灯亮，检查并更换火花塞" }) });
    const page = await open("/display?layout=grid&pageSeconds=600");
    const shown = await readShownPage(page);
    expectReadable(shown, 24, "three in an hour");
    expect(shown.items.find((c) => c.text.includes("欧**"))?.fields.plate).toMatch(/\*\*\*L1/);
    // the row of three is taller, so the eight advisors no longer fit one screen: they page rather than shrink
    expect(shown.pageLabel).toMatch(/第 1\/[2-9] 页/);
  });

  it("the list: late lines first, an arrival changes its line in place, pages shown", async () => {
    const server = await display.start({ sample: "busy" });
    const page = await open("/display?layout=list&pageSeconds=600");
    const shown = await readShownPage(page);
    expect(shown.layout).toBe("list");
    expectReadable(shown, 24, "busy day as a list");
    const times = shown.items.map((i) => i.fields.time);
    expect([...times].sort()).toEqual(times);
    expect(shown.items.some((i) => i.fields.status === "延时到店" && /迟\d+分钟/.test(i.fields.late))).toBe(true);
    expect(shown.pageLabel).toMatch(/第 1\/\d+ 页/);
    const line = shown.items.find((i) => i.fields.status === "已确认")!;
    const card = (await server.api(`/api/appointments/${line.id}`)).body as Appointment;
    await server.api(`/api/appointments/${line.id}/arrive`, { method: "POST", json: { version: card.version } });
    await whenShown(page, line.id, "已到店");
    expect(await statusShown(page, line.id)).toBe("已到店");
    const after = await readShownPage(page);
    expect(after.items.map((i) => i.id)).toEqual(shown.items.map((i) => i.id));
  });
});

import type { Page } from "playwright-core";

export type Field = "time" | "status" | "customer" | "plate" | "work" | "advisor" | "bay" | "late";
const FIELDS: readonly Field[] = ["time", "status", "customer", "plate", "work", "advisor", "bay", "late"];

/** One card of the grid (or one line of the list) as the screen shows it. */
export interface ShownItem {
  id: number;
  text: string;
  rect: { left: number; top: number; right: number; bottom: number };
  /** Each field a person reads off the TV, with its text ("" when not shown or not on this layout). */
  fields: Record<Field, string>;
  /** Fields whose text is cut (wider than their box, or outside the card or screen), by name. */
  clipped: string[];
  /** The smallest font of the fields shown, px. */
  smallestFont: number;
  /** A card of the grid: its box in em of its font, and what it shows (lines, the plate's tail, the status icon). */
  face?: CardFace;
}

export interface CardFace {
  height: number;
  width: number;
  lines: number;
  tail: boolean;
  icon: boolean;
}

export interface ShownPage {
  layout: "grid" | "list";
  items: ShownItem[];
  /** The strip's counts (完成 3 在店 1 …) summed over the advisors of this page; 0 when the page has no strip. */
  stripTotal: number;
  /** The list's footnote counts (in service, done, no-show) summed. */
  footnoteTotal: number;
  /** The header's page indicator, e.g. "第 1/3 页 · 09:00–13:59"; "" with one page. */
  pageLabel: string;
  viewport: { width: number; height: number };
}

/**
 * Reads what the TV shows right now through its shadow roots: every card of the grid or line of the
 * list, with its fields, their font sizes and whether any is cut, the strip's and footnote's counts.
 * Fields a narrow card may shorten by design (work, late minutes, bay) are read but never called cut.
 */
export async function readShownPage(page: Page): Promise<ShownPage> {
  const raw = await readRaw(page);
  return { ...raw, items: raw.items.map((item) => ({ ...item, fields: Object.fromEntries(FIELDS.map((f) => [f, item.fields[f] ?? ""])) as Record<Field, string> })) };
}

async function readRaw(page: Page): Promise<Omit<ShownPage, "items"> & { items: (Omit<ShownItem, "fields"> & { fields: Partial<Record<Field, string>> })[] }> {
  return page.evaluate(() => {
    const app = document.querySelector("display-app")!.shadowRoot!;
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const shown = (el: Element | null | undefined): el is HTMLElement => !!el && el.getClientRects().length > 0 && getComputedStyle(el).display !== "none";
    const numbers = (text: string) => (text.match(/\d+/g) ?? []).map(Number).reduce((a, b) => a + b, 0);
    const inside = (r: DOMRect, outer: DOMRect) => r.left >= outer.left - 0.5 && r.right <= outer.right + 0.5 && r.top >= outer.top - 0.5 && r.bottom <= outer.bottom + 0.5;
    const screen = new DOMRect(0, 0, innerWidth, innerHeight);
    const items: {
      id: number;
      text: string;
      rect: { left: number; top: number; right: number; bottom: number };
      fields: Record<string, string>;
      clipped: string[];
      smallestFont: number;
      face?: { height: number; width: number; lines: number; tail: boolean; icon: boolean };
    }[] = [];
    const read = (id: number, whole: Element, frame: Element, fields: Record<string, Element | null | undefined>, shortened: readonly string[]) => {
      const out: Record<string, string> = {};
      const clipped: string[] = [];
      let smallest = Infinity;
      const frameRect = frame.getBoundingClientRect();
      for (const [name, el] of Object.entries(fields)) {
        if (!shown(el)) {
          out[name] = "";
          continue;
        }
        out[name] = (el.textContent ?? "").replace(/\s+/g, " ").trim();
        smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
        const r = el.getBoundingClientRect();
        const cut = shortened.includes(name) ? r.width < parseFloat(getComputedStyle(el).fontSize) * 0.9 : el.scrollWidth > el.clientWidth + 1 || !inside(r, frameRect);
        if (cut || !inside(r, screen)) clipped.push(name);
      }
      items.push({ id, text: (whole.textContent ?? "").replace(/\s+/g, " ").trim(), rect: box(frame), fields: out, clipped, smallestFont: smallest });
    };
    const header = app.querySelector("board-header")?.shadowRoot?.querySelector(".pages");
    const pageLabel = (header?.textContent ?? "").replace(/\s+/g, " ").trim();
    const viewport = { width: innerWidth, height: innerHeight };
    const list = app.querySelector("board-list")?.shadowRoot;
    if (list) {
      for (const tr of list.querySelectorAll("tbody tr")) {
        const td = [...tr.querySelectorAll("td")];
        const names = ["time", "customer", "plate", "advisor", "bay", "status", "late"];
        read(Number((tr as HTMLElement).dataset.card), tr, tr, Object.fromEntries(names.map((n, i) => [n, td[i]])), []);
      }
      const foot = list.querySelector(".footnote");
      return { layout: "list" as const, items, stripTotal: 0, footnoteTotal: shown(foot) && inside(foot.getBoundingClientRect(), screen) ? numbers(foot.textContent ?? "") : -1, pageLabel, viewport };
    }
    const grid = app.querySelector("board-grid")!.shadowRoot!;
    for (const host of grid.querySelectorAll("board-card")) {
      const card = host.querySelector<HTMLElement>(".card")!;
      const em = parseFloat(getComputedStyle(card).fontSize);
      const r = card.getBoundingClientRect();
      const face = {
        height: r.height / em,
        width: r.width / em,
        lines: [...card.querySelectorAll(".line")].filter(shown).length,
        tail: shown(card.querySelector(".plate.tail")),
        icon: shown(card.querySelector(".icon")),
      };
      const plate = [...card.querySelectorAll(".plate")].find(shown);
      read(
        Number(card.dataset.id),
        card,
        card,
        { time: card.querySelector(".time"), status: card.querySelector(".pill"), customer: card.querySelector(".customer"), plate, work: card.querySelector(".work") },
        ["work"],
      );
      items[items.length - 1]!.face = face;
    }
    const stripTotal = [...grid.querySelectorAll(".strip .count")].filter(shown).reduce((sum, c) => sum + numbers(c.textContent ?? ""), 0);
    return { layout: "grid" as const, items, stripTotal, footnoteTotal: 0, pageLabel, viewport };
  });
}

/** Whether two boxes share any area (touching edges do not count). */
export function overlaps(a: ShownItem["rect"], b: ShownItem["rect"]): boolean {
  return a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
}

/** Turns the TV to its next page (→) and waits until the page indicator says so. */
export async function nextPage(page: Page, before: string): Promise<void> {
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(
    (label) => (document.querySelector("display-app")?.shadowRoot?.querySelector("board-header")?.shadowRoot?.querySelector(".pages")?.textContent ?? "").replace(/\s+/g, " ").trim() !== label,
    before,
  );
}

/**
 * Waits, frame by frame in the page, until card or line `id` reads `needle`, and returns its text. How
 * fast that happens is the benchmark's to measure (patch received → painted, bench/browser.ts); a test
 * that timed it would fail on a busy machine for nothing the user sees.
 */
export async function whenShown(page: Page, id: number, needle: string): Promise<string> {
  return page.evaluate(
    ([id, needle]) =>
      new Promise<string>((resolve) => {
        const text = () => {
          const app = document.querySelector("display-app")?.shadowRoot;
          const line = app?.querySelector("board-list")?.shadowRoot?.querySelector(`tr[data-card="${id}"]`);
          if (line) return line.textContent ?? "";
          for (const host of app?.querySelector("board-grid")?.shadowRoot?.querySelectorAll("board-card") ?? []) {
            const card = host.querySelector<HTMLElement>(`.card[data-id="${id}"]`);
            if (card) return card.textContent ?? "";
          }
          return "";
        };
        const check = () => {
          const now = text();
          if (now.includes(needle)) resolve(now);
          else requestAnimationFrame(check);
        };
        check();
      }),
    [id, needle] as const,
  );
}

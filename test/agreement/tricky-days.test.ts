import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { booking, seedBasics, startTestServer, type TestServer } from "../helpers/test-server.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { launchBrowser, openPage } from "../helpers/browser.js";
import { signInContext } from "../helpers/browser-login.js";
import { mouseDrag } from "../admin/admin-page.js";
import { expectAccessible } from "../helpers/axe.js";
import type { DayOverlapsReport } from "../../shared/protocol.js";
import type { Appointment } from "../../shared/schemas/appointment.js";

/**
 * One day holding the cases where the copies of a rule used to disagree, read where a person reads
 * it: the TV's marks and the editor's grid and ⚠ in Chromium, and the server's own answers (which
 * overlaps it reports, which cards it lets move). All three must tell the same story, card by card.
 */

/** 10:40 in Shanghai on 2026-11-27, a Friday. */
const NOW = Date.parse("2026-11-27T02:40:00Z");
const MINUTE = 60_000;


/** What one screen shows of a card and of the cells. */
interface Marks {
  /** card id → where it is drawn and its marks */
  cards: Record<string, { lane: number; slot: string; bayClash: boolean; outsideHours: boolean; status: string }>;
  /** cells drawn over capacity, as "lane@HH:mm" */
  over: string[];
}

/** The editor's tiles: card id → the ⚠ text on it ("" when none), and whether it has a drag handle. */
type Tiles = Record<string, { warning: string; handle: boolean }>;

/** Reads a board-grid (the TV's or the editor's) through its shadow root, as it is drawn. */
function readGrid(host: string): Marks & { tiles: Tiles } {
  const find = (root: Document | ShadowRoot, selector: string): Element | null => {
    const direct = root.querySelector(selector);
    if (direct) return direct;
    for (const el of root.querySelectorAll("*")) {
      const inner = el.shadowRoot && find(el.shadowRoot, selector);
      if (inner) return inner;
    }
    return null;
  };
  const grid = find(document, `${host} board-grid`) ?? find(document, "board-grid");
  const root = grid?.shadowRoot;
  const out = { cards: {} as Marks["cards"], over: [] as string[], tiles: {} as Tiles };
  if (!root) return out;
  for (const cell of root.querySelectorAll<HTMLElement>(".cell")) {
    const at = { lane: Number(cell.dataset.lane), slot: cell.dataset.slot ?? "" };
    if (cell.classList.contains("over")) out.over.push(`${at.lane}@${at.slot}`);
    for (const card of cell.querySelectorAll("board-card")) {
      const face = card.querySelector<HTMLElement>(".card");
      const id = face?.dataset.id;
      if (!id) continue;
      out.cards[id] = {
        ...at,
        bayClash: card.hasAttribute("bay-clash"),
        outsideHours: card.hasAttribute("outside-hours"),
        status: face.querySelector(".status")?.textContent?.trim() ?? "",
      };
      const tile = card.closest<HTMLElement>(".tile");
      if (tile) out.tiles[id] = { warning: tile.getAttribute("title") ?? "", handle: tile.querySelector(".handle") !== null };
    }
  }
  out.over.sort();
  return out;
}

describe("one rule, three readers: the TV, the editor and the server agree on a tricky day", () => {
  let server: TestServer;
  let clock: ManualClock;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let A: number;
  let B: number;
  let bay: number;
  const ids: Record<string, number> = {};

  const card = async (id: number): Promise<Appointment> => (await server.api(`/api/appointments/${id}`)).body as Appointment;
  const act = async (id: number, action: string) => {
    const r = await server.api(`/api/appointments/${id}/${action}`, { method: "POST", json: { version: (await card(id)).version } });
    expect(r.status, `${action} #${id}: ${JSON.stringify(r.body)}`).toBe(200);
  };
  const book = async (name: string, over: Record<string, unknown>) => {
    const r = await server.api("/api/appointments", { method: "POST", json: booking(A, { customerName: name, ...over }) });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    ids[name] = r.body.record.id as number;
    return r.body as { record: Appointment; overlaps: unknown[] };
  };
  const serverOverlaps = async (): Promise<DayOverlapsReport> => (await server.api("/api/board/overlaps?date=2026-11-27")).body as DayOverlapsReport;

  /** The TV with the whole day in its window and as the grid, so every card of the day is on the one screen to compare. */
  async function tv(): Promise<Page> {
    const { context, page } = await openPage(browser, server.url + "/display?layout=grid&before=12&after=12&pageSeconds=600");
    contexts.push(context);
    return page;
  }

  async function editor(): Promise<Page> {
    const { context, page } = await openPage(browser, "about:blank", { width: 1920, height: 1000 });
    contexts.push(context);
    await signInContext(context, server);
    await page.goto(server.url + "/admin");
    return page;
  }

  const read = (page: Page, host: string) => page.evaluate(readGrid, host);

  beforeAll(async () => {
    clock = new ManualClock(Date.parse("2026-11-26T23:00:00Z")); // 07:00: nothing is due yet while the day is set up
    server = await startTestServer({ clock, staticDir: inject("pagesDir") });
    const basics = await seedBasics(server);
    [A, B] = basics.advisors as [number, number];
    bay = basics.bay;
    const settings = await server.api("/api/settings");
    await server.api("/api/settings", { method: "PATCH", json: { version: settings.body.version, advisorCapacityPerSlot: 1, openTime: "08:00", closeTime: "20:00" } });

    // a completed card in a full slot: it used the slot, so the slot is over and the open card is warned
    await book("完成卡", { startTime: "10:00", plate: "京A·10001" });
    await book("同槽卡", { startTime: "10:30", plate: "京A·10002" });
    // a card crossing closing time
    await book("跨闭店", { startTime: "19:30", durationMinutes: 60, advisorId: B, plate: "京A·10003" });
    // one bay booked twice, by two advisors
    await book("工位甲", { startTime: "14:00", durationMinutes: 90, bayId: bay, plate: "京A·10004" });
    await book("工位乙", { startTime: "15:00", advisorId: B, bayId: bay, plate: "京A·10005" });
    // a card after closing beside the last slot's card: outside hours, and in no slot's capacity
    await book("闭店后", { startTime: "20:30", plate: "京A·10006" });
    await book("末槽卡", { startTime: "19:00", plate: "京A·10007" });
    // a no-show, to be dragged when the customer calls to rebook
    await book("爽约卡", { startTime: "08:30", advisorId: B, plate: "京A·10008" });

    clock.set(Date.parse("2026-11-27T02:05:00Z")); // 10:05: the 10:00 customer is here
    await act(ids["完成卡"]!, "arrive");
    await act(ids["完成卡"]!, "complete");
    clock.set(NOW); // the clock marks the 08:30 card late, then no-show
    expect((await card(ids["爽约卡"]!)).status).toBe("no_show");

    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it("marks the same cards and cells on the TV and in the editor as the server reports", async () => {
    const report = await serverOverlaps();
    const kinds = (id: number) => (report.cards[String(id)] ?? []).map((o) => o.kind);
    const all = Object.values(ids);

    // the server, as decided: completed counts against the slot, only open cards are warned
    expect(report.overCapacity).toEqual([{ advisorId: A, slot: "10:00" }]);
    expect(report.cards[String(ids["同槽卡"])]).toEqual([{ kind: "advisor_over_capacity", with: [ids["完成卡"]] }]);
    expect(kinds(ids["完成卡"]!)).toEqual([]);
    expect(kinds(ids["跨闭店"]!)).toEqual(["outside_opening_hours"]);
    expect(kinds(ids["工位甲"]!)).toEqual(["bay_double_booked"]);
    expect(kinds(ids["工位乙"]!)).toEqual(["bay_double_booked"]);
    expect(kinds(ids["闭店后"]!)).toEqual(["outside_opening_hours"]);
    expect(kinds(ids["末槽卡"]!)).toEqual([]);
    expect(kinds(ids["爽约卡"]!)).toEqual([]);

    const tvPage = await tv();
    const admin = await editor();
    await expect.poll(async () => Object.keys((await read(tvPage, "display-app")).cards).length, { timeout: 15_000 }).toBe(all.length);
    await expect.poll(async () => Object.keys((await read(admin, "admin-board")).cards).length, { timeout: 15_000 }).toBe(all.length);
    const onTv = await read(tvPage, "display-app");
    const inEditor = (await read(admin, "admin-board"));

    const overCells = report.overCapacity.map((o) => `${o.advisorId}@${o.slot}`).sort();
    expect(onTv.over, "dashed cells on the TV").toEqual(overCells);
    expect(inEditor.over, "dashed cells in the editor").toEqual(overCells);

    for (const [name, id] of Object.entries(ids)) {
      const tvCard = onTv.cards[String(id)]!;
      const edCard = inEditor.cards[String(id)]!;
      const expected = { bayClash: kinds(id).includes("bay_double_booked"), outsideHours: kinds(id).includes("outside_opening_hours") };
      expect({ bayClash: tvCard.bayClash, outsideHours: tvCard.outsideHours }, `${name} on the TV`).toEqual(expected);
      expect({ bayClash: edCard.bayClash, outsideHours: edCard.outsideHours }, `${name} in the editor`).toEqual(expected);
      expect({ lane: edCard.lane, slot: edCard.slot }, `${name}: both screens draw it in one cell`).toEqual({ lane: tvCard.lane, slot: tvCard.slot });
      // the editor's ⚠ names exactly the server's overlaps, in the user's language
      const warning = inEditor.tiles[String(id)]!.warning;
      const zh = { bay_double_booked: "工位重复预约", advisor_over_capacity: "超出容量", outside_opening_hours: "营业时间之外", advisor_off_duty: "不当班" };
      expect(warning === "", `${name}: ⚠ only where the server reports an overlap`).toBe(kinds(id).length === 0);
      for (const kind of kinds(id)) expect(warning, `${name} ⚠`).toContain(zh[kind]);
    }
    // the card after closing sits in the last column, and that cell is not over capacity
    expect(onTv.cards[String(ids["闭店后"])]).toMatchObject({ lane: A, slot: "19:00" });
  });

  it("lets the same cards move in the editor as on the server, and a dragged no-show is booked again everywhere", async () => {
    const admin = await editor();
    await expect.poll(async () => Object.keys((await read(admin, "admin-board")).tiles).length, { timeout: 15_000 }).toBe(Object.keys(ids).length);
    const tiles = ((await read(admin, "admin-board"))).tiles;
    expect(tiles[String(ids["完成卡"])]!.handle, "a completed card has no handle").toBe(false);
    expect(tiles[String(ids["爽约卡"])]!.handle, "a no-show has one").toBe(true);
    for (const id of Object.values(ids)) expect(tiles[String(id)]!.handle).toBe(id !== ids["完成卡"]);

    // the server refuses to move what the editor will not drag, and its edit form alike
    const done = await card(ids["完成卡"]!);
    const refused = await server.api(`/api/appointments/${done.id}/move`, { method: "POST", json: { version: done.version, advisorId: B } });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "invalid_transition", field: "status" });
    const edited = await server.api(`/api/appointments/${done.id}`, { method: "PATCH", json: { version: done.version, startTime: "11:00" } });
    expect(edited.status).toBe(409);
    const noted = await server.api(`/api/appointments/${done.id}`, { method: "PATCH", json: { version: done.version, notes: "客户满意" } });
    expect(noted.status, "an edit that moves nothing is still allowed").toBe(200);

    // the customer who did not come calls to rebook: the desk drags the no-show to B at 16:00
    const tvPage = await tv();
    const noShow = ids["爽约卡"]!;
    await expect.poll(async () => (await read(tvPage, "display-app")).cards[String(noShow)]?.status, { timeout: 15_000 }).toBe("爽约");
    // the editor opened on the present (10:40); the desk scrolls back to the morning's no-show, 16:00 still in view
    await admin.evaluate(() => void (document.querySelector("admin-app")!.shadowRoot!.querySelector("admin-board")!.scrollLeft = 0));
    await mouseDrag(admin, noShow, B, "16:00");
    await expect.poll(async () => card(noShow), { timeout: 10_000 }).toMatchObject({ advisorId: B, startTime: "16:30", status: "booked", lateAt: null });
    await expect.poll(async () => (await read(tvPage, "display-app")).cards[String(noShow)], { timeout: 15_000 }).toMatchObject({ lane: B, slot: "16:00", status: "已预约" });
    await expect.poll(async () => (await read(admin, "admin-board")).cards[String(noShow)], { timeout: 15_000 }).toMatchObject({ lane: B, slot: "16:00", status: "已预约" });
    // and the clock, seeing it booked for later, leaves it be
    clock.advance(5 * MINUTE);
    expect((await card(noShow)).status).toBe("booked");
  });

  it("tells an API client the overlaps of the card it just booked or moved", async () => {
    const made = await book("再占工位", { startTime: "14:30", advisorId: B, bayId: bay, plate: "京A·10009" });
    expect(made.overlaps).toEqual([{ kind: "bay_double_booked", with: [ids["工位甲"], ids["工位乙"]].sort((x, y) => x! - y!) }]);
    const moved = await server.api(`/api/appointments/${made.record.id}/move`, { method: "POST", json: { version: made.record.version, startTime: "18:00" } });
    expect(moved.status).toBe(200);
    expect(moved.body.overlaps).toEqual([]);
    expect((await serverOverlaps()).cards[String(made.record.id)]).toBeUndefined();
  });

  /** axe-core reads every node of the page; on a shared two-core machine one run can take tens of seconds. A hang guard, not a speed check. */
  const AXE_TIMEOUT_MS = 180_000;

  /** axe-core (the shared helper) on the page holding the grid: no serious or critical finding, and the grid's structure checked. */
  async function axeOnGrid(page: Page, what: string) {
    const { passed } = await expectAccessible(page, what);
    // the checks that matter here ran and passed, rather than found nothing to look at
    expect(passed).toEqual(expect.arrayContaining(["aria-required-children", "aria-required-parent"]));
  }

  /*
   * The one rendering of cells gives both screens the structure their roles promise: a table (the
   * TV) or a grid (the editor) owning rows that own their header and cells.
   */
  it("gives the TV's grid the table structure axe-core asks for", async () => {
    const tvPage = await tv();
    await expect.poll(async () => Object.keys((await read(tvPage, "display-app")).cards).length, { timeout: 15_000 }).toBeGreaterThan(5);
    await axeOnGrid(tvPage, "the TV on the tricky day");
  }, AXE_TIMEOUT_MS);

  it("gives the editor's grid the grid structure axe-core asks for, by advisor and by bay", async () => {
    const admin = await editor();
    await expect.poll(async () => Object.keys((await read(admin, "admin-board")).tiles).length, { timeout: 15_000 }).toBeGreaterThan(5);
    await axeOnGrid(admin, "the editor on the tricky day");
    await admin.getByRole("button", { name: "按工位" }).click();
    await expect.poll(async () => (await read(admin, "admin-board")).cards[String(ids["工位甲"])]?.lane, { timeout: 10_000 }).toBe(bay);
    await axeOnGrid(admin, "the editor by bay on the tricky day");
  }, AXE_TIMEOUT_MS);
});

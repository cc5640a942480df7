import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LONG_PRESS_MS } from "../../admin/pointer-drag.js";
import { STAFF_NAMESPACE } from "../../shared/protocol-constants.js";
import { booking } from "../helpers/test-server.js";
import { cardSel, cellOf, cellSel, displayedAt, mouseDrag, startAdminWorld, waitForCell, type AdminWorld } from "./admin-page.js";

describe("admin board: moving cards", () => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await startAdminWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it("moves a card with the mouse, and a display open in another page shows it there", async () => {
    const { advisors, cardId } = world;
    const display = await world.open("/display");
    await expect.poll(() => displayedAt(display, cardId), { timeout: 10_000 }).toEqual({ advisor: advisors[0], time: "10:00" });
    const admin = await world.open();
    await waitForCell(admin, cardId, { lane: advisors[0]!, slot: "10:00" });

    // 11:00 is inside the TV's now-window (an hour back, three ahead of 09:00)
    await mouseDrag(admin, cardId, advisors[1]!, "11:00");

    await waitForCell(admin, cardId, { lane: advisors[1]!, slot: "11:00" });
    await expect.poll(async () => (await world.server.api(`/api/appointments/${cardId}`)).body).toMatchObject({ advisorId: advisors[1], startTime: "11:00", version: 2 });
    await expect.poll(() => displayedAt(display, cardId), { timeout: 10_000 }).toEqual({ advisor: advisors[1], time: "11:00" });
  });

  it("keeps the carried copy under the pointer wherever it goes", async () => {
    const { advisors, cardId } = world;
    const admin = await world.open();
    await waitForCell(admin, cardId, { lane: advisors[0]!, slot: "10:00" });
    const from = (await admin.locator(`${cardSel(cardId)} board-card`).boundingBox())!;
    const start = { x: Math.round(from.x + from.width / 2), y: Math.round(from.y + from.height / 2) };
    await admin.mouse.move(start.x, start.y);
    await admin.mouse.down();
    // how far the copy's centre is from the pointer (a tilted box's bounding box keeps its centre)
    const offset = async (at: { x: number; y: number }) => {
      const b = await admin.locator("admin-board .ghost").boundingBox();
      return b ? Math.hypot(b.x + b.width / 2 - at.x, b.y + b.height / 2 - at.y) : Infinity;
    };
    for (const [dx, dy] of [[60, 40], [260, 90], [120, -30]] as const) {
      const at = { x: start.x + dx, y: start.y + dy };
      await admin.mouse.move(at.x, at.y, { steps: 5 });
      await expect.poll(() => offset(at)).toBeLessThan(2);
    }
    await admin.keyboard.press("Escape");
    await admin.mouse.up();
  });

  it("moves a card with a finger from its drag handle, and the display shows it", async () => {
    const { advisors, cardId } = world;
    const display = await world.open("/display");
    await expect.poll(() => displayedAt(display, cardId), { timeout: 10_000 }).not.toBeNull();
    const admin = await world.open("/admin", { touch: true });
    await waitForCell(admin, cardId, { lane: advisors[0]!, slot: "10:00" });
    const handle = await admin.locator(`${cardSel(cardId)} .handle`).boundingBox();
    const target = await admin.locator(cellSel(advisors[1]!, "11:00")).boundingBox();
    if (!handle || !target) throw new Error("handle or cell not on screen");

    const cdp = await admin.context().newCDPSession(admin);
    const at = (x: number, y: number) => [{ x: Math.round(x), y: Math.round(y), id: 1, radiusX: 4, radiusY: 4, force: 1 }];
    const [x0, y0] = [handle.x + handle.width / 2, handle.y + handle.height / 2];
    const [x1, y1] = [target.x + target.width / 2, target.y + target.height / 2];
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at(x0, y0) });
    for (let i = 1; i <= 12; i++) {
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: at(x0 + ((x1 - x0) * i) / 12, y0 + ((y1 - y0) * i) / 12) });
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });

    await waitForCell(admin, cardId, { lane: advisors[1]!, slot: "11:00" });
    await expect.poll(async () => (await world.server.api(`/api/appointments/${cardId}`)).body).toMatchObject({ advisorId: advisors[1], startTime: "11:00" });
    await expect.poll(() => displayedAt(display, cardId), { timeout: 10_000 }).toEqual({ advisor: advisors[1], time: "11:00" });
  });

  it("moves a card after a long press, while a quick swipe over a card moves nothing", async () => {
    const { advisors, cardId, server } = world;
    const admin = await world.open("/admin", { touch: true });
    await waitForCell(admin, cardId, { lane: advisors[0]!, slot: "10:00" });
    const cdp = await admin.context().newCDPSession(admin);
    const at = (x: number, y: number) => [{ x: Math.round(x), y: Math.round(y), id: 1 }];
    const touchDrag = async (slot: string, holdMs: number) => {
      const body = await admin.locator(`${cardSel(cardId)} board-card`).boundingBox();
      const target = await admin.locator(cellSel(advisors[1]!, slot)).boundingBox();
      if (!body || !target) throw new Error("card or cell not on screen");
      const [x0, y0] = [body.x + body.width / 2, body.y + body.height / 2];
      const [x1, y1] = [target.x + target.width / 2, target.y + target.height / 2];
      await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at(x0, y0) });
      if (holdMs > 0) await admin.waitForTimeout(holdMs); // the finger resting on the card: the hold is what is under test
      for (let i = 1; i <= 10; i++) {
        await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: at(x0 + ((x1 - x0) * i) / 10, y0 + ((y1 - y0) * i) / 10) });
      }
      await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    };

    // straight down, as a finger scrolls a board (a sideways swipe is the browser's "back" in headless Chromium)
    await touchDrag("10:00", 0);
    await touchDrag("11:00", LONG_PRESS_MS + 250);

    await waitForCell(admin, cardId, { lane: advisors[1]!, slot: "11:00" });
    // commands travel in order on one socket: had the swipe sent a move, this would be version 3
    await expect.poll(async () => (await server.api(`/api/appointments/${cardId}`)).body).toMatchObject({ advisorId: advisors[1], startTime: "11:00", version: 2 });
  });

  it("moves a card with the keyboard: Enter lifts it, arrows carry it, Enter puts it down", async () => {
    const { advisors, cardId } = world;
    const admin = await world.open();
    await waitForCell(admin, cardId, { lane: advisors[0]!, slot: "10:00" });
    await admin.locator(cardSel(cardId)).focus();
    await admin.keyboard.press("Enter");
    await admin.keyboard.press("ArrowDown");
    await admin.keyboard.press("ArrowRight");
    await admin.keyboard.press("ArrowRight");
    await expect.poll(() => admin.locator("admin-board [role=status]").textContent()).toContain("移到：服务顾问 B 12:00");
    await admin.keyboard.press("Enter");
    await waitForCell(admin, cardId, { lane: advisors[1]!, slot: "12:00" });
    await expect.poll(async () => (await world.server.api(`/api/appointments/${cardId}`)).body).toMatchObject({ advisorId: advisors[1], startTime: "12:00" });
  });

  it("scrolls the board while a card is held at its edge, to carry it to an hour off screen", async () => {
    const { advisors, cardId, server } = world;
    const admin = await world.open();
    await waitForCell(admin, cardId, { lane: advisors[0]!, slot: "10:00" });
    const board = await admin.locator("admin-board").boundingBox();
    const late = admin.locator(cellSel(advisors[1]!, "19:00"));
    const from = await admin.locator(`${cardSel(cardId)} board-card`).boundingBox();
    if (!board || !from) throw new Error("board or card not on screen");
    expect((await late.boundingBox())!.x).toBeGreaterThan(board.x + board.width);

    await admin.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await admin.mouse.down();
    const row = (await admin.locator(cellSel(advisors[1]!, "10:00")).boundingBox())!;
    await admin.mouse.move(board.x + board.width - 8, row.y + row.height / 2, { steps: 10 });
    await expect.poll(async () => { const b = (await late.boundingBox())!; return b.x + b.width <= board.x + board.width; }, { timeout: 10_000 }).toBe(true);
    const to = (await late.boundingBox())!;
    await admin.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 4 });
    await admin.mouse.up();

    await waitForCell(admin, cardId, { lane: advisors[1]!, slot: "19:00" });
    await expect.poll(async () => (await server.api(`/api/appointments/${cardId}`)).body).toMatchObject({ advisorId: advisors[1], startTime: "19:00" });
  });

  it("moves a card to another bay in the lane-per-bay view", async () => {
    const { advisors, bay, cardId, server } = world;
    const page = await world.open();
    await waitForCell(page, cardId, { lane: advisors[0]!, slot: "10:00" });
    await page.getByRole("button", { name: "按工位" }).click();
    // lane 0 holds the cards without a bay yet
    await waitForCell(page, cardId, { lane: 0, slot: "10:00" });
    await mouseDrag(page, cardId, bay, "09:00");
    await waitForCell(page, cardId, { lane: bay, slot: "09:00" });
    await expect.poll(async () => (await server.api(`/api/appointments/${cardId}`)).body).toMatchObject({ bayId: bay, startTime: "09:00", advisorId: advisors[0] });
  });

  it("does not drag a completed card", async () => {
    const { advisors, cardId, server } = world;
    await server.api(`/api/appointments/${cardId}/arrive`, { method: "POST", json: { version: 1 } });
    await server.api(`/api/appointments/${cardId}/complete`, { method: "POST", json: { version: 2 } });
    const other = (await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { startTime: "11:00", customerName: "李娜", plate: "京A·54321" }) })).body.record.id as number;
    // every command an editor sends, as the server receives it
    const commands: { id?: number }[] = [];
    server.app.io.of(STAFF_NAMESPACE).on("connection", (socket) => {
      socket.onAny((event: string, req: { command?: { id?: number } }) => {
        if (event === "board:command") commands.push({ id: req.command?.id });
      });
    });
    const admin = await world.open();
    await waitForCell(admin, cardId, { lane: advisors[0]!, slot: "10:00" });
    await waitForCell(admin, other, { lane: advisors[0]!, slot: "11:00" });
    expect(await admin.locator(`${cardSel(cardId)} .handle`).count()).toBe(0);

    await mouseDrag(admin, cardId, advisors[1]!, "14:00");
    expect(await cellOf(admin, cardId)).toEqual({ lane: advisors[0], slot: "10:00" });
    // then a card that may move: commands travel in order on one socket, so once its move is in,
    // a move of the completed card would be in too
    await mouseDrag(admin, other, advisors[1]!, "15:00");
    await waitForCell(admin, other, { lane: advisors[1]!, slot: "15:00" });
    await expect.poll(async () => (await server.api(`/api/appointments/${other}`)).body).toMatchObject({ advisorId: advisors[1], startTime: "15:00", version: 2 });
    expect(commands).toEqual([{ id: other }]);
    expect((await server.api(`/api/appointments/${cardId}`)).body).toMatchObject({ advisorId: advisors[0], startTime: "10:00", status: "completed", version: 3 });
    expect(await cellOf(admin, cardId)).toEqual({ lane: advisors[0], slot: "10:00" });
  });
});

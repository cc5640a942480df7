import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { booking } from "../helpers/test-server.js";
import { cardSel, cellSel, mouseDrag, startAdminWorld, toastText, waitForCell, type AdminWorld } from "./admin-page.js";

describe("admin board: several editors at once", () => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await startAdminWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it("sees another editor's move at once", async () => {
    const { advisors, cardId } = world;
    const first = await world.open();
    const second = await world.open();
    await waitForCell(second, cardId, { lane: advisors[0]!, slot: "10:00" });
    await mouseDrag(first, cardId, advisors[1]!, "15:00");
    await waitForCell(second, cardId, { lane: advisors[1]!, slot: "15:00" });
  });

  it("gives the second of two editors moving the same card the conflict message with the card's real position", async () => {
    const { advisors, cardId, server } = world;
    const first = await world.open();
    const second = await world.open();
    await waitForCell(first, cardId, { lane: advisors[0]!, slot: "10:00" });
    await waitForCell(second, cardId, { lane: advisors[0]!, slot: "10:00" });

    // the second editor picks the card up ...
    const from = await second.locator(`${cardSel(cardId)} board-card`).boundingBox();
    if (!from) throw new Error("card not on screen");
    await second.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await second.mouse.down();
    await second.mouse.move(from.x + from.width / 2 + 30, from.y + from.height / 2, { steps: 4 });
    // ... while the first moves it elsewhere; the lifted card is not yanked out of the second's hand
    await mouseDrag(first, cardId, advisors[1]!, "16:00");
    await expect.poll(async () => (await server.api(`/api/appointments/${cardId}`)).body.version).toBe(2);
    await expect.poll(() => second.locator(`admin-board .ghost`).count()).toBe(1);

    const to = await second.locator(cellSel(advisors[0]!, "12:00")).boundingBox();
    if (!to) throw new Error("cell not on screen");
    await second.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
    await second.mouse.up();

    await expect.poll(() => toastText(second), { timeout: 10_000 }).toContain("已放回原处");
    const text = await toastText(second);
    expect(text).toContain("服务顾问 B");
    expect(text).toContain("16:00");
    await waitForCell(second, cardId, { lane: advisors[1]!, slot: "16:00" });
    await expect.poll(async () => (await server.api(`/api/appointments/${cardId}`)).body).toMatchObject({ advisorId: advisors[1], startTime: "16:00", version: 2 });
  });

  it("keeps a card in the hand of one editor while another changes a different card, and drops it where it was taken", async () => {
    const { advisors, cardId, server } = world;
    const other = await server.api("/api/appointments", { method: "POST", json: booking(advisors[1]!, { startTime: "09:00", plate: "沪B·D1234" }) });
    const first = await world.open();
    const second = await world.open();
    await waitForCell(first, other.body.record.id, { lane: advisors[1]!, slot: "09:00" });
    await waitForCell(second, cardId, { lane: advisors[0]!, slot: "10:00" });
    const from = await second.locator(`${cardSel(cardId)} board-card`).boundingBox();
    if (!from) throw new Error("card not on screen");
    await second.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await second.mouse.down();
    await second.mouse.move(from.x + from.width / 2 + 30, from.y + from.height / 2, { steps: 4 });

    await mouseDrag(first, other.body.record.id, advisors[0]!, "13:00");
    await waitForCell(second, other.body.record.id, { lane: advisors[0]!, slot: "13:00" });
    expect(await second.locator("admin-board .ghost").count(), "the lifted card is still in hand").toBe(1);

    const to = await second.locator(cellSel(advisors[1]!, "11:00")).boundingBox();
    if (!to) throw new Error("cell not on screen");
    await second.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
    await second.mouse.up();
    await waitForCell(second, cardId, { lane: advisors[1]!, slot: "11:00" });
    await expect.poll(async () => (await server.api(`/api/appointments/${cardId}`)).body).toMatchObject({ advisorId: advisors[1], startTime: "11:00", version: 2 });
  });

  it("shows a card's history one click away", async () => {
    const { advisors, cardId } = world;
    const page = await world.open();
    await waitForCell(page, cardId, { lane: advisors[0]!, slot: "10:00" });
    await mouseDrag(page, cardId, advisors[1]!, "11:00");
    await waitForCell(page, cardId, { lane: advisors[1]!, slot: "11:00" });
    await page.locator(cardSel(cardId)).click();
    await page.locator("admin-card-panel button[aria-expanded]").click();
    await expect.poll(async () => page.locator("admin-card-panel .history li").allTextContents(), { timeout: 10_000 }).toHaveLength(2);
    const entries = await page.locator("admin-card-panel .history li").allTextContents();
    expect(entries[0]).toMatch(/移动 → 服务顾问 B · 2026-11-27 11:00/);
    expect(entries[1]).toMatch(/新建 → 服务顾问 A · 2026-11-27 10:00/);
  });
});

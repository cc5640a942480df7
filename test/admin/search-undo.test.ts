import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { booking } from "../helpers/test-server.js";
import { cardSel, mouseDrag, startAdminWorld, toastText, waitForCell, type AdminWorld } from "./admin-page.js";

describe("admin: search and undo", () => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await startAdminWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it.each(["12345", "a12345", "A·12345", "京A12345"])("finds the card by the partial plate %s, selects and highlights it", async (q) => {
    const { advisors, server } = world;
    await server.api("/api/appointments", { method: "POST", json: booking(advisors[1]!, { customerName: "王芳", plate: "沪B·D1234", startTime: "11:00" }) });
    const page = await world.open();
    await waitForCell(page, world.cardId, { lane: advisors[0]!, slot: "10:00" });
    await page.locator("admin-search input").fill(q);
    await page.locator("admin-search input").press("Enter");
    await expect.poll(() => page.locator(`${cardSel(world.cardId)} board-card[highlighted]`).count()).toBe(1);
    expect(await page.locator(`admin-board board-card[highlighted]`).count()).toBe(1);
    await expect.poll(async () => (await page.locator("admin-card-panel h2").textContent()) ?? "").toContain("京A·12345");
  });

  it("says so when nothing matches", async () => {
    const page = await world.open();
    await waitForCell(page, world.cardId, { lane: world.advisors[0]!, slot: "10:00" });
    await page.locator("admin-search input").fill("99999");
    await page.locator("admin-search input").press("Enter");
    await expect.poll(async () => (await page.locator("admin-search .none").textContent()) ?? "").toBe("当天没有找到");
  });

  it("undoes a move from the toast, through the server", async () => {
    const { advisors, cardId, server } = world;
    const page = await world.open();
    await waitForCell(page, cardId, { lane: advisors[0]!, slot: "10:00" });
    await mouseDrag(page, cardId, advisors[1]!, "13:00");
    await waitForCell(page, cardId, { lane: advisors[1]!, slot: "13:00" });
    await expect.poll(() => toastText(page)).toContain("已移动");
    await page.locator("admin-toast button.undo").click();
    await waitForCell(page, cardId, { lane: advisors[0]!, slot: "10:00" });
    await expect.poll(async () => (await server.api(`/api/appointments/${cardId}`)).body).toMatchObject({ advisorId: advisors[0], startTime: "10:00", version: 3 });
    const history = (await server.api(`/api/appointments/${cardId}/history`)).body;
    expect(history.at(-1).action).toBe("appointment.restore");
  });

  it("undoes one's last change later, after a reload, and refuses once someone else changed the card", async () => {
    const { advisors, cardId, server } = world;
    const page = await world.open();
    await waitForCell(page, cardId, { lane: advisors[0]!, slot: "10:00" });
    await page.locator(cardSel(cardId)).click();
    await page.locator(`admin-card-panel button[data-action="arrive"]`).click();
    await expect.poll(async () => (await server.api(`/api/appointments/${cardId}`)).body.status).toBe("arrived");

    await page.reload();
    await waitForCell(page, cardId, { lane: advisors[0]!, slot: "10:00" });
    await page.getByRole("button", { name: "撤销我的上一次修改" }).click();
    await expect.poll(async () => (await server.api(`/api/appointments/${cardId}`)).body.status).toBe("booked");
    await page.locator(cardSel(cardId)).click();

    // a change someone else overwrote cannot be undone: the undo is refused with where the card is now
    await page.locator(`admin-card-panel button[data-action="confirm"]`).click();
    await expect.poll(async () => (await server.api(`/api/appointments/${cardId}`)).body.status).toBe("confirmed");
    await server.api(`/api/appointments/${cardId}/move`, { method: "POST", json: { version: 4, startTime: "11:00" } });
    await waitForCell(page, cardId, { lane: advisors[0]!, slot: "11:00" });
    await page.getByRole("button", { name: "撤销我的上一次修改" }).click();
    await expect.poll(() => toastText(page)).toContain("已放回原处");
    expect(await toastText(page)).toContain("11:00");
    await expect.poll(async () => (await server.api(`/api/appointments/${cardId}`)).body).toMatchObject({ startTime: "11:00", status: "confirmed", version: 5 });
  });
});

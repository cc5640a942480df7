import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cardSel, cellOf, startAdminWorld, waitForCell, type AdminWorld } from "./admin-page.js";

describe("admin: actions on a card", () => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await startAdminWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it("offers only the actions the card's status allows, and walks it from arrival through the greeting to done", async () => {
    const { advisors, cardId, server } = world;
    const page = await world.open();
    await waitForCell(page, cardId, { lane: advisors[0]!, slot: "10:00" });
    await page.locator(cardSel(cardId)).click();
    const action = (name: string) => page.locator(`admin-card-panel button[data-action="${name}"]`);
    expect(await action("start").isDisabled()).toBe(true);
    await action("arrive").click();
    await expect.poll(async () => (await server.api(`/api/appointments/${cardId}`)).body.status).toBe("arrived");
    // 已到店 → 已出迎 → 维修中 → 已完工: the repair starts only after the greeting
    await expect.poll(() => action("greet").isDisabled()).toBe(false);
    expect(await action("start").isDisabled()).toBe(true);
    expect(await action("arrive").isDisabled()).toBe(true);
    expect(await action("greet").textContent()).toBe("已出迎");
    await action("greet").click();
    await expect.poll(async () => (await server.api(`/api/appointments/${cardId}`)).body.greetedAt).not.toBeNull();
    await expect.poll(() => action("start").isDisabled()).toBe(false);
    expect(await action("start").textContent()).toBe("开始维修");
    await action("start").click();
    await expect.poll(async () => (await server.api(`/api/appointments/${cardId}`)).body.status).toBe("in_service");
    await expect.poll(() => action("complete").isDisabled()).toBe(false);
    await action("complete").click();
    await expect.poll(async () => (await server.api(`/api/appointments/${cardId}`)).body.status).toBe("completed");
  });

  it("takes a cancelled card off the grid and books it again from the cancelled list", async () => {
    const { advisors, cardId, server } = world;
    const page = await world.open();
    await waitForCell(page, cardId, { lane: advisors[0]!, slot: "10:00" });
    await page.locator(cardSel(cardId)).click();
    await page.locator(`admin-card-panel button[data-action="cancel"]`).click();
    await expect.poll(() => cellOf(page, cardId)).toBeNull();
    expect(await page.locator("admin-board .cancelled summary").textContent()).toContain("已取消 1 张");

    await page.locator("admin-board .cancelled summary").click();
    await page.locator(`admin-board .cancelled button[data-card="${cardId}"]`).click();
    await page.locator(`admin-card-panel button[data-action="reopen"]`).click();
    await waitForCell(page, cardId, { lane: advisors[0]!, slot: "10:00" });
    expect((await server.api(`/api/appointments/${cardId}`)).body.status).toBe("booked");
  });
});

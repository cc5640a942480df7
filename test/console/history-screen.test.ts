import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startAdminWorld, type AdminWorld } from "../admin/admin-page.js";

async function openHistory(page: Page): Promise<void> {
  await page.locator("admin-toolbar nav button").filter({ hasText: "店长控制台" }).click();
  await page.locator("admin-console nav button").filter({ hasText: "修改记录" }).click();
  await page.locator("admin-history form[data-form='history-filter']").waitFor();
}

const rows = (page: Page) => page.locator("admin-history tbody tr[data-entry]");

describe("console: history", () => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await startAdminWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it("filters by plate, shows a move's before and after side by side, follows a card's whole life, and sets the retention", async () => {
    const { server, cardId, advisors } = world;
    const card = (await server.api(`/api/appointments/${cardId}`)).body as { version: number };
    await server.api(`/api/appointments/${cardId}/move`, { method: "POST", json: { version: card.version, startTime: "11:00" } });
    const booked = await server.api("/api/appointments", { method: "POST", json: { date: "2026-11-27", startTime: "14:00", advisorId: advisors[1], customerName: "李四", plate: "沪B·67890", workRequested: "换轮胎" } });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);

    const admin = await world.open();
    await openHistory(admin);
    await expect.poll(() => rows(admin).count()).toBeGreaterThan(3);

    const form = admin.locator("admin-history form[data-form='history-filter']");
    await form.locator("input[name='plate']").fill("12345");
    await form.getByRole("button", { name: "查询" }).click();
    await expect.poll(() => rows(admin).count()).toBe(2);
    expect(await rows(admin).allTextContents()).not.toContainEqual(expect.stringContaining("李四"));

    const move = rows(admin).filter({ hasText: "移动" }).first();
    await move.getByRole("button", { name: "修改前后" }).click();
    const changed = admin.locator("admin-history table.sides tr.changed[data-field='startTime']");
    await expect.poll(() => changed.count()).toBe(1);
    expect(await changed.locator("[data-side='before']").textContent()).toBe("10:00");
    expect(await changed.locator("[data-side='after']").textContent()).toBe("11:00");
    expect(await changed.locator("td").first().textContent()).toBe("预约时间");

    await form.locator("input[name='plate']").fill("");
    await form.getByRole("button", { name: "查询" }).click();
    await expect.poll(() => rows(admin).count()).toBeGreaterThan(3);
    // booking 李四 also added her to the register (an entry of its own, with no card to follow), named as a customer
    expect(await rows(admin).filter({ hasText: "李四" }).filter({ hasNot: admin.locator("button[data-action='card-life']") }).first().textContent()).toContain("客户 李四");
    await rows(admin).filter({ hasText: "李四" }).locator("button[data-action='card-life']").first().click();
    await expect.poll(() => rows(admin).count()).toBe(1);
    expect(await rows(admin).first().textContent()).toContain("李四");

    const retention = admin.locator("admin-history form[data-form='retention']");
    expect(await retention.locator("input[name='auditDays']").inputValue()).toBe("400");
    await retention.locator("input[name='auditDays']").fill("90");
    await retention.getByRole("button", { name: "保存" }).click();
    await expect.poll(async () => ((await server.api("/api/retention")).body as { auditDays: number }).auditDays).toBe(90);
    await expect.poll(async () => (await retention.locator("[role='status']").textContent()) ?? "").toBe("已保存");
  });

  it("labels every field of a card's changes by its name on the screens, never its raw name (arrivedAt → 到店时间)", async () => {
    const { server, cardId } = world;
    const card = (await server.api(`/api/appointments/${cardId}`)).body as { version: number };
    const arrived = await server.api(`/api/appointments/${cardId}/arrive`, { method: "POST", json: { version: card.version } });
    expect(arrived.status, JSON.stringify(arrived.body)).toBe(200);

    const admin = await world.open();
    await openHistory(admin);
    const form = admin.locator("admin-history form[data-form='history-filter']");
    await form.locator("input[name='card']").fill(String(cardId));
    await form.getByRole("button", { name: "查询" }).click();
    await expect.poll(() => rows(admin).count()).toBeGreaterThan(1);
    // the booking's entry shows every field of the new card, the arrival's the stamps it set
    await rows(admin).last().locator("button[data-action='details']").click();
    await rows(admin).first().locator("button[data-action='details']").click();
    const fields = admin.locator("admin-history table.sides tr[data-field]");
    await expect.poll(() => fields.count()).toBeGreaterThan(20);
    const shown = await fields.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-field") ?? "", tr.querySelector("td")?.textContent ?? ""]));
    expect(shown.filter(([field, label]) => field === label)).toEqual([]);
    expect(shown).toContainEqual(["arrivedAt", "到店时间"]);
  });
});

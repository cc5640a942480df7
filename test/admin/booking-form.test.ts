import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { cellSel, startAdminWorld, waitForCell, type AdminWorld } from "./admin-page.js";

const field = (name: string) => `admin-booking-form [name="${name}"]`;

/** The inline message shown for a field, or "" when it has none. */
async function fieldError(page: Page, name: string): Promise<string> {
  const err = page.locator(`admin-booking-form #err-${name}`);
  return (await err.count()) === 0 ? "" : ((await err.textContent()) ?? "").trim();
}

describe("admin booking form", () => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await startAdminWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it("opens on an empty slot with that advisor and time, rejects bad input with messages, then books into the slot", async () => {
    const { advisors, server, cardId } = world;
    const page = await world.open();
    await waitForCell(page, cardId, { lane: advisors[0]!, slot: "10:00" });
    await page.locator(cellSel(advisors[1]!, "15:00")).click({ position: { x: 10, y: 10 } });
    await expect.poll(() => page.locator(field("startTime")).inputValue()).toBe("15:00");
    expect(await page.locator(field("advisorId")).inputValue()).toBe(String(advisors[1]));

    await page.locator(field("plate")).fill("京A-12#45");
    await page.locator(field("phone")).fill("call me");
    await page.locator(field("mileageKm")).fill("很多");
    await page.locator("admin-booking-form button[type=submit]").click();

    await expect.poll(() => fieldError(page, "customerName")).toBe("必填");
    expect(await fieldError(page, "workRequested")).toBe("必填");
    expect(await fieldError(page, "plate")).toContain("车牌只能包含汉字、字母和数字");
    expect(await fieldError(page, "phone")).toContain("请填写电话号码");
    expect(await fieldError(page, "mileageKm")).toBe("请填写数字");
    expect(await page.locator(field("plate")).getAttribute("aria-invalid")).toBe("true");
    expect((await server.api("/api/board?date=2026-11-27")).body.appointments).toHaveLength(1);

    await page.locator(field("customerName")).fill("王芳");
    await page.locator(field("customerTitle")).selectOption("ms");
    await page.locator(field("plate")).fill("沪b d1234");
    await page.locator(field("phone")).fill("139 1166 2048");
    await page.locator(field("mileageKm")).fill("32500");
    await page.locator(field("workRequested")).fill("空调制冷不足检查");
    // messages clear as the fields are put right
    await expect.poll(() => fieldError(page, "plate")).toBe("");
    await page.locator("admin-booking-form button[type=submit]").click();

    await expect.poll(() => page.locator("admin-booking-form").count()).toBe(0);
    const cards = (await server.api("/api/board?date=2026-11-27")).body.appointments;
    const booked = cards.find((a: { customerName: string }) => a.customerName === "王芳");
    expect(booked).toMatchObject({ advisorId: advisors[1], startTime: "15:00", plate: "沪B·D1234", customerTitle: "ms", mileageKm: 32500 });
    await waitForCell(page, booked.id, { lane: advisors[1]!, slot: "15:00" });
  });

  it("speaks English to an English user, from the same schema", async () => {
    const page = await world.open();
    await waitForCell(page, world.cardId, { lane: world.advisors[0]!, slot: "10:00" });
    await page.locator("admin-app select[aria-label]").first().selectOption("en");
    await page.locator(cellSel(world.advisors[0]!, "13:00")).click({ position: { x: 10, y: 10 } });
    await page.locator(field("startTime")).fill("");
    await page.locator("admin-booking-form button[type=submit]").click();
    await expect.poll(() => fieldError(page, "customerName")).toBe("is required");
    expect(await fieldError(page, "startTime")).toBe("must be a time written HH:mm (00:00–23:59)");
  });

  it("warns about an overlap in the form but still books it", async () => {
    const { advisors, server, cardId } = world;
    const page = await world.open();
    await waitForCell(page, cardId, { lane: advisors[0]!, slot: "10:00" });
    // the seeded card holds advisor A at 10:00 and capacity is one card per slot
    const cell = page.locator(cellSel(advisors[0]!, "10:00"));
    const box = await cell.boundingBox();
    if (!box) throw new Error("cell not on screen");
    // below the card already there: the free part of the cell
    await cell.click({ position: { x: box.width / 2, y: box.height - 4 } });
    await page.locator(field("customerName")).fill("李强");
    await page.locator(field("plate")).fill("京N8K2L1");
    await page.locator(field("workRequested")).fill("刹车异响");
    await expect.poll(async () => (await page.locator("admin-booking-form .warnings").textContent()) ?? "").toContain("服务顾问该时段超出容量");
    await page.locator("admin-booking-form button[type=submit]").click();
    await expect.poll(async () => (await server.api("/api/board?date=2026-11-27")).body.appointments.length).toBe(2);
    // and the board marks both cards
    await expect.poll(() => page.locator("admin-board .tile.warn").count()).toBe(2);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { cardSel, startAdminWorld, waitForCell, type AdminWorld } from "./admin-page.js";

/** The event types with a listener on `window`, as DevTools lists them. */
async function windowListenerTypes(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send("Runtime.evaluate", { expression: "window" });
  const { listeners } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId! });
  await cdp.detach();
  return listeners.map((l) => l.type).sort();
}

describe("admin editor lifecycle", () => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await startAdminWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it("holds window listeners only while a drag is under way, and leaves none behind when removed mid-drag", async () => {
    const page = await world.open();
    await waitForCell(page, world.cardId, { lane: world.advisors[0]!, slot: "10:00" });
    const dragTypes = ["keydown", "pointercancel", "pointermove", "pointerup", "touchmove"];
    const before = await windowListenerTypes(page);
    expect(before).not.toContain("pointermove");

    const box = await page.locator(`${cardSel(world.cardId)} board-card`).boundingBox();
    if (!box) throw new Error("card not on screen");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 4 });
    expect(await windowListenerTypes(page)).toEqual(expect.arrayContaining(dragTypes));

    await page.evaluate(() => document.querySelector("admin-app")?.remove());
    const left = await windowListenerTypes(page);
    // the page's own listeners are gone; what stays is the test driver's (it listens for pointerup too)
    const count = (list: string[], type: string) => list.filter((t) => t === type).length;
    for (const type of dragTypes) expect(count(left, type), type).toBe(count(before, type));
    expect(count(left, "online")).toBe(count(before, "online") - 1);
  });
});

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { booking, TEST_ADMIN_PASSWORD } from "../helpers/test-server.js";
import { cardTexts, waitForCard } from "../display/display-page.js";
import { runAxe, targetPath } from "../helpers/axe.js";
import { startGroupWorld, type GroupWorld } from "./group-world.js";

/** The text of the TV's 10:00 card (both stores have one, each its store's card 1). */
async function tenOClock(page: Page): Promise<string> {
  return (await cardTexts(page)).find((t) => t.includes("10:00")) ?? "";
}

async function advisorRows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const grid = document.querySelector("display-app")!.shadowRoot!.querySelector("board-grid")!.shadowRoot!;
    return [...grid.querySelectorAll(".advisor .name")].map((n) => (n.textContent ?? "").trim());
  });
}

describe("a group's stores under /s/<slug>/, in Chromium on one node", () => {
  let world: GroupWorld;
  beforeAll(async () => {
    world = await startGroupWorld();
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it("shows at /s/a/display store a's cards and none of store b's, and takes a change made at store a live", async () => {
    const { page } = await world.open("/s/a/display");
    await waitForCard(page, "10:00");
    expect(await advisorRows(page)).toEqual(["王一"]);
    const texts = await cardTexts(page);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((t) => t.includes("王") && !t.includes("李"))).toBe(true);

    const created = await world.api("a", "/appointments", { method: "POST", json: booking(world.stores.a.advisor.id, { startTime: "11:00", customerName: "王五", plate: "京A·10005" }) });
    expect(created.status).toBe(201);
    expect(await waitForCard(page, "11:00")).toContain("王");
    expect((await cardTexts(page)).some((t) => t.includes("李"))).toBe(false);
  });

  it("signs store b's editor in with b's account; its command reaches b's TV and not a's, and the session is b's alone", async () => {
    const tvA = (await world.open("/s/a/display")).page;
    const tvB = (await world.open("/s/b/display")).page;
    await waitForCard(tvA, "10:00");
    await waitForCard(tvB, "10:00");
    expect(await tenOClock(tvB)).not.toContain("已到店");

    const { page, context } = await world.open("/s/b/admin", { viewport: { width: 1500, height: 900 } });
    await page.locator("staff-login input[name=username]").fill("admin");
    await page.locator("staff-login input[name=password]").fill(TEST_ADMIN_PASSWORD);
    await page.locator("staff-login button[type=submit]").click();
    const tile = page.locator(`admin-board .tile[data-card="${world.stores.b.ten}"]`);
    await tile.waitFor();
    expect(await tile.textContent()).toContain("李");
    expect(await page.locator("admin-board .tile").filter({ hasText: "王" }).count()).toBe(0);

    await tile.click();
    await page.locator('admin-card-panel button[data-action="arrive"]').click();
    await expect.poll(() => tenOClock(tvB)).toContain("已到店");

    // a's TV is live (it takes a's own change next) and its card 1 never arrived
    await world.api("a", "/appointments", { method: "POST", json: booking(world.stores.a.advisor.id, { startTime: "09:30", customerName: "王六", plate: "京A·10006" }) });
    await waitForCard(tvA, "09:30");
    expect(await tenOClock(tvA)).not.toContain("已到店");
    const aCard = await world.api("a", `/appointments/${world.stores.a.ten}`);
    expect(aCard.body.status).toBe("booked");

    // the browser holds b's session: store a asks it to sign in
    const atA = await context.newPage();
    await atA.goto(`${world.group.url}/s/a/admin`);
    await atA.locator("staff-login input[name=username]").waitFor();
    expect(await atA.locator("admin-app").count()).toBe(0);
    // a store's sign-in sends the group's director, whose account is not the store's, to the group's
    expect(await atA.locator('staff-login a[data-link="group"]').getAttribute("href")).toBe("/group");
    const axe = await runAxe(atA);
    expect(axe.blocking.map((r) => `${r.id}: ${r.nodes.map(targetPath).join(", ")}`)).toEqual([]);
  });
});

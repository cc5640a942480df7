import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSignedInPage } from "../helpers/browser-login.js";
import { SCREEN_SIZES, screenshotAt, settled } from "../helpers/screenshots.js";
import { expectAccessible } from "../helpers/axe.js";
import { booking } from "../helpers/test-server.js";
import { startAdminWorld, type AdminWorld } from "./admin-page.js";

const TIMEOUT = 240_000;

describe("complaint and repeat-repair customers on arrival", () => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await startAdminWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it("抱怨 alerts every manager's editor, not the desk's, until a manager acknowledges it", { timeout: TIMEOUT }, async () => {
    const { server, advisors, browser } = world;
    const card = (await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { startTime: "11:00", plate: "京D·13579", preparation: { complaint: true } }) })).body.record;
    const manager = await world.open();
    const desk = (await openSignedInPage(browser, server, "/admin", { as: await server.sessionAs("desk") })).page;
    await manager.locator("admin-board").waitFor();
    await desk.locator("admin-board").waitFor();
    expect(await manager.locator("arrival-alerts .alert").count()).toBe(0);

    await server.api(`/api/appointments/${card.id}/arrive`, { method: "POST", json: { version: card.version } });
    const alert = manager.locator(`arrival-alerts .alert[data-id="${card.id}"]`);
    await alert.waitFor();
    expect(await alert.textContent()).toContain("抱怨客户 张伟 先生 京D·13579 已到店，请服务经理出席接待");
    await settled(manager);
    await expectAccessible(manager, "the editor with a complaint alert");
    await screenshotAt(manager, "admin-complaint-alert", ["desk-1366"]);
    // the desk's editor has the same card, marked 抱怨 on the board, but no alert
    await desk.locator(`admin-board [data-card="${card.id}"]`).waitFor();
    expect(await desk.locator("arrival-alerts .alert").count()).toBe(0);

    await alert.getByRole("button", { name: "知道了，我去接待" }).click();
    await alert.waitFor({ state: "detached" });
    const after = (await server.api(`/api/appointments/${card.id}`)).body;
    expect(after.alertAcknowledgedBy).not.toBe("");
    expect(after.alertAcknowledgedAt).not.toBeNull();
  });

  it("返修 alerts the card's own advisor on the phone, not another advisor", { timeout: TIMEOUT }, async () => {
    const { server, advisors, browser } = world;
    const card = (await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { startTime: "11:00", plate: "京D·24680", preparation: { repeatRepair: true } }) })).body.record;
    const own = (await openSignedInPage(browser, server, "/advisor", { as: await server.sessionAs("advisor", { advisorId: advisors[0]! }), viewport: SCREEN_SIZES.phone })).page;
    const other = (await openSignedInPage(browser, server, "/advisor", { as: await server.sessionAs("advisor", { advisorId: advisors[1]! }), viewport: SCREEN_SIZES.phone })).page;
    await own.locator("advisor-card").first().waitFor();
    await other.locator("advisor-day").waitFor();
    await server.api(`/api/appointments/${card.id}/arrive`, { method: "POST", json: { version: card.version } });
    const alert = own.locator(`arrival-alerts .alert[data-id="${card.id}"]`);
    await alert.waitFor();
    expect(await alert.textContent()).toContain("返修客户");
    await settled(own);
    await expectAccessible(own, "the phone with a repeat-repair alert", { enhancedContrast: true });
    await screenshotAt(own, "advisor-repeat-repair-alert", ["phone"]);
    expect(await other.locator("arrival-alerts .alert").count()).toBe(0);
    await alert.getByRole("button").click();
    await alert.waitFor({ state: "detached" });
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ManualClock } from "../helpers/manual-clock.js";
import { dbFingerprint } from "../helpers/db-fingerprint.js";
import { expectAccessible } from "../helpers/axe.js";
import { screenshotAt, settled } from "../helpers/screenshots.js";
import { booking } from "../helpers/test-server.js";
import { startAdminWorld, type AdminWorld } from "./admin-page.js";

const TEN_TWENTY = Date.parse("2026-11-27T02:20:00Z");
const AXE_TIMEOUT = 240_000;

describe("admin: the reception tab and the booking form's job category", () => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await startAdminWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it("lists the late customer with the phone one tap away; 在路上 with minutes, bad minutes named, 改约 opens the form, 取消 cancels", { timeout: AXE_TIMEOUT }, async () => {
    const { server, cardId, advisors } = world;
    const other = (await server.api("/api/appointments", { method: "POST", json: booking(advisors[1]!, { startTime: "10:00", plate: "京B·22222", customerName: "李娜", customerTitle: "ms" }) })).body.record.id as number;
    (server.clock as ManualClock).set(TEN_TWENTY);
    const page = await world.open();
    await page.getByRole("button", { name: "接待", exact: true }).click();
    const row = page.locator(`admin-reception tr[data-id="${cardId}"]`);
    await row.waitFor();
    expect(await row.locator("a.phone").getAttribute("href")).toBe("tel:13810245567");
    // the manager sees the day's reception figures below: table, chart and CSV
    await page.locator("admin-figures tr.total").waitFor();
    expect(await page.locator("admin-figures tr.total").textContent()).toContain("合计");
    expect(await page.locator("admin-figures a[download]").getAttribute("href")).toBe("/api/reception/figures.csv?from=2026-11-27&to=2026-11-27&lang=zh-CN");
    await page.locator("admin-figures svg[role=img]").waitFor();
    await settled(page);
    await expectAccessible(page, "the editor's reception tab");
    await screenshotAt(page, "admin-reception", ["desk-1366", "desk-1920"]);

    // -5 and 10,000 minutes: refused on the form with the field named, and nothing sent
    const before = dbFingerprint(server.db);
    for (const bad of ["-5", "10000"]) {
      await row.getByLabel("预计几分钟到").fill(bad);
      await row.getByRole("button", { name: "在路上" }).click();
      await row.getByRole("alert").filter({ hasText: "预计几分钟到" }).waitFor();
    }
    expect(dbFingerprint(server.db)).toBe(before);
    await row.getByLabel("预计几分钟到").fill("15");
    await row.getByRole("button", { name: "在路上" }).click();
    await expect.poll(async () => (await server.api(`/api/appointments/${cardId}`)).body.expectedAt).toBe("2026-11-27T02:35:00.000Z");
    await row.getByText("在路上 · 预计 10:35 到").waitFor();

    await row.getByRole("button", { name: "改约" }).click();
    await page.locator("admin-booking-form dialog[open]").waitFor();
    await page.locator("admin-booking-form").getByRole("button", { name: "取消", exact: true }).click();

    const otherRow = page.locator(`admin-reception tr[data-id="${other}"]`);
    await otherRow.getByRole("button", { name: "取消预约" }).click();
    await expect.poll(async () => (await server.api(`/api/appointments/${other}`)).body.status).toBe("cancelled");
    await otherRow.waitFor({ state: "detached" });
  });

  it("books with a job category, suggests the advisor who takes it, and warns without blocking on a mismatch", { timeout: AXE_TIMEOUT }, async () => {
    const { server, advisors } = world;
    for (const [id, cats] of [[advisors[0]!, ["maintenance"]], [advisors[1]!, ["body_paint"]]] as const) {
      const a = (await server.api(`/api/advisors/${id}`)).body;
      await server.api(`/api/advisors/${id}`, { method: "PATCH", json: { version: a.version, jobCategories: cats } });
    }
    const page = await world.open();
    await page.getByRole("button", { name: "新建预约" }).click();
    const form = page.locator("admin-booking-form");
    await form.getByLabel("顾客姓名").fill("王芳");
    await form.getByLabel("车牌号").fill("京C12345");
    await form.getByLabel("维修内容").fill("右后门划痕");
    await form.getByLabel("预约时间").fill("14:00");
    await form.getByLabel("服务顾问").selectOption(String(advisors[0]));
    await form.getByLabel("作业类别").selectOption("body_paint");
    await form.getByText("该服务顾问不承接此作业类别").waitFor();
    await form.getByText(/按作业类别推荐：服务顾问 B/).waitFor();
    await settled(page);
    await expectAccessible(page, "the booking form with a job category");
    await screenshotAt(page, "admin-booking-category", ["desk-1366"]);
    await form.getByRole("button", { name: "采用推荐" }).click();
    await expect.poll(() => form.getByText("该服务顾问不承接此作业类别").count()).toBe(0);
    await form.getByRole("button", { name: "预约", exact: true }).click();
    await expect
      .poll(async () => ((await server.api("/api/board?date=2026-11-27")).body.appointments as { plate: string; jobCategory: string; advisorId: number }[]).find((a) => a.plate === "京C·12345"))
      .toMatchObject({ jobCategory: "body_paint", advisorId: advisors[1] });
  });

  it("fits the walk-in form to the desk (the editor's type, not the gate's) and closes it with 返回, blank for the next customer", { timeout: AXE_TIMEOUT }, async () => {
    const page = await world.open();
    await page.getByRole("button", { name: "接待", exact: true }).click();
    const reception = page.locator("admin-reception");
    const form = page.locator("gate-walk-in");
    await reception.getByRole("button", { name: "散客接待" }).click();
    await form.getByLabel("车牌号").fill("京Z12345");
    await form.getByRole("button", { name: "机修" }).click();
    // the editor's 14 px type and compact controls, where the gate has 25 px inputs and 56 px thumb targets
    const size = await form.getByLabel("车牌号").evaluate((el) => {
      const s = getComputedStyle(el);
      return { font: parseFloat(s.fontSize), height: el.getBoundingClientRect().height };
    });
    expect(size.font).toBeLessThanOrEqual(16);
    expect(size.height).toBeLessThan(40);
    const submit = await form.getByRole("button", { name: "接待散客" }).evaluate((el) => el.getBoundingClientRect().height);
    expect(submit).toBeLessThan(44);
    await settled(page);
    await expectAccessible(page, "the editor's walk-in form");
    await screenshotAt(page, "admin-reception-walk-in", ["desk-1366", "desk-1920"]);

    await form.getByRole("button", { name: "返回" }).click();
    await form.waitFor({ state: "detached" });
    expect(((await world.server.api("/api/board?date=2026-11-27")).body.appointments as { walkIn: boolean }[]).some((a) => a.walkIn)).toBe(false);
    await reception.getByRole("button", { name: "散客接待" }).click();
    expect(await form.getByLabel("车牌号").inputValue()).toBe("");
    expect(await form.getByRole("button", { name: "机修" }).getAttribute("aria-pressed")).toBe("false");
  });
});

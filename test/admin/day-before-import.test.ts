import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { booking } from "../helpers/test-server.js";
import { cardSel, startAdminWorld, waitForCell, type AdminWorld } from "./admin-page.js";

const TOMORROW = "2026-11-28";

describe("admin: the day before, import and master data", () => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await startAdminWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it("lists tomorrow's calls with one-click outcomes, parts labels and the customers to report", async () => {
    const { advisors, server } = world;
    const call = await server.api("/api/appointments", {
      method: "POST",
      json: booking(advisors[0]!, { date: TOMORROW, startTime: "09:00", phone: "137 8899 1200", plate: "沪B·D1234", workRequested: "召回升级", preparation: { partsNeeded: true } }),
    });
    await server.api("/api/appointments", {
      method: "POST",
      json: booking(advisors[1]!, { date: TOMORROW, startTime: "14:00", customerName: "朱勇", plate: "京L·4F5G6", workRequested: "上次保养后漏油", preparation: { complaint: true } }),
    });
    const page = await world.open();
    await waitForCell(page, world.cardId, { lane: advisors[0]!, slot: "10:00" });
    await page.getByRole("button", { name: "前一天准备" }).click();

    await expect.poll(async () => (await page.locator("admin-day-before h2").textContent()) ?? "").toContain("2026年11月28日");
    const callRow = page.locator(`admin-day-before .calls tr[data-id="${call.body.record.id}"]`);
    await expect.poll(async () => (await callRow.textContent()) ?? "").toContain("137 8899 1200");
    expect(await page.locator("admin-day-before .label").allTextContents()).toEqual([expect.stringMatching(/沪B·D1234.*2026-11-28 09:00.*召回升级/)]);
    expect(await page.locator("admin-day-before .report").textContent()).toMatch(/抱怨客户[\s\S]*朱勇[\s\S]*上次保养后漏油/);

    await callRow.getByRole("button", { name: "已确认" }).click();
    await expect.poll(async () => (await server.api(`/api/appointments/${call.body.record.id}`)).body.status).toBe("confirmed");
    await expect.poll(() => callRow.count()).toBe(0);
    // total, confirmed, parts ready of those needing parts, bay reserved
    await expect.poll(() => page.locator("admin-day-before .readiness tr.total td").allTextContents()).toEqual(["合计", "2", "1/2", "0/1", "0/2"]);
  });

  it("previews a CSV naming each bad row and saves nothing until all rows are good, then imports them all", async () => {
    const { server } = world;
    const page = await world.open();
    await waitForCell(page, world.cardId, { lane: world.advisors[0]!, slot: "10:00" });
    await page.getByRole("button", { name: "导入" }).click();
    const bad = ["预约日期,预约时间,服务顾问,客户姓名,车牌号,维修内容", "2026/11/27,9:00,服务顾问 B,李强,京N8K2L1,刹车异响", "2026/11/27,9:00,服务顾问 Z,王芳,京B·D12345,空调"].join("\r\n");
    await page.locator("admin-import input[type=file]").setInputFiles({ name: "dms.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    const badRow = page.locator(`admin-import tr.bad[data-line="3"]`);
    await expect.poll(async () => (await badRow.textContent()) ?? "").toContain("没有名为「服务顾问 Z」的服务顾问");
    expect(await page.locator("admin-import tr.bad").count()).toBe(1);
    expect(await page.locator("admin-import button").isDisabled()).toBe(true);
    expect((await server.api("/api/board?date=2026-11-27")).body.appointments).toHaveLength(1);

    const good = bad.replace("服务顾问 Z", "服务顾问 A");
    await page.locator("admin-import input[type=file]").setInputFiles({ name: "dms.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await expect.poll(() => page.locator("admin-import tr.bad").count()).toBe(0);
    await page.locator("admin-import button").click();
    await expect.poll(async () => (await server.api("/api/board?date=2026-11-27")).body.appointments.length).toBe(3);
    const plates = (await server.api("/api/board?date=2026-11-27")).body.appointments.map((a: { plate: string }) => a.plate);
    expect(plates).toEqual(expect.arrayContaining(["京N·8K2L1", "京B·D12345"]));
  });

  it("saves an advisor's days on duty, and the board marks a card on a day off", async () => {
    const { advisors, cardId, server } = world;
    const page = await world.open();
    await waitForCell(page, cardId, { lane: advisors[0]!, slot: "10:00" });
    expect(await page.locator(`${cardSel(cardId)}.warn`).count()).toBe(0);
    await page.getByRole("button", { name: "基础数据与规则" }).click();
    const form = page.locator(`admin-master-data form[data-form="advisor-${advisors[0]}"]`);
    // 2026-11-27 is a Friday
    await form.locator(`input[name="day-5"]`).uncheck();
    await form.getByRole("button", { name: "保存" }).click();
    await expect.poll(async () => (await server.api(`/api/advisors/${advisors[0]}`)).body.daysOnDuty).toEqual([0, 1, 2, 3, 4, 6]);
    await page.getByRole("button", { name: "预约板" }).click();
    await expect.poll(async () => (await page.locator(cardSel(cardId)).getAttribute("title")) ?? "").toContain("服务顾问当天不当班");
  });

  it("prints the day sheet without the editor's controls", async () => {
    const page = await world.open();
    await waitForCell(page, world.cardId, { lane: world.advisors[0]!, slot: "10:00" });
    await page.getByRole("button", { name: "当日打印单" }).click();
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("admin-app header").isVisible()).toBe(false);
    expect(await page.locator("admin-day-sheet button").isVisible()).toBe(false);
    expect(await page.locator("admin-day-sheet tbody tr").allTextContents()).toEqual([expect.stringMatching(/10:00.*服务顾问 A.*张伟 先生.*138 1024 5567.*京A·12345.*1万公里保养.*已预约/s)]);
  });

  it("refuses bad rules with the field's message and changes nothing", async () => {
    const { server } = world;
    const page = await world.open();
    await waitForCell(page, world.cardId, { lane: world.advisors[0]!, slot: "10:00" });
    await page.getByRole("button", { name: "基础数据与规则" }).click();
    const form = page.locator(`admin-master-data form[data-form="settings"]`);
    await form.locator(`input[name="noShowAfterMinutes"]`).fill("5");
    await form.getByRole("button", { name: "保存" }).click();
    await expect.poll(async () => (await form.locator(".error").textContent()) ?? "").toContain("爽约时间须大于延时宽限");
    expect(await form.locator(".error").textContent(), "the field by its label, not its API name").toContain("超过多少分钟算爽约");
    expect((await server.api("/api/settings")).body.noShowAfterMinutes).not.toBe(5);
  });
});

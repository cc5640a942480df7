import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startAdminWorld, type AdminWorld } from "../admin/admin-page.js";

async function openDevices(page: Page): Promise<void> {
  await page.locator("admin-toolbar nav button").filter({ hasText: "店长控制台" }).click();
  await page.locator("admin-console nav button").filter({ hasText: "设备与接口" }).click();
}

/** Leaves the section and comes back, so its lists are read again. */
async function reopen(page: Page): Promise<void> {
  await page.locator("admin-console nav button").filter({ hasText: "人员账号" }).click();
  await page.locator("admin-console nav button").filter({ hasText: "设备与接口" }).click();
}

async function text(page: Page, selector: string): Promise<string> {
  const found = page.locator(selector);
  return (await found.count()) === 0 ? "" : ((await found.first().textContent()) ?? "").replace(/\s+/g, " ").trim();
}

describe("console: devices and integrations", () => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await startAdminWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it("creates an API token shown once, lists when it was last used, and revoking it shuts it out at once", async () => {
    const { server } = world;
    const admin = await world.open();
    await admin.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    await openDevices(admin);
    const form = admin.locator("admin-tokens form[data-form='token-new']");
    await form.locator("input[name='name']").fill("DMS 对接");
    await form.locator("select[name='role']").selectOption("desk");
    await form.getByRole("button", { name: "生成令牌" }).click();
    const secretInput = admin.locator("admin-tokens admin-secret-once input.secret");
    await expect.poll(() => secretInput.count()).toBe(1);
    const secret = await secretInput.inputValue();
    expect(secret).toMatch(/^mbt_[A-Za-z0-9_-]{43}$/);
    await admin.locator("admin-tokens admin-secret-once").getByRole("button", { name: "复制令牌" }).click();
    await expect.poll(() => admin.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    const row = admin.locator("admin-tokens tbody tr").filter({ hasText: "DMS 对接" });
    await expect.poll(() => text(admin, `admin-tokens tbody tr [data-cell="lastUsed"]`)).toBe("从未使用");
    expect(await row.textContent()).toContain("前台");
    // the list never holds the secret
    expect(JSON.stringify((await server.api("/api/tokens")).body)).not.toContain(secret);

    const bearer = (s: string) => fetch(`${server.url}/api/board?date=2026-11-27`, { headers: { authorization: `Bearer ${s}` } }).then((r) => r.status);
    expect(await bearer(secret)).toBe(200);
    await admin.locator("admin-tokens admin-secret-once").getByRole("button", { name: "我已保存令牌" }).click();
    await reopen(admin);
    await expect.poll(() => text(admin, `admin-tokens tbody tr [data-cell="lastUsed"]`)).toBe("2026-11-27 09:00");

    const socket = await server.client("staff", { as: "anonymous", auth: { token: secret } });
    const gone = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    await row.getByRole("button", { name: "撤销" }).click();
    await row.getByRole("alertdialog").getByRole("button", { name: "确定撤销" }).click();
    await expect.poll(() => text(admin, `admin-tokens tbody tr [data-cell="status"]`)).toBe("已撤销");
    expect(await gone).toBe("io server disconnect");
    expect(await bearer(secret)).toBe(401);
    expect(await row.getByRole("button", { name: "撤销" }).count()).toBe(0);
  });

  it("refuses a token without a name, naming the field, and creates none", async () => {
    const { server } = world;
    const admin = await world.open();
    await openDevices(admin);
    await admin.locator("admin-tokens form[data-form='token-new']").getByRole("button", { name: "生成令牌" }).click();
    await expect.poll(() => text(admin, "admin-tokens form .error")).toContain("名称");
    expect((await server.api("/api/tokens")).body).toEqual([]);
  });

  it("shows each paired TV's reconnects today and its last heartbeat round trip", async () => {
    const { server } = world;
    const paired = (await server.api("/api/displays", { method: "POST", json: { name: "大厅屏", visibility: "public", language: "zh-CN", advisorIds: [] } })).body as { secret: string };
    // a TV whose link dropped once: two connections today
    const first = await server.client("display", { auth: { key: paired.secret } });
    first.disconnect();
    await server.client("display", { auth: { key: paired.secret } });
    type Status = { name: string; online: boolean; reconnectsToday: number; rttMs: number | null };
    const status = async () => ((await server.api("/api/displays")).body as Status[])[0]!;
    await expect.poll(async () => (await status()).online).toBe(true);
    expect((await status()).reconnectsToday).toBe(1);
    // the server pings every 10 s; the TV's pong gives the round trip
    await expect.poll(async () => (await status()).rttMs, { timeout: 20_000, interval: 500 }).not.toBeNull();

    const admin = await world.open();
    await openDevices(admin);
    const row = `admin-displays tbody tr[data-display]`;
    await expect.poll(() => text(admin, `${row} [data-cell="reconnects"]`)).toBe("1");
    expect(await text(admin, `${row} [data-cell="rtt"]`)).toMatch(/^\d+ 毫秒$/);
  });
});

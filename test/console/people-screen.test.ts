import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signInContext } from "../helpers/browser-login.js";
import { startAdminWorld, type AdminWorld } from "../admin/admin-page.js";

async function openConsole(page: Page, section: "人员账号" | "设备与接口" = "人员账号"): Promise<void> {
  await page.locator("admin-toolbar nav button").filter({ hasText: "店长控制台" }).click();
  await page.locator("admin-console nav button").filter({ hasText: section }).click();
}

const rowOf = (page: Page, username: string) => page.locator("admin-people tbody tr").filter({ has: page.locator(`[data-cell="username"]`, { hasText: new RegExp(`^${username}$`) }) });

async function cell(page: Page, username: string, name: string): Promise<string> {
  const found = rowOf(page, username).locator(`[data-cell="${name}"]`);
  return (await found.count()) === 0 ? "" : ((await found.textContent()) ?? "").replace(/\s+/g, " ").trim();
}

/** Creates an account through the people form; returns the one-time password the screen showed. */
async function createThroughForm(page: Page, name: string, username: string, role: string): Promise<string> {
  const form = page.locator("admin-people form[data-form='account-new']");
  await form.locator("input[name='displayName']").fill(name);
  await form.locator("input[name='username']").fill(username);
  await form.locator("select[name='role']").selectOption(role);
  await form.getByRole("button", { name: "创建并生成一次性密码" }).click();
  const shown = page.locator("admin-people admin-secret-once input.secret");
  await expect.poll(() => shown.count()).toBe(1);
  return shown.inputValue();
}

describe("console: people", () => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await startAdminWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it("creates an account whose one-time password is shown once, copied, works once, and must be changed", async () => {
    const { server } = world;
    const admin = await world.open();
    await admin.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    await openConsole(admin);
    // the manager's own row: the last active manager, said so on the row
    await expect.poll(() => cell(admin, "admin", "why")).toContain("唯一在用的店长");

    const password = await createThroughForm(admin, "李娜", "lina", "desk");
    expect(password).toMatch(/^[A-Za-z2-9]{12}$/);
    const box = admin.locator("admin-people admin-secret-once");
    expect(await box.locator("[role='status']").textContent()).toContain("只显示这一次");
    await box.getByRole("button", { name: "复制密码" }).click();
    await expect.poll(() => admin.evaluate(() => navigator.clipboard.readText())).toBe(password);
    await expect.poll(() => cell(admin, "lina", "lastSignIn")).toBe("从未登录");
    expect(await cell(admin, "lina", "state")).toContain("待改一次性密码");

    const accounts = (await server.api("/api/accounts")).body as { username: string; role: string; mustChangePassword: boolean }[];
    expect(accounts).toContainEqual(expect.objectContaining({ username: "lina", role: "desk", mustChangePassword: true }));

    // the password works, and only for changing it
    const first = await server.signIn("lina", password);
    expect((await server.api("/api/board?date=2026-11-27", { as: first })).status).toBe(403);

    await box.getByRole("button", { name: "我已交给本人" }).click();
    await expect.poll(() => admin.locator("admin-people admin-secret-once").count()).toBe(0);
    await admin.reload();
    await openConsole(admin);
    // the site's clock reads 09:00 in Shanghai; the browser sits in New York
    await expect.poll(() => cell(admin, "lina", "lastSignIn")).toBe("2026-11-27 09:00");
    expect(await admin.locator("admin-app").evaluate((el) => el.shadowRoot?.innerHTML ?? "")).not.toContain(password);
  });

  it("disabling someone ends their open editor's session at once; enabling lets them sign in again", async () => {
    const { server } = world;
    const desk = await server.sessionAs("desk", { username: "qianqian" });
    const deskContext = await world.browser.newContext({ viewport: { width: 1366, height: 768 } });
    try {
      const deskPage = await deskContext.newPage();
      await signInContext(deskContext, server, desk);
      await deskPage.goto(server.url + "/admin");
      const status = deskPage.locator("admin-toolbar .status");
      await expect.poll(async () => (await status.textContent()) ?? "", { timeout: 10_000 }).toBe("实时同步中");

      const admin = await world.open();
      await openConsole(admin);
      const row = rowOf(admin, "qianqian");
      await row.getByRole("button", { name: "停用" }).click();
      await row.getByRole("alertdialog").getByRole("button", { name: /停用/ }).click();
      await expect.poll(() => cell(admin, "qianqian", "state")).toBe("已停用");

      await expect.poll(async () => (await status.textContent()) ?? "", { timeout: 10_000 }).toContain("连接中断");
      expect(await deskPage.evaluate(async () => (await fetch("/api/auth/session")).status)).toBe(401);
      const refused = await server.api("/api/auth/login", { method: "POST", json: { username: "qianqian", password: "own-qianqian-pw" }, as: "anonymous" });
      expect(refused.status).toBe(401);

      await rowOf(admin, "qianqian").getByRole("button", { name: "启用" }).click();
      await expect.poll(() => cell(admin, "qianqian", "state")).toBe("启用");
      expect((await server.signIn("qianqian", "own-qianqian-pw")).username).toBe("qianqian");
    } finally {
      await deskContext.close();
    }
  });

  it("the last active manager cannot be demoted or disabled and the row says why; with a second manager it can", async () => {
    const { server } = world;
    const admin = await world.open();
    await openConsole(admin);
    const own = rowOf(admin, "admin");
    await expect.poll(() => cell(admin, "admin", "why")).toContain("请先把另一个账号设为店长");
    expect(await own.locator("select[name='role']").isDisabled()).toBe(true);
    expect(await own.getByRole("button", { name: "停用" }).isDisabled()).toBe(true);
    // what the disabled controls point at is the reason
    const described = await own.getByRole("button", { name: "停用" }).getAttribute("aria-describedby");
    expect(await own.locator(`#${described}`).textContent()).toContain("唯一在用的店长");

    await createThroughForm(admin, "周店长", "zhou", "manager");
    await admin.locator("admin-people admin-secret-once").getByRole("button", { name: "我已交给本人" }).click();
    await expect.poll(() => own.locator("select[name='role']").isDisabled()).toBe(false);
    expect(await cell(admin, "admin", "why")).toBe("");

    // demote the other one back: the manager is the last again, and the server says so too if asked directly
    const zhou = rowOf(admin, "zhou");
    await zhou.locator("select[name='role']").selectOption("desk");
    await zhou.getByRole("button", { name: "保存角色" }).click();
    await expect.poll(() => own.locator("select[name='role']").isDisabled()).toBe(true);
    const me = ((await server.api("/api/accounts")).body as { id: number; username: string; version: number }[]).find((a) => a.username === "admin")!;
    const refused = await server.api(`/api/accounts/${me.id}`, { method: "PATCH", json: { version: me.version, active: false } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.field).toBe("active");
  });

  it("an advisor added in master data is offered a phone account, created linked to them, and shown on both sides", async () => {
    const { server } = world;
    const admin = await world.open();
    await admin.locator("admin-toolbar nav button").filter({ hasText: "基础数据与规则" }).click();
    const form = admin.locator("admin-master-data form[data-form='advisor-new']");
    await form.locator("input[name='name']").fill("王五");
    await form.getByRole("button", { name: "添加" }).click();
    const offer = admin.locator("admin-master-data .offer");
    await expect.poll(async () => (await offer.count()) === 0 ? "" : await offer.textContent(), { timeout: 10_000 }).toContain("王五");
    await offer.getByRole("button", { name: "创建手机账号" }).click();

    const create = admin.locator("admin-people form[data-form='account-new']");
    await expect.poll(() => create.locator("input[name='displayName']").inputValue()).toBe("王五");
    expect(await create.locator("select[name='role']").inputValue()).toBe("advisor");
    const advisorId = Number(await create.locator("select[name='advisorId']").inputValue());
    const advisors = (await server.api("/api/advisors")).body as { id: number; name: string }[];
    expect(advisors.find((a) => a.id === advisorId)?.name).toBe("王五");
    await create.locator("input[name='username']").fill("wangwu");
    await create.getByRole("button", { name: "创建并生成一次性密码" }).click();
    await expect.poll(() => cell(admin, "wangwu", "advisor")).toBe("王五");
    const made = ((await server.api("/api/accounts")).body as { username: string; role: string; advisorId: number | null }[]).find((a) => a.username === "wangwu");
    expect(made).toEqual(expect.objectContaining({ role: "advisor", advisorId }));

    // and from the advisor's side
    await admin.locator("admin-toolbar nav button").filter({ hasText: "基础数据与规则" }).click();
    const phone = admin.locator(`admin-master-data form[data-form='advisor-${advisorId}'] [data-cell="phone"]`);
    await expect.poll(async () => ((await phone.count()) === 0 ? "" : await phone.textContent()) ?? "").toContain("wangwu");
  });

  it("refuses an account without a username, naming the field, and creates nothing", async () => {
    const { server } = world;
    const admin = await world.open();
    await openConsole(admin);
    const form = admin.locator("admin-people form[data-form='account-new']");
    await form.locator("input[name='displayName']").fill("无名");
    await form.getByRole("button", { name: "创建并生成一次性密码" }).click();
    await expect.poll(async () => (await admin.locator("admin-people form .error").textContent()) ?? "").toContain("用户名");
    expect(await admin.locator("admin-people admin-secret-once").count()).toBe(0);
    expect(((await server.api("/api/accounts")).body as unknown[]).length).toBe(1);
  });

  it("shows a desk account a note instead of the console, and asks the server for nothing it would refuse", async () => {
    const { server } = world;
    const desk = await server.sessionAs("desk");
    const context = await world.browser.newContext({ viewport: { width: 1366, height: 768 } });
    try {
      const page = await context.newPage();
      const asked: string[] = [];
      page.on("request", (r) => asked.push(new URL(r.url()).pathname));
      await signInContext(context, server, desk);
      await page.goto(server.url + "/admin");
      await page.locator("admin-toolbar nav button").filter({ hasText: "店长控制台" }).click();
      await expect.poll(async () => (await page.locator("admin-console .note").count()) === 0 ? "" : await page.locator("admin-console .note").textContent()).toContain("只有店长");
      expect(asked.filter((p) => p === "/api/accounts" || p === "/api/tokens")).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

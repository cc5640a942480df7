import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { booking } from "../helpers/test-server.js";
import { runAxe, targetPath } from "../helpers/axe.js";
import { cardTexts, waitForCard } from "../display/display-page.js";
import { DIRECTOR, startGroupWorld, type GroupWorld, type Slug } from "./group-world.js";

const FIGURES = ["total", "arrived", "late", "noShow", "completed"] as const;

/** A store's row as the page shows it: its name and each figure, read off the cells. */
async function rowOf(page: Page, slug: Slug | "total") {
  const row = page.locator(slug === "total" ? "group-stores tr[data-total]" : `group-stores tr[data-site="${slug}"]`);
  const figures = { total: 0, arrived: 0, late: 0, noShow: 0, completed: 0 };
  for (const f of FIGURES) figures[f] = Number(await row.locator(`td[data-figure="${f}"] .v`).textContent());
  const name = ((await row.locator("th").textContent()) ?? "").trim();
  return { name, figures };
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.locator("group-login input[name=username]").fill(username);
  await page.locator("group-login input[name=password]").fill(password);
  await page.locator("group-login button[type=submit]").click();
}

/** How far the page reaches past the viewport's right edge, px (0: nothing to scroll sideways). */
const overflowX = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe("the group director's page /group, in Chromium", () => {
  let world: GroupWorld;
  beforeAll(async () => {
    world = await startGroupWorld();
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it("signs in, naming the field left empty and refusing a wrong password, then lists both stores with the figures of their boards", async () => {
    const { page } = await world.open("/group");
    await page.locator("group-login button[type=submit]").click();
    const username = page.locator("group-login input[name=username]");
    const password = page.locator("group-login input[name=password]");
    await expect.poll(() => page.locator("group-login #username-error").textContent()).toBe("请填写用户名");
    expect(await page.locator("group-login #password-error").textContent()).toBe("请填写密码");
    expect(await username.getAttribute("aria-invalid")).toBe("true");
    expect(await username.getAttribute("aria-describedby")).toBe("username-error");

    await username.fill(DIRECTOR.username);
    await page.locator("group-login button[type=submit]").click();
    await expect.poll(() => page.locator("group-login #password-error").count()).toBe(1);
    expect(await page.locator("group-login #username-error").count()).toBe(0);
    expect(await username.getAttribute("aria-invalid")).toBe("false");

    await signIn(page, DIRECTOR.username, "not-the-password");
    await expect.poll(() => page.locator("group-login [role=alert]").textContent()).toContain("用户名或密码错误");
    expect(await password.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("group-stores").count()).toBe(0);

    await signIn(page, DIRECTOR.username, DIRECTOR.password);
    await page.locator('group-stores tr[data-site="b"]').waitFor();
    expect(await page.locator("group-app header").textContent()).toContain("张总");
    for (const slug of ["a", "b"] as const) expect(await rowOf(page, slug)).toEqual({ name: expect.stringContaining(world.stores[slug].name), figures: world.stores[slug].figures });
    const sum = Object.fromEntries(FIGURES.map((f) => [f, world.stores.a.figures[f] + world.stores.b.figures[f]]));
    expect((await rowOf(page, "total")).figures).toEqual(sum);

    // the same figures as each store's own board says them, read by the director through the store's API
    const cookie = await world.directorCookie();
    for (const slug of ["a", "b"] as const) {
      const board = await world.group.api(`/s/${slug}/api/board?date=2026-11-27`, { cookie });
      expect(board.status).toBe(200);
      const cards = board.body.appointments as { status: string }[];
      expect(cards.length).toBe(world.stores[slug].figures.total);
      expect(cards.filter((c) => c.status === "no_show").length).toBe(world.stores[slug].figures.noShow);
      expect(cards.filter((c) => c.status === "completed").length).toBe(world.stores[slug].figures.completed);
    }
  });

  it("opens a store's TV and its read-only board from the store's row", async () => {
    const { page } = await world.open("/group", { cookie: await world.directorCookie() });
    const row = page.locator('group-stores tr[data-site="a"]');
    await row.waitFor();
    expect(await row.locator('a[data-link="display"]').getAttribute("href")).toBe("/s/a/display");

    await row.locator('a[data-link="display"]').click();
    await page.waitForURL(`${world.group.url}/s/a/display`);
    await waitForCard(page, "10:00");
    expect((await cardTexts(page)).every((t) => !t.includes("李"))).toBe(true);

    await page.goBack();
    await page.locator('group-stores tr[data-site="b"] a[data-link="admin"]').click();
    await page.waitForURL(`${world.group.url}/s/b/admin`);
    await page.locator(`admin-board .tile[data-card="${world.stores.b.ten}"]`).waitFor();
    expect(await page.locator("admin-toolbar [data-read-only]").count()).toBe(1);
    expect(await page.locator("admin-board .tile").filter({ hasText: "王" }).count()).toBe(0);
  });

  it("reads the stores again every 30 s by itself, and signs out", async () => {
    const { page, context } = await world.open(null, { cookie: await world.directorCookie() });
    await context.clock.install();
    await page.goto(`${world.group.url}/group`);
    await page.locator('group-stores tr[data-site="b"]').waitFor();
    const before = (await rowOf(page, "b")).figures.total;

    const created = await world.api("b", "/appointments", { method: "POST", json: booking(world.stores.b.advisor.id, { startTime: "15:00", customerName: "李四", plate: "沪B·20009" }) });
    expect(created.status).toBe(201);
    await page.clock.runFor(29_000);
    expect((await rowOf(page, "b")).figures.total).toBe(before);
    await page.clock.runFor(1_500);
    await expect.poll(async () => (await rowOf(page, "b")).figures.total).toBe(before + 1);
    // one timer at a time: a further 30 s reads once more, not once per earlier read
    const reads: string[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith("/group/api/sites")) reads.push(r.url());
    });
    await page.clock.runFor(30_500);
    await expect.poll(() => reads.length).toBe(1);

    await page.locator('group-app button[data-action="sign-out"]').click();
    await page.locator("group-login input[name=username]").waitFor();
    await page.reload();
    await page.locator("group-login input[name=username]").waitFor();
    expect(await page.locator("group-stores").count()).toBe(0);
  });

  it("fits a desk from 1366 to 1920 wide and a phone, speaks English when asked, and has no serious or critical axe finding", async () => {
    const cookie = await world.directorCookie();
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 1366, height: 768 },
      { width: 390, height: 844 },
    ]) {
      const { page } = await world.open("/group", { cookie, viewport });
      await page.locator('group-stores tr[data-site="b"]').waitFor();
      expect(await overflowX(page), `${viewport.width} wide`).toBeLessThanOrEqual(0);
      // every figure and both links of every store on screen, none cut off sideways
      const cut = await page.evaluate(() => {
        const root = document.querySelector("group-app")!.shadowRoot!.querySelector("group-stores")!.shadowRoot!;
        return [...root.querySelectorAll("td[data-figure] .v, td.links a, tbody th")]
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.width === 0 || r.left < 0 || r.right > window.innerWidth;
          })
          .map((el) => el.textContent);
      });
      expect(cut, `${viewport.width} wide`).toEqual([]);
      const axe = await runAxe(page);
      expect(axe.blocking.map((r) => `${r.id}: ${r.nodes.map(targetPath).join(", ")}`), `${viewport.width} wide`).toEqual([]);
      expect(axe.passed).toContain("color-contrast");
    }

    const { page } = await world.open("/group", { cookie, viewport: { width: 390, height: 844 } });
    await page.locator('group-stores tr[data-site="b"]').waitFor();
    await page.locator('group-app button[data-action="language"]').click();
    await expect.poll(() => page.locator("group-app h1").textContent()).toBe("Group stores");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await expect.poll(() => page.locator("group-stores thead th").allTextContents()).toEqual(["Store", "Today's cards", "Arrived", "Late, not here", "No-shows", "Completed", "Open"]);
    const axe = await runAxe(page);
    expect(axe.blocking.map((r) => `${r.id}: ${r.nodes.map(targetPath).join(", ")}`)).toEqual([]);
  });
});

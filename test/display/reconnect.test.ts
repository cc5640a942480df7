import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, openPage } from "../helpers/browser.js";
import { booking, startTestServer, type TestServer } from "../helpers/test-server.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { appText, waitForCard } from "./display-page.js";

const MID_MORNING = Date.parse("2026-11-27T02:40:00Z");

describe("the display when the server goes away", () => {
  let browser: Browser;
  let dir: string;
  const servers: TestServer[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    dir = mkdtempSync(path.join(tmpdir(), "magboard-display-"));
  });
  afterAll(async () => {
    await browser?.close();
    for (const s of servers) await s.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it("says so within seconds, greys, then catches up with what changed while it was down, without a reload", async () => {
    const file = path.join(dir, "board.sqlite");
    const staticDir = inject("pagesDir");
    const first = await startTestServer({ file, sample: true, clock: new ManualClock(MID_MORNING), staticDir });
    const port = Number(new URL(first.url).port);
    const { page, context } = await openPage(browser, `${first.url}/display`);
    await waitForCard(page, "已到店");
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const advisor = (await first.api("/api/advisors")).body[0].id as number;

    await first.close();
    await expect.poll(() => appText(page), { timeout: 15_000, interval: 100 }).toContain("连接中断 · 显示 10:40 的数据");
    expect(await page.evaluate(() => document.querySelector("display-app")!.hasAttribute("lost"))).toBe(true);

    // while this display is cut off, someone books through another server on the same database
    const meanwhile = await startTestServer({ file, clock: new ManualClock(MID_MORNING + 60_000) });
    servers.push(meanwhile);
    const made = await meanwhile.api("/api/appointments", { method: "POST", json: booking(advisor, { startTime: "15:00", customerName: "欧阳修", plate: "京B·13579" }) });
    expect(made.status).toBe(201);
    await meanwhile.close();
    servers.pop();

    const back = await startTestServer({ file, clock: new ManualClock(MID_MORNING + 120_000), staticDir, port });
    servers.push(back);
    const card = await waitForCard(page, "欧** 先生", 30_000);
    expect(card).toContain("15:00");
    await expect.poll(() => appText(page), { timeout: 10_000 }).not.toContain("连接中断");
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await page.evaluate(() => document.querySelector("display-app")!.hasAttribute("lost"))).toBe(false);

    // and it is live again: a change now arrives as a patch
    await back.api(`/api/appointments/${made.body.record.id}/arrive`, { method: "POST", json: { version: 1 } });
    await waitForCard(page, /15:00.*已到店/);
    await context.close();
  });
});

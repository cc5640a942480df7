import { expect, inject } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser.js";
import { openSignedInPage } from "../helpers/browser-login.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { startTestServer, type Session, type TestServer } from "../helpers/test-server.js";
import { SCREEN_SIZES } from "../helpers/screenshots.js";
import { gbk, importRegister, realisticRegister } from "./register-fixture.js";

/** 10:00 in Shanghai on 2026-12-01: December's maintenance list is made that morning. */
export const CALL_IN_MORNING = Date.parse("2026-12-01T02:00:00Z");

export interface CallInScreens {
  browser: Browser;
  server: TestServer;
  /** A service-desk (客服) account. */
  kefu: Session;
}

/** Chromium and a server with the busy day on the board, a register of 3,000 cars (GBK, as Excel saves it) and December's maintenance list. */
export async function startCallInScreens(): Promise<CallInScreens> {
  const browser = await launchBrowser();
  const server = await startTestServer({ sample: "busy", clock: new ManualClock(CALL_IN_MORNING), staticDir: inject("pagesDir") });
  expect((await importRegister(server, gbk(realisticRegister(3_000)))).status).toBe(200);
  await server.api("/api/call-lists/regular_maintenance/generate", { method: "POST", json: {} });
  const kefu = await server.sessionAs("service_desk", { username: "kefu" });
  return { browser, server, kefu };
}

/** The editor signed in as `as`, on the tab named `name`, once `ready` is drawn. */
export async function openTab(s: CallInScreens, name: string, ready: string, as: Session = s.kefu, viewport: { width: number; height: number } = SCREEN_SIZES["desk-1366"]): Promise<Page> {
  const { page } = await openSignedInPage(s.browser, s.server, "/admin", { as, viewport });
  await page.locator("admin-toolbar nav button").filter({ hasText: name }).click();
  await page.locator(ready).first().waitFor({ timeout: 20_000 });
  return page;
}

import { afterAll, afterEach, beforeAll, inject } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { FULL_HD, launchBrowser, openPage, type Viewport } from "../helpers/browser.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { ManualClock } from "../helpers/manual-clock.js";
import type { FixtureName } from "../../shared/schemas/sample.js";

/** 10:40 in Asia/Shanghai on 2026-11-27: in the sample day some cards are done, some arrived, two late, the rest to come. */
export const MID_MORNING = Date.parse("2026-11-27T02:40:00Z");

export interface DisplayFixture {
  /** The server of the running test. */
  readonly server: TestServer;
  readonly clock: ManualClock;
  /** A real server around a fresh in-memory database, with the sample day unless told otherwise (false, or a busier fixture by name). */
  start(opts?: { clock?: ManualClock; sample?: boolean | FixtureName }): Promise<TestServer>;
  /** A new browser context at a TV's size, on `path` of the server (or about:blank when null). */
  page(path: string | null, opts?: { viewport?: Viewport; init?: () => void }): Promise<{ page: Page; context: BrowserContext }>;
}

/**
 * One Chromium per test file; each test starts its own server and pages, closed after it.
 * Call at the top of a describe block.
 */
export function useDisplay(): DisplayFixture {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  let clock: ManualClock | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    await server?.close();
    server = undefined;
  });

  return {
    get server() {
      if (!server) throw new Error("start() the server first");
      return server;
    },
    get clock() {
      if (!clock) throw new Error("start() the server first");
      return clock;
    },
    async start(opts = {}) {
      clock = opts.clock ?? new ManualClock(MID_MORNING);
      server = await startTestServer({ sample: opts.sample ?? true, clock, staticDir: inject("pagesDir") });
      return server;
    },
    async page(path, opts = {}) {
      if (!browser) throw new Error("the browser is not up");
      const url = path === null ? "about:blank" : this.server.url + path;
      const opened = await openPage(browser, url, opts.viewport ?? FULL_HD, opts.init);
      contexts.push(opened.context);
      return opened;
    },
  };
}

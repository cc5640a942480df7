import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { io as connect } from "socket.io-client";
import { STAFF_NAMESPACE } from "../../shared/protocol.js";
import { t } from "../../shared/i18n/messages.js";
import { launchBrowser, openPage } from "../helpers/browser.js";
import { startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from "../helpers/test-server.js";

/**
 * A page on a sibling subdomain, or a path of the same host, can plant a cookie named
 * `magboard_session` beside ours (cookie tossing), to sign the victim into the attacker's session.
 * A request with two of them is refused, whichever order the browser sends them in.
 */
let server: TestServer;
let other: string;

beforeAll(async () => {
  server = await startTestServer();
  other = (await server.sessionAs("desk")).cookie;
});
afterAll(async () => {
  await server.close();
});

describe("two magboard_session cookies in one request", () => {
  it("are refused on every call, sign-in included, with the reason; one cookie alone still works", async () => {
    const mine = server.manager.cookie;
    const junk = "magboard_session=s_" + "x".repeat(43);
    for (const cookie of [`${mine}; ${other}`, `${other}; ${mine}`, `${junk}; ${mine}`, `${mine}; ${mine}`]) {
      for (const call of [
        { path: "/api/board?date=2026-11-27" },
        { path: "/api/auth/session" },
        { path: "/api/auth/login", method: "POST", json: { username: "admin", password: TEST_ADMIN_PASSWORD } },
      ]) {
        const { path, ...init } = call;
        const res = await server.api(path, { ...init, as: "anonymous", headers: { cookie } });
        expect(res.status, `${path} with ${cookie.length} chars of cookies`).toBe(401);
        expect(res.body.error).toMatchObject({ code: "unauthorized", field: "cookie" });
        expect(res.headers.getSetCookie()).toEqual([]);
      }
    }
    expect((await server.api("/api/board?date=2026-11-27", { as: "anonymous", headers: { cookie: `theme=dark; ${mine}; lang=en` } })).status).toBe(200);
  });

  it("open no staff socket", async () => {
    const socket = connect(server.url + STAFF_NAMESPACE, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      extraHeaders: { cookie: `${server.manager.cookie}; ${other}` },
    });
    const outcome = await new Promise<string>((resolve) => {
      socket.once("connect", () => resolve("connected"));
      socket.once("connect_error", (e) => resolve(e.message));
    });
    socket.disconnect();
    expect(outcome).toBe("unauthorized");
  });
});

describe("the sign-in form with a planted cookie", () => {
  let browser: Browser;
  let pages: TestServer;
  beforeAll(async () => {
    browser = await launchBrowser();
    pages = await startTestServer({ staticDir: inject("pagesDir"), signIn: false });
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
  });

  it("says what is wrong and what to do, instead of 'wrong password'", async () => {
    const { context, page } = await openPage(browser, "about:blank");
    // a more specific path is sent first: the attacker's cookie would win a first-one-counts parser
    await context.addCookies([{ name: "magboard_session", value: "s_" + "a".repeat(43), url: `${pages.url}/api/`, httpOnly: true }]);
    await context.addCookies([{ name: "magboard_session", value: "s_" + "b".repeat(43), url: pages.url, httpOnly: true }]);
    await page.goto(`${pages.url}/admin`);
    await page.locator("staff-login input[name=username]").fill("admin");
    await page.locator("staff-login input[name=password]").fill(TEST_ADMIN_PASSWORD);
    await page.locator("staff-login button[type=submit]").click();
    await expect.poll(() => page.locator("staff-login [role=alert]").textContent()).toBe(t("zh-CN", "login.cookies"));
  });
});

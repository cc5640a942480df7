import type { Browser, BrowserContext, Page } from "playwright-core";
import { FULL_HD, openPage, type Viewport } from "./browser.js";
import type { Session, TestServer } from "./test-server.js";

/**
 * Browser tests of staff pages (/admin, /advisor) start signed in. The session cookie is httpOnly,
 * so no page script could set it: it goes into the browser context before the page loads.
 *
 *   const { page } = await openSignedInPage(browser, server, "/admin");               // as the manager
 *   const { page } = await openSignedInPage(browser, server, "/advisor", { as: await server.sessionAs("advisor", { advisorId }) });
 *
 * or, with a context you already have: `await signInContext(context, server)` before `page.goto`.
 */
export async function signInContext(context: BrowserContext, server: TestServer, as: Session = server.manager): Promise<void> {
  const eq = as.cookie.indexOf("=");
  await context.addCookies([{ name: as.cookie.slice(0, eq), value: as.cookie.slice(eq + 1), url: server.url, httpOnly: true, sameSite: "Strict" }]);
}

export async function openSignedInPage(
  browser: Browser,
  server: TestServer,
  path: string,
  opts: { as?: Session; viewport?: Viewport; init?: () => void } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await openPage(browser, "about:blank", opts.viewport ?? FULL_HD, opts.init);
  await signInContext(context, server, opts.as);
  await page.goto(server.url + path);
  return { context, page };
}

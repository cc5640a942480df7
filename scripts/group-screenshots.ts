import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FixtureName } from "../shared/schemas/sample.js";
import { createGroupApp } from "../server/group-app.js";
import { addSiteAt } from "../server/db/pg/group-records.js";
import { createGroupAccount } from "../server/group/group-access.js";
import { silentLogger } from "../server/logger.js";
import { startPostgres } from "./cluster/postgres.js";
import { freePort } from "./cluster/free-port.js";
import { buildPages } from "../test/helpers/built-pages.js";
import { launchBrowser, openPage } from "../test/helpers/browser.js";
import { ManualClock } from "../test/helpers/manual-clock.js";
import { DOC_SCREENSHOTS, screenshotAt } from "../test/helpers/screenshots.js";

/**
 * `npm run screenshots:group [-- <folder>]`: the group director's page (/group) with ten stores,
 * some of them on a busy day, at a desk's two widths and a phone's, taken at the screenshots'
 * moment (10:40 on 27 November 2026 in Shanghai). It starts a private PostgreSQL in a temporary
 * folder and removes it after; the pictures go to docs/screenshots unless a folder is named.
 */
const MOMENT = Date.parse("2026-11-27T02:40:00Z");
const ADMIN_PASSWORD = "screenshots-admin-password";
const DIRECTOR = { username: "zongjian", displayName: "张总", password: "screenshots-director" };
const STORES: { slug: string; name: string; day: FixtureName }[] = [
  { slug: "pudong", name: "浦东旗舰店", day: "busy" },
  { slug: "xuhui", name: "徐汇店", day: "sample" },
  { slug: "jingan", name: "静安店", day: "sample" },
  { slug: "minhang", name: "闵行店", day: "full" },
  { slug: "baoshan", name: "宝山店", day: "sample" },
  { slug: "jiading", name: "嘉定店", day: "busy-30" },
  { slug: "songjiang", name: "松江店", day: "sample" },
  { slug: "qingpu", name: "青浦店", day: "sample" },
  { slug: "fengxian", name: "奉贤店", day: "busy" },
  { slug: "jinshan", name: "金山店", day: "sample" },
];

const out = process.argv[2] ? path.resolve(process.argv[2]) : DOC_SCREENSHOTS;
const dir = mkdtempSync(path.join(tmpdir(), "magboard-group-shots-"));
const postgres = await startPostgres({ dir: path.join(dir, "pg"), port: await freePort() });
try {
  // as an operator makes them: npm run add-site and npm run group-account
  for (const s of STORES) await addSiteAt(postgres.url, { slug: s.slug, name: s.name });
  await createGroupAccount(postgres.url, DIRECTOR);

  const app = await createGroupApp({
    databaseUrl: postgres.url,
    clock: new ManualClock(MOMENT),
    log: silentLogger,
    defaults: { timeZone: "Asia/Shanghai", sample: true },
    adminPassword: ADMIN_PASSWORD,
    staticDir: await buildPages(),
  });
  await new Promise<void>((resolve) => app.httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as { port: number }).port}`;
  const browser = await launchBrowser();
  try {
    // each store opens with the sample day; the busier ones load theirs as their manager would
    for (const s of STORES.filter((x) => x.day !== "sample")) {
      const login = await fetch(`${url}/s/${s.slug}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }) });
      const cookie = login.headers.getSetCookie()[0]!.split(";")[0]!;
      const res = await fetch(`${url}/s/${s.slug}/api/sample`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ fixture: s.day }) });
      if (!res.ok) throw new Error(`${s.slug}: the ${s.day} day was refused: ${res.status} ${await res.text()}`);
    }
    const { page } = await openPage(browser, `${url}/group`, { width: 1920, height: 1080 });
    await page.locator("group-login input[name=username]").fill(DIRECTOR.username);
    await page.locator("group-login input[name=password]").fill(DIRECTOR.password);
    await page.locator("group-login button[type=submit]").click();
    await page.locator("group-stores tr[data-total]").waitFor();
    for (const file of await screenshotAt(page, "group", ["desk-1920", "desk-1366", "phone"], out)) console.log(`  ${file}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(out, "group-phone-full.png"), fullPage: true });
    console.log(`  ${path.join(out, "group-phone-full.png")}`);
    // the busiest store's board as the director reads it, from its row's link
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('group-stores tr[data-site="pudong"] a[data-link="admin"]').click();
    await page.locator("admin-board .tile").nth(20).click();
    await page.locator("admin-card-panel h2").waitFor();
    for (const file of await screenshotAt(page, "group-director-admin", ["desk-1366"], out)) console.log(`  ${file}`);
  } finally {
    await browser.close();
    await app.close();
  }
} finally {
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}

import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { booking, type TestServer } from "../helpers/test-server.js";
import { useDisplay } from "./display-fixture.js";
import { appText, cardTexts, waitForCard } from "./display-page.js";

/** An engine.io ping from the server; its pong keeps Socket.IO's own liveness check content. */
const ENGINE_PING = "2";

describe("the display's own health checks", () => {
  const display = useDisplay();
  let server: TestServer;

  /** A page not yet on the board, so a test can route its WebSocket before the display connects. */
  async function open(): Promise<{ page: Page }> {
    server = await display.start();
    return display.page(null);
  }

  it("notices a link that went silent while Socket.IO still thinks it is up, and recovers what it missed", async () => {
    const { page } = await open();
    let silent = false;
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const upstream = ws.connectToServer();
      // silence drops every answer and push, but lets engine.io's ping through: only the board's heartbeat can tell
      upstream.onMessage((m) => {
        if (!silent || m === ENGINE_PING) ws.send(m);
      });
    });
    await page.goto(`${server.url}/display`);
    await waitForCard(page, "已到店");

    silent = true;
    const advisor = (await server.api("/api/advisors")).body[1].id as number;
    await server.api("/api/appointments", { method: "POST", json: booking(advisor, { startTime: "16:00", customerName: "上官婉儿", customerTitle: "ms" }) });
    await expect.poll(() => appText(page), { timeout: 20_000, interval: 200 }).toContain("连接中断");

    silent = false;
    await waitForCard(page, "上** 女士", 30_000);
    await expect.poll(() => appText(page), { timeout: 20_000 }).not.toContain("连接中断");
  });

  it("shows a launch screen until the first snapshot arrives", async () => {
    const { page } = await open();
    const held: (() => void)[] = [];
    let holding = true;
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const upstream = ws.connectToServer();
      upstream.onMessage((m) => {
        if (holding) held.push(() => ws.send(m));
        else ws.send(m);
      });
    });
    await page.goto(`${server.url}/display`);
    await expect.poll(() => appText(page), { timeout: 10_000 }).toContain("正在连接预约管理板");
    expect(await cardTexts(page)).toEqual([]);
    holding = false;
    for (const send of held.splice(0)) send();
    await waitForCard(page, "已到店");
    expect(await appText(page)).not.toContain("正在连接");
  });

  it("reloads itself when the server speaks another protocol", async () => {
    const { page } = await open();
    let tampered = false;
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const upstream = ws.connectToServer();
      upstream.onMessage((m) => {
        const text = typeof m === "string" ? m : m.toString("utf8");
        // the first follow's answer, rewritten as a newer server would answer an older page
        const ack = /^(43\/display,\d+)\[\{"ok":true,"data":\{"kind":"compact"/.exec(text);
        if (ack && !tampered) {
          tampered = true;
          ws.send(`${ack[1]}[{"ok":false,"error":{"code":"protocol_mismatch","message":"server speaks protocol 3; reload the page"}}]`);
          return;
        }
        ws.send(m);
      });
    });
    let loads = 0;
    page.on("load", () => loads++);
    await page.goto(`${server.url}/display`);
    await expect.poll(() => appText(page), { timeout: 10_000 }).toContain("服务器已更新，正在重新载入");
    await expect.poll(() => loads, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    expect(tampered).toBe(true);
    await waitForCard(page, "已到店", 20_000);
  });
});

import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { recordSpeech } from "../helpers/browser.js";
import { booking, type TestServer } from "../helpers/test-server.js";
import type { ManualClock } from "../helpers/manual-clock.js";
import { useDisplay } from "./display-fixture.js";
import { appText, waitForCard } from "./display-page.js";

const MINUTE = 60_000;

describe("the wall display, live", () => {
  const display = useDisplay();
  let server: TestServer;
  let clock: ManualClock;

  async function open(query = ""): Promise<Page> {
    server = await display.start();
    clock = display.clock;
    return (await display.page(`/display${query}`, { init: recordSpeech })).page;
  }

  async function advisorId(name: string): Promise<number> {
    const all = (await server.api("/api/advisors")).body as { id: number; name: string }[];
    return all.find((a) => a.name.startsWith(name))!.id;
  }

  it("renders the sample day: header with site, date, weekday and counts, and the cards in their states", async () => {
    const page = await open();
    await waitForCard(page, "已到店");
    await waitForCard(page, "延时到店");
    await waitForCard(page, "已完工");
    const text = await appText(page);
    expect(text).toContain("magboard 预约管理板");
    expect(text).toContain("2026年11月27日 星期五");
    // the clock runs on the server's time in the site's zone, not the browser's (New York)
    expect(text).toMatch(/10:4\d:\d\d/);
    expect(text).toMatch(/预约\s*20/);
    const rows = await page.evaluate(() => {
      const grid = document.querySelector("display-app")!.shadowRoot!.querySelector("board-grid")!.shadowRoot!;
      return [...grid.querySelectorAll(".advisor .name")].map((n) => n.textContent);
    });
    expect(rows).toEqual(["服务顾问 A · 王磊", "服务顾问 B · 李娜", "服务顾问 C · 陈晨", "服务顾问 D · 赵敏"]);
  });

  it("shows a booking made through the REST API, then 已到店 with the time once it is marked arrived", async () => {
    const page = await open();
    await waitForCard(page, "已到店");
    const created = await server.api("/api/appointments", {
      method: "POST",
      json: booking(await advisorId("服务顾问 B"), { startTime: "13:00", customerName: "欧阳娜娜", customerTitle: "ms", plate: "京C·99887" }),
    });
    expect(created.status).toBe(201);
    const card = await waitForCard(page, "13:00");
    expect(card).toContain("欧** 女士");
    // the new card flashes for a few seconds so a glance catches it, then settles
    const highlighted = () =>
      page.evaluate(() => {
        const grid = document.querySelector("display-app")!.shadowRoot!.querySelector("board-grid")!.shadowRoot!;
        return [...grid.querySelectorAll("board-card[highlighted]")].map((c) => c.textContent.includes("13:00"));
      });
    expect(await highlighted()).toEqual([true]);
    await expect.poll(highlighted, { timeout: 15_000 }).toEqual([]);
    expect(card).toContain("京C·***87");
    expect(card).toContain("已预约");

    clock.advance(2 * MINUTE);
    const arrived = await server.api(`/api/appointments/${created.body.record.id}/arrive`, { method: "POST", json: { version: created.body.record.version } });
    expect(arrived.status).toBe(200);
    const after = await waitForCard(page, /13:00.*已到店/);
    expect(after).toContain("10:42到店");
    // this display was not asked to call arrivals
    expect(await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken)).toEqual([]);
  });

  it("rings a changed card and blinks the ring while it is highlighted; under reduced motion the ring stays lit", async () => {
    const page = await open();
    await waitForCard(page, "已到店");
    // every frame from now until the card showing `tail` (its plate's end) is no longer highlighted: is its ring drawn?
    const ringUntilSettled = (tail: string) =>
      page.evaluate(
        (tail) =>
          new Promise<boolean[]>((resolve) => {
            const seen: boolean[] = [];
            const frame = () => {
              const grid = document.querySelector("display-app")!.shadowRoot!.querySelector("board-grid")!.shadowRoot!;
              const card = [...grid.querySelectorAll("board-card")].find((c) => c.textContent.includes(tail));
              if (card && !card.hasAttribute("highlighted") && seen.length > 0) return resolve(seen);
              if (card?.hasAttribute("highlighted")) seen.push(getComputedStyle(card.querySelector(".card")!).boxShadow !== "none");
              requestAnimationFrame(frame);
            };
            requestAnimationFrame(frame);
          }),
        tail,
      );
    const add = async (advisor: string, plate: string) =>
      expect((await server.api("/api/appointments", { method: "POST", json: booking(await advisorId(advisor), { startTime: "13:00", plate }) })).status).toBe(201);

    let frames = ringUntilSettled("***71");
    await add("服务顾问 B", "京C·24671");
    const blinking = await frames;
    // lit when it appears, then off and on again: a blink a guide across the room catches
    expect(blinking[0]).toBe(true);
    const changes = blinking.filter((on, i) => i > 0 && on !== blinking[i - 1]).length;
    expect(changes).toBeGreaterThanOrEqual(3);

    await page.emulateMedia({ reducedMotion: "reduce" });
    frames = ringUntilSettled("***82");
    await add("服务顾问 C", "京C·24682");
    const still = await frames;
    expect(still.length).toBeGreaterThan(10);
    expect(still.every((on) => on)).toBe(true);
  });

  it("turns a card 延时到店 once the server's clock passes the grace, counting down before", async () => {
    const page = await open();
    await server.api("/api/appointments", {
      method: "POST",
      json: booking(await advisorId("服务顾问 C"), { startTime: "10:35", customerName: "司马光", plate: "京D·24680" }),
    });
    // 10:40 with a 15 minute grace: ten minutes left
    expect(await waitForCard(page, /10:35.*10分钟后延时/)).toContain("已预约");

    clock.advance(11 * MINUTE);
    await waitForCard(page, /10:35.*延时到店/);
    // the mark came at 10:50; the minutes count on with the server's clock, now 10:51
    await waitForCard(page, /10:35.*延时到店.*迟16分钟/);
  });

  it("marks a bay booked twice at the same time on both cards", async () => {
    const page = await open();
    await waitForCard(page, "已到店");
    const bay = ((await server.api("/api/bays")).body as { id: number; name: string }[]).find((b) => b.name.startsWith("6号"))!;
    await server.api("/api/appointments", { method: "POST", json: booking(await advisorId("服务顾问 A"), { startTime: "12:00", bayId: bay.id, customerName: "令狐冲" }) });
    await server.api("/api/appointments", { method: "POST", json: booking(await advisorId("服务顾问 B"), { startTime: "12:30", bayId: bay.id, customerName: "任盈盈", customerTitle: "ms" }) });
    // the first card is drawn before the second booking arrives, so wait for the mark rather than the card
    expect(await waitForCard(page, /令\*\* 先生.*工位冲突/)).toContain("6号");
    expect(await waitForCard(page, /任\*\* 女士.*工位冲突/)).toContain("6号");
  });

  it("speaks English and takes the light theme when its URL asks", async () => {
    const page = await open("?lang=en&theme=light");
    await waitForCard(page, "Arrived");
    await waitForCard(page, /Late.*\+\d+ min/);
    const text = await appText(page);
    expect(text).toContain("Friday, 27 November 2026");
    expect(text).toMatch(/Booked\s*20/);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
    const background = await page.evaluate(() => getComputedStyle(document.querySelector("display-app")!).backgroundColor);
    expect(background).toBe("rgb(238, 241, 245)");
  });

  it("follows the site's language setting live when its URL does not choose one", async () => {
    const page = await open();
    await waitForCard(page, "已到店");
    const settings = await server.api("/api/settings");
    const changed = await server.api("/api/settings", { method: "PATCH", json: { version: settings.body.version, language: "en" } });
    expect(changed.status).toBe(200);
    await waitForCard(page, "Arrived");
    expect(await appText(page)).toContain("Friday, 27 November 2026");
  });

  it("announces an arrival with a chime and a spoken line when the display has the call switched on", async () => {
    const page = await open("?call=1");
    await waitForCard(page, "已到店");
    const id = await advisorId("服务顾问 B");
    const created = await server.api("/api/appointments", { method: "POST", json: booking(id, { startTime: "11:00", plate: "京A·12345" }) });
    await waitForCard(page, /11:00.*京A·\*\*\*45/);
    await server.api(`/api/appointments/${created.body.record.id}/arrive`, { method: "POST", json: { version: 1 } });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __spoken?: string[] }).__spoken ?? []), { timeout: 10_000 })
      .toEqual(["尾号 45 的 张先生 已到店，请服务顾问 B · 李娜 接待"]);
  });
});

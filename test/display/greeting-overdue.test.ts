import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { Appointment } from "../../shared/schemas/appointment.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { booking } from "../helpers/test-server.js";
import { UHD } from "../helpers/browser.js";
import { screenshotAt, settled, TV_SIZES } from "../helpers/screenshots.js";
import { useDisplay } from "./display-fixture.js";
import { waitForCard } from "./display-page.js";

/** 09:30 in Shanghai on 2026-11-27. */
const NINE_THIRTY = Date.parse("2026-11-27T01:30:00Z");
const TEN = Date.parse("2026-11-27T02:00:00Z");
const MINUTE = 60_000;

/** The card's tone and what it says, as the TV draws it. */
function cardState(page: Page, id: number) {
  return page.evaluate((cardId) => {
    const grid = document.querySelector("display-app")!.shadowRoot!.querySelector("board-grid")!.shadowRoot!;
    const card = [...grid.querySelectorAll("board-card")].find((c) => c.querySelector(`[data-id="${cardId}"]`));
    if (!card) return null;
    const root = card;
    const style = getComputedStyle(root.querySelector(".card")!);
    return {
      tone: card.getAttribute("tone"),
      text: root.textContent.replace(/\s+/g, " "),
      icon: root.querySelector(".icon")?.textContent,
      outline: style.outlineWidth,
      statusFontPx: parseFloat(getComputedStyle(root.querySelector(".status")!).fontSize),
    };
  }, id);
}

describe("the greeting overdue on the TV", () => {
  const display = useDisplay();

  it("arrive 10:00: plain 已到店 at 10:02, 未出迎 with its own colour, icon and outline at 10:03, readable from 4 m; 已出迎 after the greeting", async () => {
    const clock = new ManualClock(NINE_THIRTY);
    const server = await display.start({ clock });
    const { page } = await display.page("/display");
    const advisors = (await server.api("/api/advisors")).body as { id: number }[];
    const card = (await server.api("/api/appointments", { method: "POST", json: booking(advisors[3]!.id, { startTime: "10:00", date: "2026-11-27", plate: "京C·24680" }) })).body.record as Appointment;
    await waitForCard(page, "10:00");
    clock.set(TEN);
    const arrived = await server.api(`/api/appointments/${card.id}/arrive`, { method: "POST", json: { version: card.version } });
    expect(arrived.status).toBe(200);
    clock.set(TEN + 2 * MINUTE);
    await expect.poll(async () => (await cardState(page, card.id))?.tone).toBe("arrived");
    expect((await cardState(page, card.id))!.text).toContain("已到店");

    clock.set(TEN + 3 * MINUTE);
    await expect.poll(async () => (await cardState(page, card.id))?.tone, { timeout: 10_000 }).toBe("greeting_overdue");
    const overdue = (await cardState(page, card.id))!;
    // never colour alone: the word, the minutes waited, an icon of its own and a thick outline
    expect(overdue.text).toContain("未出迎");
    expect(overdue.text).toMatch(/等\d+分钟/);
    expect(overdue.icon).toBe("‼");
    expect(parseFloat(overdue.outline)).toBeGreaterThan(2);
    // the board's type at 1080p is 24 px or more: legible at 4 m (about 1.2 mm of letter per metre)
    expect(overdue.statusFontPx).toBeGreaterThanOrEqual(24);
    await settled(page);
    await screenshotAt(page, "display-greeting-overdue", TV_SIZES);
    await page.setViewportSize(UHD);

    const now = (await server.api(`/api/appointments/${card.id}`)).body;
    await server.api(`/api/appointments/${card.id}/greet`, { method: "POST", json: { version: now.version } });
    await expect.poll(async () => (await cardState(page, card.id))?.tone).toBe("greeted");
    expect((await cardState(page, card.id))!.text).toContain("已出迎");
  });
});

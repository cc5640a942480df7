import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { Actor } from "../../shared/schemas/actor.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import { CommandSchema } from "../../shared/schemas/commands.js";
import { formatMinutesOfDay, minutesOfDay } from "../../shared/rules/time-of-day.js";
import { dayCounts } from "../../display/card-view.js";
import { useDisplay } from "./display-fixture.js";

const DESK: Actor = { id: "test:desk", name: "前台", role: "desk" };
const DAY = "2026-11-27";

/** The text of each card the TV's grid shows, by card id. */
function shownCards(page: Page): Promise<Record<number, string>> {
  return page.evaluate(() => {
    const grid = document.querySelector("display-app")?.shadowRoot?.querySelector("board-grid")?.shadowRoot;
    const out: Record<number, string> = {};
    for (const host of grid?.querySelectorAll("board-card") ?? []) {
      const card = host.querySelector<HTMLElement>(".card[data-id]");
      if (card) out[Number(card.dataset.id)] = (card.textContent ?? "").replace(/\s+/g, " ").trim();
    }
    return out;
  });
}

/** The header's counts as the TV shows them. */
function shownCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const header = document.querySelector("display-app")?.shadowRoot?.querySelector("board-header")?.shadowRoot;
    const out: Record<string, number> = {};
    for (const c of header?.querySelectorAll<HTMLElement>("[data-count]") ?? []) out[c.dataset.count!] = Number(c.querySelector("b")?.textContent);
    return out;
  });
}

/** The other half of the card's hour: it stays in its cell, its time changes. */
const otherHalf = (time: string) => {
  const m = minutesOfDay(time);
  return formatMinutesOfDay(m - (m % 60) + (m % 60 === 0 ? 30 : 0));
};

describe("the wall display under a burst of changes", () => {
  const display = useDisplay();

  it("ends a burst of patches arriving within one frame on the server's final board", { timeout: 60_000 }, async () => {
    const server = await display.start({ sample: "busy" });
    const { page } = await display.page("/display?pageSeconds=600");
    await expect.poll(async () => Object.keys(await shownCards(page)).length, { timeout: 15_000 }).toBeGreaterThan(20);
    const shown = await shownCards(page);
    const board = server.app.board;
    const cards = (await board
      .snapshot(DAY))
      .appointments.filter((a) => String(a.id) in shown && (a.status === "booked" || a.status === "confirmed") && a.lateAt === null)
      .slice(0, 10);
    expect(cards.length).toBe(10);

    // one synchronous run on the server: every patch is broadcast in the same tick and reaches the
    // page together; each card is changed three times, so a render of any in-between state that
    // stuck would show
    const latest = new Map<number, Appointment>(cards.map((a) => [a.id, a]));
    const run = async (command: Record<string, unknown>) => {
      const res = await board.execute(CommandSchema.parse(command), DESK);
      if (!res.ok) throw new Error(`refused: ${res.error.code} ${res.error.message}`);
      const a = res.data.record as Appointment;
      latest.set(a.id, a);
    };
    for (const a of cards) await run({ type: "appointment.update", id: a.id, version: latest.get(a.id)!.version, changes: { workRequested: `连发一 #${a.id}` } });
    for (const a of cards) await run({ type: "appointment.move", id: a.id, version: latest.get(a.id)!.version, startTime: otherHalf(a.startTime) });
    for (const a of cards) await run({ type: "appointment.update", id: a.id, version: latest.get(a.id)!.version, changes: { workRequested: `连发二 #${a.id}` } });
    const [arriving, cancelled] = [cards[0]!, cards[1]!];
    await run({ type: "appointment.status", id: arriving.id, version: latest.get(arriving.id)!.version, action: "arrive" });
    await run({ type: "appointment.status", id: cancelled.id, version: latest.get(cancelled.id)!.version, action: "cancel" });

    const kept = cards.filter((a) => a !== cancelled);
    // every card changed ends as the server has it: its new time and last work; the cancelled one off the board
    await expect
      .poll(
        async () => {
          const now = await shownCards(page);
          return { changed: kept.filter((a) => now[a.id]?.includes(`连发二 #${a.id}`)).length, cancelledShown: String(cancelled.id) in now };
        },
        { timeout: 15_000 },
      )
      .toEqual({ changed: kept.length, cancelledShown: false });
    const final = await shownCards(page);
    for (const a of kept) {
      expect(final[a.id]).toContain(latest.get(a.id)!.startTime);
      expect(final[a.id]).not.toContain("连发一");
    }
    expect(final[arriving.id]).toContain("已到店");
    for (const a of kept.slice(1)) expect(final[a.id]).not.toContain("已到店");

    // the header counts the final day too
    const counts = dayCounts((await board.snapshot(DAY)).appointments);
    expect(await shownCounts(page)).toMatchObject({ total: counts.total, arrived: counts.arrived, late: counts.late, noShow: counts.noShow, toCome: counts.toCome });
    // and the page is the one a fresh TV opening now draws
    const fresh = (await display.page("/display?pageSeconds=600")).page;
    await expect.poll(async () => Object.keys(await shownCards(fresh)).length, { timeout: 15_000 }).toBe(Object.keys(final).length);
    expect(await shownCards(fresh)).toEqual(await shownCards(page));
  });
});

import { describe, expect, it } from "vitest";
import type { Advisor } from "../../shared/schemas/advisor.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import { DEFAULT_WINDOW, gridPages, rowHeight, timePages, windowColumns } from "../../display/tv-pages.js";
import { earlierCounts } from "../../display/card-view.js";
import { listLines, listPages, offList } from "../../display/tv-list.js";

const HOURS = { openTime: "08:00", closeTime: "20:00", slotMinutes: 60 as const };
const at = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

let nextId = 1;
function card(advisorId: number, startTime: string, status: Appointment["status"] = "confirmed", lateAt: string | null = null): Appointment {
  return { id: nextId++, advisorId, startTime, status, lateAt, date: "2026-11-27" } as Appointment;
}
const advisor = (id: number) => ({ id, name: `A${id}`, color: "#888888" }) as Advisor;

describe("the TV's now-window", () => {
  it("covers an hour back and three ahead, and keeps its width before opening and after closing", () => {
    expect(windowColumns(HOURS, at("10:40"), DEFAULT_WINDOW)).toEqual({ from: 1, to: 6 });
    // on the hour: 09:00 to 12:59, the 13:00 slot starts the next page
    expect(windowColumns(HOURS, at("10:00"), DEFAULT_WINDOW)).toEqual({ from: 1, to: 5 });
    expect(windowColumns({ ...HOURS, slotMinutes: 30 as const }, at("10:40"), DEFAULT_WINDOW)).toEqual({ from: 3, to: 12 });
    expect(windowColumns(HOURS, at("06:00"), DEFAULT_WINDOW)).toEqual({ from: 0, to: 4 });
    expect(windowColumns(HOURS, at("23:59"), DEFAULT_WINDOW)).toEqual({ from: 7, to: 12 });
    expect(windowColumns(HOURS, -24 * 60, DEFAULT_WINDOW).from).toBe(0);
    expect(windowColumns(HOURS, at("10:40"), { before: 0, after: 0 })).toEqual({ from: 2, to: 3 });
  });

  it("pages the later hours in windows of the same width", () => {
    expect(timePages(12, { from: 1, to: 6 })).toEqual([
      { from: 1, to: 6 },
      { from: 6, to: 11 },
      { from: 11, to: 12 },
    ]);
  });

  it("gives a row holding three cards in an hour the height of two cards, and pages the advisors that no longer fit", () => {
    expect(rowHeight(3, 2)).toBeGreaterThan(rowHeight(2, 2));
    expect(rowHeight(0, 2)).toBe(rowHeight(2, 2));
    const advisors = [1, 2, 3, 4, 5, 6, 7, 8].map(advisor);
    const calm = advisors.flatMap((a) => [card(a.id, "10:00"), card(a.id, "10:30"), card(a.id, "15:00")]);
    const input = { advisors, settings: HOURS, now: at("10:40"), span: DEFAULT_WINDOW, board: { width: 78, height: 42 } };
    const pages = gridPages({ ...input, appointments: calm });
    expect(pages.map((p) => [p.advisors.length, p.columns.from, p.earlier])).toEqual([
      [8, 1, true],
      [8, 6, false],
    ]);
    // the 18:00–19:59 page has no card and is skipped
    const busy = [...calm, card(1, "10:15"), card(2, "10:45")];
    const crowded = gridPages({ ...input, appointments: busy });
    expect(crowded[0]!.advisors.length).toBeLessThan(8);
    expect(crowded.filter((p) => p.columns.from === 1).flatMap((p) => p.advisors)).toHaveLength(8);
  });

  it("counts what became of the cards folded into the strip, every card in one count", () => {
    const cards = [card(1, "08:00", "completed"), card(1, "08:30", "in_service"), card(1, "09:00", "arrived"), card(1, "08:15", "confirmed", "x"), card(1, "08:45", "no_show"), card(1, "09:30", "cancelled")];
    expect(earlierCounts(cards)).toEqual({ completed: 1, inShop: 2, late: 1, noShow: 1 });
  });

  it("lists those still expected or waiting in time order, the rest counted beside it", () => {
    const cards = [card(1, "11:00"), card(2, "09:00", "confirmed", "x"), card(1, "10:00", "arrived"), card(2, "09:30", "in_service"), card(1, "08:00", "completed"), card(3, "12:00")];
    const lines = listLines(cards, new Set([1, 2]));
    expect(lines.map((a) => a.startTime)).toEqual(["09:00", "10:00", "11:00"]);
    expect(offList(cards, new Set([1, 2]))).toEqual({ inService: 1, completed: 1, noShow: 0 });
    expect(listPages(lines, 2).map((p) => p.length)).toEqual([2, 1]);
    expect(listPages([], 5)).toEqual([[]]);
  });
});

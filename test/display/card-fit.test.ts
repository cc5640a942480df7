import { describe, expect, it } from "vitest";
import { fitClass, shareRows, tvFitter } from "../../display/card-fit.js";
import type { BoardLayout, Lane } from "../../display/board-layout.js";
import type { Appointment } from "../../shared/schemas/appointment.js";

describe("what a card shows at its size", () => {
  it("lines by priority as the card grows: time and status, the customer, the plate and work, the bay", () => {
    // n lines need 0.2em of padding and 1.1em each
    expect(fitClass(2.5, 12)).toBe("lines-2");
    expect(fitClass(3.5, 12)).toBe("lines-3");
    expect(fitClass(4.6, 12)).toBe("lines-4");
    expect(fitClass(5.7, 12)).toBe("lines-5");
  });

  it("a narrow card shows the plate's tail, a tiny one drops the status icon", () => {
    expect(fitClass(4.6, 9.5)).toBe("lines-4");
    expect(fitClass(4.6, 6)).toBe("lines-4 narrow");
    expect(fitClass(4.6, 4.5)).toBe("lines-4 narrow tiny");
  });
});

describe("rows that share the board as the grid shares them", () => {
  it("rows that need less than an equal share all get it", () => {
    expect(shareRows([4.8, 4.8, 0], 30)).toEqual([10, 10, 10]);
  });

  it("a row that needs more keeps its need, the others share the rest", () => {
    expect(shareRows([19.5, 4.8, 4.8], 30)).toEqual([19.5, 5.25, 5.25]);
    // keeping one row's need lowers the share, which can push another over it
    expect(shareRows([12, 7, 0], 24)).toEqual([12, 7, 5]);
  });

  it("a board too small for every row's need gives each its need (the pager keeps this from happening)", () => {
    expect(shareRows([9.6, 9.6], 12)).toEqual([9.6, 9.6]);
  });
});

describe("the TV's rows as the grid draws them", () => {
  // lanes whose fullest cell (slot 0) holds `cards` cards; only the count matters to the fitter
  const lane = (id: number, cards: number): Lane => ({
    id,
    label: `${id}`,
    color: "#888",
    load: null,
    stacks: cards === 0 ? [] : [{ slot: 0, cards: Array.from({ length: cards }, () => ({}) as Appointment), overCapacity: false }],
  });
  const board = (cards: number[], height: number) => {
    const layout: BoardLayout = { mode: "advisors", slots: ["09:00", "10:00"], lanes: cards.map((n, i) => lane(i + 1, n)), overlaps: new Map() };
    return tvFitter({ layout, shown: { from: 0, to: 2 }, earlier: false, across: 1, fits: 4, width: 60, height });
  };

  it("rows that share the board are left to the grid's equal shares, so no card's content sizes a row", () => {
    expect(board([1, 1, 0], 30).rows).toEqual([null, null, null]);
  });

  it("a row whose cards need more than a share is drawn at its need in em", () => {
    // 1.3em of hours and 3 × 0.2em of gaps leave 20em: two stacked cards need 9.5em, more than a third of it
    expect(board([2, 1, 1], 20 + 1.3 + 0.6).rows).toEqual([expect.closeTo(9.5), null, null]);
    // a board too small for every row (the pager keeps this from happening): each row at its need
    expect(board([2, 1, 1], 12 + 1.3 + 0.6).rows).toEqual([expect.closeTo(9.5), expect.closeTo(4.8), expect.closeTo(4.8)]);
  });
});

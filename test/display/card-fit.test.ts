import { describe, expect, it } from "vitest";
import { fitClass, shareRows } from "../../display/card-fit.js";

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

import { describe, expect, it } from "vitest";
import { DropMap } from "../../admin/drop-map.js";

/** Two lanes 100 px high with a 3 px gap, three hour columns 160 px wide with a 3 px gap, after a 150 px lane-name column. */
const bands = {
  lanes: [
    { key: 7, start: 40, end: 140 },
    { key: 9, start: 143, end: 243 },
  ],
  slots: [
    { key: "08:00", start: 150, end: 310 },
    { key: "09:00", start: 313, end: 473 },
    { key: "10:00", start: 476, end: 636 },
  ],
};
const board = { left: 0, top: 0, right: 400, bottom: 300 };

describe("the cell under a carried card", () => {
  const map = new DropMap(bands, board);

  it("is the cell whose row and column hold the pointer", () => {
    expect(map.at(200, 60, { left: 0, top: 0 })).toEqual({ laneId: 7, slot: "08:00" });
    expect(map.at(320, 200, { left: 0, top: 0 })).toEqual({ laneId: 9, slot: "09:00" });
  });

  it("follows the board as it scrolls under a pointer that stands still", () => {
    expect(map.at(350, 60, { left: 0, top: 0 })).toEqual({ laneId: 7, slot: "09:00" });
    expect(map.at(350, 60, { left: 200, top: 0 })).toEqual({ laneId: 7, slot: "10:00" });
    expect(map.at(350, 60, { left: 200, top: 100 })).toEqual({ laneId: 9, slot: "10:00" });
  });

  it("is none in the gaps between cells, beside the first column and below the last row", () => {
    expect(map.at(311, 60, { left: 0, top: 0 })).toBeNull();
    expect(map.at(200, 141, { left: 0, top: 0 })).toBeNull();
    expect(map.at(100, 60, { left: 0, top: 0 })).toBeNull();
    expect(map.at(200, 260, { left: 0, top: 0 })).toBeNull();
  });

  it("is none outside the board's visible box, even where the scrolled content would have a cell", () => {
    expect(map.at(420, 60, { left: 0, top: 0 })).toBeNull();
    expect(map.at(200, 310, { left: 0, top: 0 })).toBeNull();
  });
});

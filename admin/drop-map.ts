import type { Band, CellBands, SlotTarget } from "../display/components/board-grid.js";

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface ScrollOffset {
  left: number;
  top: number;
}

function bandAt<K>(bands: readonly Band<K>[], at: number): Band<K> | undefined {
  let lo = 0;
  let hi = bands.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = bands[mid]!;
    if (at < b.start) hi = mid - 1;
    else if (at >= b.end) lo = mid + 1;
    else return b;
  }
  return undefined;
}

/**
 * Where the cells of the editor's grid lie, measured once when a card is lifted (and again when
 * the board changes under it), so the cell under the pointer is found by arithmetic on every
 * pointermove and scrolled frame. Asking the browser instead (elementsFromPoint) hit-tested the
 * whole board of 900 cards each time, most of a frame on a big site, and made it lay the page out
 * again mid-frame. The gaps between cells and anything outside the board's visible box drop nowhere.
 */
export class DropMap {
  constructor(
    private readonly bands: CellBands,
    /** The board's visible box in the viewport (its scrollbars excluded). */
    private readonly clip: Box,
  ) {}

  at(x: number, y: number, scroll: ScrollOffset): SlotTarget | null {
    const c = this.clip;
    if (x < c.left || x >= c.right || y < c.top || y >= c.bottom) return null;
    const lane = bandAt(this.bands.lanes, y + scroll.top);
    const slot = bandAt(this.bands.slots, x + scroll.left);
    return lane && slot ? { laneId: lane.key, slot: slot.key } : null;
  }
}

export function sameTarget(a: SlotTarget | null, b: SlotTarget | null): boolean {
  return a === b || (a !== null && b !== null && a.laneId === b.laneId && a.slot === b.slot);
}

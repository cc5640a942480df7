import type { BoardGrid, SlotTarget } from "../display/components/board-grid.js";
import { DropMap, sameTarget } from "./drop-map.js";
import { EdgeScroller } from "./edge-scroll.js";

export interface CarryHost {
  /** The board that scrolls (admin-board). */
  readonly el: HTMLElement;
  grid(): BoardGrid | null;
  /** The copy of the card under the pointer, once rendered. */
  ghost(): HTMLElement | null;
  /** The cell the card would be dropped on changed (or became none). */
  retarget(target: SlotTarget | null): void;
}

/**
 * The carried copy's place: the pointer at its centre, as two custom properties that a running
 * animation of the copy's transform reads (admin-board-styles.ts). Chromium moves a layer without
 * layerizing the page again only while a transform animation runs on it; a transform set from
 * script made every frame the copy moved a new layerization of the whole 900-card grid.
 */
export function ghostPosition(at: { x: number; y: number }): Record<"--ghost-x" | "--ghost-y", string> {
  return { "--ghost-x": `${at.x}px`, "--ghost-y": `${at.y}px` };
}

/**
 * A card carried by a pointer, frame by frame. A pointermove only records where the pointer is;
 * once an animation frame, the copy under it is moved by a transform (the compositor's work, no
 * layout, no render of the board) and the cell under it is looked up in a map of the grid
 * measured when the card was lifted. The board renders again only when that cell changes. Near
 * the board's edge it scrolls (EdgeScroller), and the cell under a pointer that stands still is
 * looked up again after each scroll.
 */
export class CardCarry {
  private map: DropMap | null = null;
  private at = { x: 0, y: 0 };
  private target: SlotTarget | null = null;
  private frame: number | undefined;
  private readonly edges: EdgeScroller;

  constructor(private readonly host: CarryHost) {
    this.edges = new EdgeScroller(
      host.el,
      () => host.grid()?.headerInsets() ?? { left: 0, top: 0 },
      () => this.lookUp(),
    );
  }

  get pointer(): { x: number; y: number } {
    return this.at;
  }

  /** A card is lifted at (x, y): measure the board once, before anything on it changes. Returns the cell under it. */
  begin(x: number, y: number): SlotTarget | null {
    this.at = { x, y };
    this.edges.begin();
    this.measure();
    this.target = this.cellAt(x, y);
    return this.target;
  }

  move(x: number, y: number): void {
    this.at = { x, y };
    this.edges.update(x, y);
    this.frame ??= requestAnimationFrame(this.onFrame);
  }

  /** The cell a drop at (x, y) lands on; the carry ends. */
  end(x: number, y: number): SlotTarget | null {
    const target = this.map ? this.cellAt(x, y) : null;
    this.stop();
    return target;
  }

  stop(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    this.edges.stop();
    this.map = null;
    this.target = null;
  }

  /** The board was scrolled by a wheel or a scrollbar during the carry. */
  scrolled(): void {
    if (!this.map) return;
    this.edges.resync();
    this.frame ??= requestAnimationFrame(this.onFrame);
  }

  /** The grid was laid out anew under the card (someone else's change, a zoom): measure it again. */
  measure(): void {
    const grid = this.host.grid();
    if (!grid) return;
    const el = this.host.el;
    const r = el.getBoundingClientRect();
    const clip = { left: r.left + el.clientLeft, top: r.top + el.clientTop, right: r.left + el.clientLeft + el.clientWidth, bottom: r.top + el.clientTop + el.clientHeight };
    this.map = new DropMap(grid.cellBands(this.edges.scroll), clip);
  }

  private cellAt(x: number, y: number): SlotTarget | null {
    return this.map?.at(x, y, this.edges.scroll) ?? null;
  }

  private readonly onFrame = () => {
    this.frame = undefined;
    const ghost = this.host.ghost();
    if (ghost) for (const [name, value] of Object.entries(ghostPosition(this.at))) ghost.style.setProperty(name, value);
    this.lookUp();
  };

  private lookUp(): void {
    if (!this.map) return;
    const target = this.cellAt(this.at.x, this.at.y);
    if (sameTarget(target, this.target)) return;
    this.target = target;
    this.host.retarget(target);
  }
}

import type { Box, ScrollOffset } from "./drop-map.js";

/** How close to the board's edge a dragged card must come to scroll it. */
const EDGE_PX = 56;
/** Fastest scroll, in pixels per frame, reached at the very edge. */
const MAX_STEP_PX = 20;

interface Frame {
  /** The board's visible box, less the sticky lane names and hour headings. */
  box: Box;
  max: ScrollOffset;
}

/**
 * Scrolls the board while a dragged card is held near its edge, so a card can be carried to an
 * hour or a row that is off screen. One animation frame at a time, only while needed. The board's
 * box and scroll range are measured once when the drag begins and the scroll position is kept
 * here: reading them back after each scroll made the browser lay the page out again mid-frame.
 */
export class EdgeScroller {
  private frame: number | undefined;
  private vx = 0;
  private vy = 0;
  private measured: Frame | null = null;
  private pos: ScrollOffset = { left: 0, top: 0 };

  constructor(
    private readonly el: HTMLElement,
    /** The sticky lane names and hour headings cover this much of the left and top edge. */
    private readonly insets: () => { left: number; top: number },
    private readonly onScroll: () => void,
  ) {}

  /** Where the board is scrolled to (as this scroller left it, or as resync read it). */
  get scroll(): ScrollOffset {
    return this.pos;
  }

  /** A drag begins: measure the board once. */
  begin(): void {
    const r = this.el.getBoundingClientRect();
    const { left, top } = this.insets();
    this.measured = {
      box: { left: r.left + left, top: r.top + top, right: r.right, bottom: r.bottom },
      max: { left: this.el.scrollWidth - this.el.clientWidth, top: this.el.scrollHeight - this.el.clientHeight },
    };
    this.resync();
  }

  /** The board was scrolled by something else (a wheel, a scrollbar) while a card is carried. */
  resync(): void {
    this.pos = { left: this.el.scrollLeft, top: this.el.scrollTop };
  }

  /** The pointer's position during a drag. */
  update(x: number, y: number): void {
    if (!this.measured) this.begin();
    const b = this.measured!.box;
    const speed = (distance: number) => (distance < EDGE_PX ? Math.ceil(((EDGE_PX - Math.max(0, distance)) / EDGE_PX) * MAX_STEP_PX) : 0);
    this.vx = speed(b.right - x) - speed(x - b.left);
    this.vy = speed(b.bottom - y) - speed(y - b.top);
    if ((this.vx !== 0 || this.vy !== 0) && this.frame === undefined) this.frame = requestAnimationFrame(this.step);
  }

  stop(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    this.vx = 0;
    this.vy = 0;
    this.measured = null;
  }

  private readonly step = () => {
    this.frame = undefined;
    const max = this.measured?.max;
    if (!max || (this.vx === 0 && this.vy === 0)) return;
    const clamp = (v: number, hi: number) => Math.min(Math.max(0, hi), Math.max(0, v));
    const next = { left: clamp(this.pos.left + this.vx, max.left), top: clamp(this.pos.top + this.vy, max.top) };
    // at the end of the board there is nothing left to scroll: stop asking for frames
    if (next.left === this.pos.left && next.top === this.pos.top) return;
    this.el.scrollTo(next.left, next.top);
    this.pos = next;
    this.onScroll();
    this.frame = requestAnimationFrame(this.step);
  };
}

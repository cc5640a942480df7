/** How close to the board's edge a dragged card must come to scroll it. */
const EDGE_PX = 56;
/** Fastest scroll, in pixels per frame, reached at the very edge. */
const MAX_STEP_PX = 20;

/**
 * Scrolls the board while a dragged card is held near its edge, so a card can be carried to an
 * hour or a row that is off screen. One animation frame at a time, only while needed.
 */
export class EdgeScroller {
  private frame: number | undefined;
  private vx = 0;
  private vy = 0;

  constructor(
    private readonly el: HTMLElement,
    /** The sticky lane names and hour headings cover this much of the left and top edge. */
    private readonly insets: () => { left: number; top: number },
    private readonly onScroll: () => void,
  ) {}

  /** The pointer's position during a drag. */
  update(x: number, y: number): void {
    const r = this.el.getBoundingClientRect();
    const { left, top } = this.insets();
    const speed = (distance: number) => (distance < EDGE_PX ? Math.ceil(((EDGE_PX - Math.max(0, distance)) / EDGE_PX) * MAX_STEP_PX) : 0);
    this.vx = speed(r.right - x) - speed(x - r.left - left);
    this.vy = speed(r.bottom - y) - speed(y - r.top - top);
    if ((this.vx !== 0 || this.vy !== 0) && this.frame === undefined) this.frame = requestAnimationFrame(this.step);
  }

  stop(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    this.vx = 0;
    this.vy = 0;
  }

  private readonly step = () => {
    this.frame = undefined;
    if (this.vx === 0 && this.vy === 0) return;
    const before = [this.el.scrollLeft, this.el.scrollTop];
    this.el.scrollBy(this.vx, this.vy);
    // at the end of the board there is nothing left to scroll: stop asking for frames
    if (this.el.scrollLeft === before[0] && this.el.scrollTop === before[1]) return;
    this.onScroll();
    this.frame = requestAnimationFrame(this.step);
  };
}

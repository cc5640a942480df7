/** Half a blink: the ring shows this long, then hides this long, while a card is highlighted. */
export const BLINK_HALF_MS = 500;

const reducedMotion = () => typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;

/**
 * The blink of every highlighted card of one board, on one timer: the ring's on and off is one
 * attribute on the board's element (`data-blink`), which the cards' stylesheet follows. An opacity
 * animation per card made each changed card a compositor layer of its own for four seconds, and
 * every frame of a busy board then layerized and committed dozens of them; now the ring is painted
 * with the card and a blink repaints the rings alone. Under reduced motion no timer runs and the
 * ring stays on (the stylesheet also ignores the off phase then).
 */
export class HighlightBlink {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly board: () => HTMLElement | null | undefined) {}

  /** Whether any card is highlighted: the blink starts (ring on) with the first and stops with the last. */
  follow(any: boolean): void {
    if (!any) return this.stop();
    if (this.timer !== undefined || reducedMotion()) return;
    this.timer = setInterval(() => {
      const el = this.board();
      if (el) el.dataset.blink = el.dataset.blink === "off" ? "on" : "off";
    }, BLINK_HALF_MS);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    const el = this.board();
    if (el) delete el.dataset.blink;
  }
}

/** A finger must hold this long on a card before it lifts; a shorter touch that moves is a scroll. */
export const LONG_PRESS_MS = 450;
/** A mouse must move this far before a press becomes a drag, so a click stays a click. */
const MOUSE_SLOP_PX = 4;
/** A finger that moves this far during the long press is scrolling, not picking up. */
const TOUCH_SLOP_PX = 10;

export interface DragHandlers {
  start(id: number, x: number, y: number): void;
  move(x: number, y: number): void;
  drop(x: number, y: number): void;
  cancel(): void;
}

type State =
  | { kind: "idle" }
  | { kind: "pressing"; id: number; pointerId: number; x: number; y: number; touch: boolean; timer?: ReturnType<typeof setTimeout> }
  | { kind: "dragging"; id: number; pointerId: number };

/**
 * Card dragging with pointer events, so a mouse, a pen and a finger all work (HTML5 drag and drop
 * does not on touch screens). A mouse drags once it moves; a finger drags from the card's handle at
 * once, or anywhere on the card after a long press, so swiping over the board still scrolls it.
 * Window listeners exist only while a press or drag is under way.
 */
export class PointerDrag {
  private state: State = { kind: "idle" };

  constructor(
    private readonly handlers: DragHandlers,
    /**
     * Takes the pointer while a card is carried: the browser then sends its moves here without
     * hit-testing the whole board under it on every one (the carry finds its cell by itself).
     */
    private readonly captureOn?: Element,
  ) {}

  get draggingId(): number | null {
    return this.state.kind === "dragging" ? this.state.id : null;
  }

  /** Called from a card's pointerdown; `handle` when it was the card's drag handle. */
  press(e: PointerEvent, id: number, handle: boolean): void {
    if (this.state.kind !== "idle" || (e.pointerType === "mouse" && e.button !== 0)) return;
    const touch = e.pointerType === "touch";
    this.listen();
    if (touch && handle) {
      e.preventDefault();
      this.begin(id, e.pointerId, e.clientX, e.clientY);
      return;
    }
    const pressing: State = { kind: "pressing", id, pointerId: e.pointerId, x: e.clientX, y: e.clientY, touch };
    if (touch) pressing.timer = setTimeout(() => this.begin(id, e.pointerId, pressing.x, pressing.y), LONG_PRESS_MS);
    this.state = pressing;
  }

  cancel(): void {
    if (this.state.kind === "dragging") this.handlers.cancel();
    this.reset();
  }

  dispose(): void {
    this.reset();
  }

  private begin(id: number, pointerId: number, x: number, y: number): void {
    if (this.state.kind === "pressing") clearTimeout(this.state.timer);
    this.state = { kind: "dragging", id, pointerId };
    try {
      this.captureOn?.setPointerCapture(pointerId);
    } catch {
      // the pointer is already gone (lifted during the long press): the drag ends with its pointerup or cancel
    }
    navigator.vibrate?.(20);
    this.handlers.start(id, x, y);
  }

  private readonly onMove = (e: PointerEvent) => {
    const s = this.state;
    if (s.kind === "idle" || e.pointerId !== s.pointerId) return;
    if (s.kind === "pressing") {
      const dist = Math.hypot(e.clientX - s.x, e.clientY - s.y);
      if (s.touch) {
        if (dist > TOUCH_SLOP_PX) this.reset();
      } else if (dist > MOUSE_SLOP_PX) this.begin(s.id, s.pointerId, e.clientX, e.clientY);
      return;
    }
    this.handlers.move(e.clientX, e.clientY);
  };

  private readonly onUp = (e: PointerEvent) => {
    const s = this.state;
    if (s.kind === "idle" || e.pointerId !== s.pointerId) return;
    if (s.kind === "dragging") this.handlers.drop(e.clientX, e.clientY);
    this.reset();
  };

  private readonly onPointerCancel = (e: PointerEvent) => {
    if (this.state.kind !== "idle" && e.pointerId === this.state.pointerId) this.cancel();
  };

  /** While a card is lifted, the finger moves the card, not the page. */
  private readonly onTouchMove = (e: TouchEvent) => {
    if (this.state.kind === "dragging" && e.cancelable) e.preventDefault();
  };

  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape") this.cancel();
  };

  private listen(): void {
    window.addEventListener("pointermove", this.onMove);
    window.addEventListener("pointerup", this.onUp);
    window.addEventListener("pointercancel", this.onPointerCancel);
    window.addEventListener("touchmove", this.onTouchMove, { passive: false });
    window.addEventListener("keydown", this.onKey);
  }

  private reset(): void {
    if (this.state.kind === "pressing") clearTimeout(this.state.timer);
    if (this.state.kind === "dragging" && this.captureOn?.hasPointerCapture(this.state.pointerId)) this.captureOn.releasePointerCapture(this.state.pointerId);
    this.state = { kind: "idle" };
    window.removeEventListener("pointermove", this.onMove);
    window.removeEventListener("pointerup", this.onUp);
    window.removeEventListener("pointercancel", this.onPointerCancel);
    window.removeEventListener("touchmove", this.onTouchMove);
    window.removeEventListener("keydown", this.onKey);
  }
}

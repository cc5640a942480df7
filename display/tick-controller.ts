import type { ReactiveController, ReactiveControllerHost } from "lit";

/**
 * Re-renders the host on each boundary of `periodMs` of the given clock (the server's, for the
 * board), aligned to the boundary so a clock's digits change together. One timer, gone with the host.
 */
export class TickController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly periodMs: number,
    private readonly now: () => number = Date.now,
    private readonly onTick?: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.schedule();
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    const wait = this.periodMs - (this.now() % this.periodMs) + 5;
    this.timer = setTimeout(() => {
      this.onTick?.();
      this.host.requestUpdate();
      this.schedule();
    }, wait);
  }
}

import type { ReactiveController, ReactiveControllerHost } from "lit";

/** More cards than this changing at once (an import, a catch-up) highlight only the latest ones. */
const MAX_HIGHLIGHTED = 64;

/**
 * Which cards changed in the last few seconds. One timer for all of them, armed for the earliest
 * expiry, and a hard cap on how many are tracked, so weeks of changes leave nothing behind.
 */
export class HighlightController implements ReactiveController {
  private until = new Map<number, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private connected = false;
  /** The current set; a new object on every change so Lit sees it changed. */
  ids: ReadonlySet<number> = new Set();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly durationMs = 4_000,
  ) {
    host.addController(this);
  }

  add(ids: readonly number[]): void {
    if (ids.length === 0 || !this.connected) return;
    const expires = Date.now() + this.durationMs;
    for (const id of ids) {
      this.until.delete(id);
      this.until.set(id, expires);
    }
    while (this.until.size > MAX_HIGHLIGHTED) this.until.delete(this.until.keys().next().value!);
    this.publish();
  }

  /** Tracked entries, for tests of boundedness. */
  get size(): number {
    return this.until.size;
  }

  hostConnected(): void {
    this.connected = true;
  }

  hostDisconnected(): void {
    this.connected = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.until.clear();
    this.ids = new Set();
  }

  private publish(): void {
    this.ids = new Set(this.until.keys());
    this.host.requestUpdate();
    this.arm();
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    let next = Infinity;
    for (const t of this.until.values()) next = Math.min(next, t);
    if (next === Infinity) return;
    this.timer = setTimeout(() => this.expire(), Math.max(0, next - Date.now()));
  }

  private expire(): void {
    const now = Date.now();
    for (const [id, t] of this.until) if (t <= now) this.until.delete(id);
    this.publish();
  }
}

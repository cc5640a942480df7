import type { ReactiveController, ReactiveControllerHost } from "lit";

/**
 * Keeps the TV's screen on while the board is shown. The browser drops a wake lock whenever the
 * page is hidden, so it is asked for again each time the page becomes visible.
 */
export class WakeLockController implements ReactiveController {
  private lock: WakeLockSentinel | null = null;
  private connected = false;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Whether the screen is currently held awake, for tests and the status line. */
  get held(): boolean {
    return this.lock !== null && !this.lock.released;
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener("visibilitychange", this.onVisibility);
    void this.request();
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener("visibilitychange", this.onVisibility);
    void this.lock?.release().catch(() => undefined);
    this.lock = null;
  }

  private readonly onVisibility = (): void => void this.request();

  private async request(): Promise<void> {
    if (!this.connected || document.visibilityState !== "visible" || this.held || !("wakeLock" in navigator)) return;
    try {
      this.lock = await navigator.wakeLock.request("screen");
    } catch {
      // refused (no permission, battery saver); the board still works, the screen may dim
      this.lock = null;
    }
  }
}

import type { LoggedChange } from "../db/change-log-repo.js";

/** How long a change that arrived ahead of its predecessor waits for it before they are read from the database. */
export const GAP_WAIT_MS = 250;

/**
 * Hands changes on in revision order when they arrive out of it. With several nodes a change
 * committed elsewhere comes through Redis, and may arrive after a later one committed here, or not
 * at all (Redis restarted). Every revision is in the change log before a later one can commit (the
 * per-site lock), so a gap that does not close by itself is read from there (`fill`).
 */
export class RevisionOrder {
  private readonly held = new Map<number, LoggedChange>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private delivered: number,
    private readonly fill: (after: number) => void,
    private readonly waitMs = GAP_WAIT_MS,
  ) {}

  /** The revision last handed on. */
  get last(): number {
    return this.delivered;
  }

  /** What may go out now that `change` has arrived: nothing, or it and the held ones that follow it, in order. */
  accept(change: LoggedChange): LoggedChange[] {
    if (change.revision <= this.delivered) return [];
    this.held.set(change.revision, change);
    const ready: LoggedChange[] = [];
    for (let next = this.held.get(this.delivered + 1); next; next = this.held.get(this.delivered + 1)) {
      this.held.delete(next.revision);
      this.delivered = next.revision;
      ready.push(next);
    }
    if (this.held.size === 0) this.cancel();
    else this.timer ??= setTimeout(() => this.expire(), this.waitMs);
    return ready;
  }

  /**
   * The log no longer holds what is missing (trimmed, or a restore): what is held goes out after the
   * gap, and each screen sees the gap in its revisions and takes a fresh day.
   */
  skipGap(): LoggedChange[] {
    const first = Math.min(...this.held.keys());
    if (!Number.isFinite(first)) return [];
    this.delivered = first - 1;
    return this.accept(this.held.get(first)!);
  }

  close(): void {
    this.cancel();
    this.held.clear();
  }

  private expire(): void {
    this.timer = null;
    if (this.held.size > 0) this.fill(this.delivered);
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

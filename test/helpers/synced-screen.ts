import { io as connect, type Socket } from "socket.io-client";
import type { BoardState } from "../../shared/board-state.js";
import { DISPLAY_NAMESPACE, STAFF_NAMESPACE, type ServerToClientEvents, type StaffToServerEvents } from "../../shared/protocol.js";
import type { Backoff } from "../../display/backoff.js";
import { BoardSync, SCREEN_SOCKET_OPTIONS, type BoardChange, type Timers } from "../../display/board-sync.js";

export interface ScreenOptions {
  /** The session a staff screen is signed in with; a public display sends none. */
  cookie?: string;
  heartbeatMs?: number;
  heartbeatTimeoutMs?: number;
  /** The display's own (display/backoff.ts) unless a bench wants its jitter the same on every run. */
  backoff?: Backoff;
}

interface Held {
  fn: () => void;
  handle: ReturnType<typeof setTimeout> | undefined;
}

/** Real timers that can be held still, as a frozen page's are: what falls due meanwhile runs at the thaw. */
class FreezableTimers implements Timers {
  private frozen = false;
  private readonly held = new Set<Held>();

  set(fn: () => void, ms: number): Held {
    const entry: Held = { fn, handle: undefined };
    entry.handle = setTimeout(() => (this.frozen ? this.held.add(entry) : fn()), ms);
    return entry;
  }

  clear(handle: unknown): void {
    const entry = handle as Held | undefined;
    if (!entry) return;
    clearTimeout(entry.handle);
    this.held.delete(entry);
  }

  freeze(): void {
    this.frozen = true;
  }

  thaw(): void {
    this.frozen = false;
    const due = [...this.held];
    this.held.clear();
    for (const entry of due) entry.fn();
  }
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (!done) fn();
    done = true;
  };
}

/**
 * A screen in Node running the display's own sync core (display/board-sync.ts) over a real
 * socket.io-client socket opened as the page opens it, with the display's backoff and heartbeat.
 * Around it the test's eyes: every update is checked for what a user would see as wrong (the
 * board going back in time, a change applied twice, a follow refused), and waits are on its
 * updates, never on the clock.
 */
export class SyncedScreen {
  readonly socket: Socket<ServerToClientEvents, StaffToServerEvents>;
  readonly sync: BoardSync;
  readonly problems: string[] = [];
  /** Whole boards taken (the first one included), as against patches. */
  snapshots = 0;
  private highest = -1;
  private lastPatch = -1;
  private readonly timers = new FreezableTimers();
  private readonly listeners = new Set<() => void>();

  constructor(
    url: string,
    readonly ns: "display" | "staff",
    readonly date: string,
    opts: ScreenOptions = {},
  ) {
    this.socket = connect(url + (ns === "staff" ? STAFF_NAMESPACE : DISPLAY_NAMESPACE), {
      ...SCREEN_SOCKET_OPTIONS,
      // a page has a connection of its own; in one Node process the screens must not share one
      forceNew: true,
      ...(opts.cookie ? { extraHeaders: { cookie: opts.cookie } } : {}),
    });
    this.sync = new BoardSync(this.socket, {
      timers: this.timers,
      ...(opts.heartbeatMs !== undefined ? { heartbeatMs: opts.heartbeatMs } : {}),
      ...(opts.heartbeatTimeoutMs !== undefined ? { heartbeatTimeoutMs: opts.heartbeatTimeoutMs } : {}),
      ...(opts.backoff ? { backoff: opts.backoff } : {}),
      onUpdate: () => this.updated(),
      onChange: (c) => this.changed(c),
      onRefused: (e) => this.problems.push(`follow refused: ${e.code} ${e.message}`),
      onProtocolMismatch: () => this.problems.push("protocol mismatch"),
    });
    this.sync.follow(date);
    this.sync.start();
  }

  get state(): BoardState | null {
    return this.sync.state;
  }

  revision(): number {
    return this.sync.state?.revision ?? -1;
  }

  /** Calls `fn` after every update of this screen's board or status; returns the unsubscribe. */
  onUpdate(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** The network drops under it (the transport closes); the core must notice and come back by itself. */
  drop(): void {
    this.socket.io.engine?.close();
  }

  /**
   * The page freezes: it stops reading its connection (the server keeps writing into the kernel's
   * buffers, then its own queue) and none of its timers runs. Returns the thaw.
   */
  freeze(): () => void {
    // a raw network boundary: engine.io-client's transport and ws's TCP socket are not public API
    const engine = this.socket.io.engine as unknown as { transport?: { ws?: { _socket?: { pause(): void; resume(): void } } } } | undefined;
    const raw = engine?.transport?.ws?._socket;
    raw?.pause();
    this.timers.freeze();
    return once(() => {
      raw?.resume();
      this.timers.thaw();
    });
  }

  /** The TV sleeps: its network goes and its page is suspended. Returns the wake-up (visibilitychange). */
  sleep(): () => void {
    this.timers.freeze();
    this.drop();
    return once(() => {
      this.sync.wake();
      this.timers.thaw();
    });
  }

  close(): void {
    this.sync.stop();
    this.listeners.clear();
  }

  private updated(): void {
    const rev = this.sync.state?.revision;
    if (rev !== undefined) {
      if (rev < this.highest) this.problems.push(`went back from revision ${this.highest} to ${rev}`);
      this.highest = Math.max(this.highest, rev);
    }
    for (const fn of [...this.listeners]) fn();
  }

  private changed(change: BoardChange): void {
    if (!change.patch) {
      this.snapshots++;
    } else {
      if (change.patch.revision <= this.lastPatch) this.problems.push(`revision ${change.patch.revision} applied again`);
      this.lastPatch = change.patch.revision;
    }
    for (const fn of [...this.listeners]) fn();
  }
}

/**
 * Resolves once `check` holds for every screen, re-checked on each of their updates (no polling);
 * fails after `ms` naming `what` and the screens still short. A bound on a wait, not a timing assertion.
 */
export function whenAll(screens: readonly SyncedScreen[], check: (s: SyncedScreen) => boolean, what: string, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const unsubscribe: (() => void)[] = [];
    const finish = (err?: Error) => {
      clearTimeout(timer);
      unsubscribe.forEach((u) => u());
      if (err) reject(err);
      else resolve();
    };
    const test = () => {
      if (screens.every(check)) finish();
    };
    const timer = setTimeout(() => {
      const short = screens.filter((s) => !check(s));
      const sample = short.slice(0, 5).map((s) => `${s.ns} ${s.date} at revision ${s.revision()}, ${s.sync.status}`);
      finish(new Error(`still not true after ${ms} ms: ${what} (${short.length} of ${screens.length} short: ${sample.join("; ")})`));
    }, ms);
    for (const s of screens) unsubscribe.push(s.onUpdate(test));
    test();
  });
}

/** Displays are brought up this many at a time: the first connection of a room is not the storm a test is about. */
const BATCH = 25;

/** `n` public displays of `date`, opened a batch at a time, each batch awaited live; `options(i)` for display i. */
export async function openDisplays(url: string, date: string, n: number, options: (i: number) => ScreenOptions = () => ({})): Promise<SyncedScreen[]> {
  const screens: SyncedScreen[] = [];
  while (screens.length < n) {
    const batch = Array.from({ length: Math.min(BATCH, n - screens.length) }, (_, k) => new SyncedScreen(url, "display", date, options(screens.length + k)));
    await whenAll(batch, (s) => s.sync.status === "live", "a batch of displays following", 60_000);
    screens.push(...batch);
  }
  return screens;
}

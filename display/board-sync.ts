import type { ManagerOptions, Socket, SocketOptions } from "socket.io-client";
import { applyPatch, touchedAppointmentIds, type BoardState } from "../shared/board-state.js";
import type { ErrorBody } from "../shared/errors.js";
import type { BoardPatch } from "../shared/schemas/board.js";
import { PROTOCOL_VERSION, TODAY, type Ack } from "../shared/protocol-constants.js";
import type { DisplayToServerEvents, FollowResult, ServerToClientEvents } from "../shared/protocol.js";
import { decodeCompactDay } from "../shared/display-wire.js";
import { Backoff } from "./backoff.js";
import { ClockOffset } from "./clock-offset.js";

export type ConnectionStatus = "connecting" | "live" | "lost";

export interface BoardChange {
  /** Cards a change touched, for a brief highlight. */
  touched: number[];
  /** The patch as applied; absent when a whole new snapshot replaced the board. */
  patch?: BoardPatch;
  /** True for changes replayed after a reconnect rather than received live. */
  catchUp: boolean;
  /** The board before the change, to see what a card was. */
  before: BoardState | null;
}

/** What the core needs of a socket: socket.io-client's, opened with SCREEN_SOCKET_OPTIONS. */
export type SyncSocket = Pick<Socket<ServerToClientEvents, DisplayToServerEvents>, "connected" | "connect" | "disconnect" | "on" | "off" | "emit">;

/**
 * How every screen opens its socket. Reconnection is the core's (backoff with jitter, wake-up,
 * heartbeat): socket.io's own would not retry after a server shutdown.
 */
export const SCREEN_SOCKET_OPTIONS: Partial<ManagerOptions & SocketOptions> = { transports: ["websocket"], reconnection: false, autoConnect: false, timeout: 5_000 };

/** One-shot timers; a page passes the window's, a test may pass ones it can hold still, as a frozen page's are. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface BoardSyncOptions {
  /** How often the connection proves it is alive with a `time:sync` round trip. */
  heartbeatMs?: number;
  /** A round trip slower than this counts as loss. heartbeat + timeout stay under 5 s. */
  heartbeatTimeoutMs?: number;
  timers?: Timers;
  /** This machine's clock, ms since epoch; it may be wrong by hours, only its pace matters. */
  now?: () => number;
  backoff?: Backoff;
  onChange?: (change: BoardChange) => void;
  /** State, status or the server's clock changed: the screen should render again. */
  onUpdate?: () => void;
  /** The server speaks another protocol: a page reloads. */
  onProtocolMismatch?: () => void;
  /** The server refused a follow for another reason; the core drops the connection and tries again later. */
  onRefused?: (error: ErrorBody) => void;
}

/** Patches that arrive while a follow is in flight wait here; past this many the board takes a fresh snapshot instead. */
const MAX_BUFFERED_PATCHES = 2_000;
const FOLLOW_TIMEOUT_MS = 5_000;

/**
 * Keeps one date's board live over Socket.IO: a snapshot, then every patch in revision order via
 * the shared `applyPatch`. It notices a gap, a reconnect or a `resync` and follows again with the
 * revision it holds, so the server replays what was missed. Its own heartbeat (`time:sync`, which
 * also measures the server's clock) detects a dead link within seconds even when TCP does not;
 * reconnects back off with jitter, and `wake()` retries at once.
 * No DOM: the socket, the timers and the local clock are handed in, so the very same code runs in
 * the page and in the reliability tests.
 */
export class BoardSync {
  state: BoardState | null = null;
  status: ConnectionStatus = "connecting";
  /** Server time up to which the board is known to be current; the banner's "显示 HH:mm 的数据". */
  confirmedAt: number | null = null;
  /** Set when the first connection attempt failed, for the launch screen. */
  failedToConnect = false;

  private readonly clock = new ClockOffset();
  private readonly timers: Timers;
  private readonly now: () => number;
  private readonly backoff: Backoff;
  private readonly heartbeatMs: number;
  private readonly heartbeatTimeoutMs: number;
  private date: string | null = null;
  private followSeq = 0;
  private following = false;
  private buffered: BoardPatch[] = [];
  private heartbeat: unknown;
  private retry: unknown;
  /** Round trips awaiting their answer or their timeout; a lost link abandons them all. */
  private readonly asking = new Set<() => void>();
  private active = false;

  constructor(
    readonly socket: SyncSocket,
    private readonly options: BoardSyncOptions = {},
  ) {
    this.heartbeatMs = options.heartbeatMs ?? 2_000;
    this.heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 2_500;
    this.timers = options.timers ?? realTimers;
    this.now = options.now ?? (() => Date.now());
    this.backoff = options.backoff ?? new Backoff();
  }

  /** The server's clock now, in ms since epoch. */
  serverNow(): number {
    return this.clock.now(this.now());
  }

  /** Follows `date` (YYYY-MM-DD, or TODAY: the server's today); a new date starts from a snapshot. */
  follow(date: string): void {
    if (date === this.date) return;
    // the old day stays on screen until the new one's snapshot replaces it
    this.date = date;
    if (this.socket.connected) this.requestFollow(false);
  }

  start(): void {
    this.active = true;
    this.socket.on("connect", this.onConnect);
    this.socket.on("disconnect", this.onDisconnect);
    this.socket.on("connect_error", this.onDisconnect);
    this.socket.on("board:patch", this.onPatch);
    this.socket.connect();
  }

  /** Leaves nothing behind: no listener on the socket, no timer, no connection. */
  stop(): void {
    this.active = false;
    this.stopHeartbeat();
    this.abandonAsks();
    this.timers.clear(this.retry);
    this.retry = undefined;
    this.socket.off("connect", this.onConnect);
    this.socket.off("disconnect", this.onDisconnect);
    this.socket.off("connect_error", this.onDisconnect);
    this.socket.off("board:patch", this.onPatch);
    this.socket.disconnect();
  }

  /** A screen waking up or a network coming back: check at once rather than wait for the next backoff step. */
  wake(): void {
    if (!this.active) return;
    if (this.socket.connected) {
      this.sync();
      if (this.date) this.requestFollow(this.state !== null);
      return;
    }
    this.backoff.reset();
    this.timers.clear(this.retry);
    this.retry = undefined;
    this.socket.connect();
  }

  private readonly onConnect = () => {
    this.backoff.reset();
    this.failedToConnect = false;
    this.startHeartbeat();
    this.sync();
    if (this.date) this.requestFollow(this.state !== null);
  };

  private readonly onDisconnect = () => {
    this.markLost();
    this.scheduleReconnect();
  };

  private dropLink(): void {
    if (this.socket.connected) this.socket.disconnect();
    this.onDisconnect();
  }

  private markLost(): void {
    this.stopHeartbeat();
    this.abandonAsks();
    this.following = false;
    this.buffered = [];
    if (this.status === "live") this.status = "lost";
    else if (this.status === "connecting") this.failedToConnect = true;
    this.options.onUpdate?.();
  }

  private scheduleReconnect(): void {
    if (!this.active || this.retry !== undefined) return;
    this.retry = this.timers.set(() => {
      this.retry = undefined;
      if (this.active && !this.socket.connected) this.socket.connect();
    }, this.backoff.next());
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    this.heartbeat = this.timers.set(() => {
      this.startHeartbeat();
      this.sync();
    }, this.heartbeatMs);
  }

  private stopHeartbeat(): void {
    this.timers.clear(this.heartbeat);
    this.heartbeat = undefined;
  }

  /**
   * Sends with an acknowledgement and waits at most `ms` on the core's own timers (socket.io's
   * `timeout()` keeps its own, which a test could not hold still). `done` gets the answer, or
   * `undefined` when none came in time; neither when the link was lost meanwhile.
   */
  private ask<T>(ms: number, send: (answer: (res: T) => void) => void, done: (res: T | undefined) => void): void {
    let open = true;
    const abandon = () => {
      open = false;
      this.timers.clear(timer);
      this.asking.delete(abandon);
    };
    const timer = this.timers.set(() => {
      if (!open) return;
      abandon();
      done(undefined);
    }, ms);
    this.asking.add(abandon);
    send((res) => {
      if (!open) return;
      abandon();
      done(res);
    });
  }

  private abandonAsks(): void {
    for (const abandon of [...this.asking]) abandon();
  }

  /** One `time:sync` round trip: a clock sample when it answers in time, a lost link when it does not. */
  private sync(): void {
    const sentAt = this.now();
    this.ask<number>(
      this.heartbeatTimeoutMs,
      (answer) => this.socket.emit("time:sync", answer),
      (serverTime) => {
        if (!this.active) return;
        if (serverTime === undefined) return this.dropLink();
        this.clock.add({ sentAt, serverTime, receivedAt: this.now() });
        if (this.status === "live" && !this.following) this.confirmedAt = this.serverNow();
        this.options.onUpdate?.();
      },
    );
  }

  private requestFollow(withSince: boolean): void {
    if (!this.date) return;
    const seq = ++this.followSeq;
    const since = withSince && this.state && this.state.date === this.date ? this.state.revision : undefined;
    this.following = true;
    this.buffered = [];
    const req = { date: this.date, protocol: PROTOCOL_VERSION, ...(since !== undefined ? { since } : {}) };
    this.ask<Ack<FollowResult>>(
      FOLLOW_TIMEOUT_MS,
      (answer) => this.socket.emit("board:follow", req, answer),
      (res) => {
        if (seq !== this.followSeq || !this.active) return;
        if (res === undefined) return this.dropLink();
        this.onFollowed(res);
      },
    );
  }

  private onFollowed(res: Ack<FollowResult>): void {
    if (!res.ok) {
      if (res.error.code === "protocol_mismatch") {
        this.options.onProtocolMismatch?.();
        return;
      }
      this.options.onRefused?.(res.error);
      this.dropLink();
      return;
    }
    const data = res.data;
    const seq = this.followSeq;
    const wasLive = this.status === "live";
    // listeners hear of the changes once the board is settled, so one that follows another date starts clean
    const changes: BoardChange[] = [];
    if (data.kind !== "patches") {
      // a display's day comes compact, a staff screen's as whole cards: the same board either way
      const snapshot = data.kind === "compact" ? decodeCompactDay(data.day) : data.snapshot;
      changes.push({ touched: [], catchUp: true, before: this.state });
      this.state = snapshot;
      // from now on the day the server chose, so that a reconnect catches up on it rather than reloads it
      if (this.date === TODAY) this.date = snapshot.date;
      this.clock.seed(snapshot.serverTime, this.now());
    } else if (this.state) {
      for (const p of data.patches) if (!this.apply(p, true, changes)) return this.notify(changes);
    }
    this.following = false;
    const waiting = this.buffered;
    this.buffered = [];
    for (const p of waiting) if (!this.apply(p, !wasLive, changes)) return this.notify(changes);
    this.status = "live";
    this.confirmedAt = this.serverNow();
    this.options.onUpdate?.();
    if (seq === this.followSeq) this.notify(changes);
  }

  private notify(changes: BoardChange[]): void {
    for (const c of changes) this.options.onChange?.(c);
  }

  private readonly onPatch = (patch: BoardPatch) => {
    if (this.following) {
      if (this.buffered.length >= MAX_BUFFERED_PATCHES) {
        this.state = null;
        this.requestFollow(false);
        return;
      }
      this.buffered.push(patch);
      return;
    }
    if (!this.state) return;
    this.clock.observe(patch.serverTime, this.now());
    const changes: BoardChange[] = [];
    if (this.apply(patch, false, changes)) {
      this.confirmedAt = patch.serverTime;
      this.options.onUpdate?.();
    }
    this.notify(changes);
  };

  /** Applies one patch; false when it could not be (a gap or a resync), after asking the server again. */
  private apply(patch: BoardPatch, catchUp: boolean, changes: BoardChange[]): boolean {
    if (!this.state) return false;
    const before = this.state;
    const r = applyPatch(before, patch);
    switch (r.kind) {
      case "applied":
        this.state = r.state;
        if (patch.ops.length > 0) changes.push({ touched: touchedAppointmentIds(patch), patch, catchUp, before });
        return true;
      case "stale":
        return true;
      case "gap":
        this.requestFollow(true);
        return false;
      case "resync":
        this.requestFollow(false);
        return false;
    }
  }
}

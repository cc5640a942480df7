import type { ReactiveController, ReactiveControllerHost } from "lit";
import { io, type Socket } from "socket.io-client";
import { applyPatch, touchedAppointmentIds, type BoardState } from "../shared/board-state.js";
import type { BoardPatch } from "../shared/schemas/board.js";
import { DISPLAY_NAMESPACE, PROTOCOL_VERSION, type Ack } from "../shared/protocol-constants.js";
import type { DisplayToServerEvents, FollowResult, ServerToClientEvents } from "../shared/protocol.js";
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

export interface BoardConnectionOptions {
  /** Origin of the server; the page's own by default. */
  url?: string;
  /** `/display` (read-only, masked) by default; a staff screen passes `/staff`. */
  namespace?: string;
  /** The handshake's auth payload: `{ key }` for a paired display (see docs/API.md, Access). */
  auth?: Record<string, string>;
  /** How often the connection proves it is alive with a `time:sync` round trip. */
  heartbeatMs?: number;
  /** A round trip slower than this counts as loss. heartbeat + timeout stay under 5 s. */
  heartbeatTimeoutMs?: number;
  onChange?: (change: BoardChange) => void;
  /** Called when the server speaks another protocol; reloads the page by default. */
  onProtocolMismatch?: () => void;
}

/** Patches that arrive while a follow is in flight wait here; past this many the board takes a fresh snapshot instead. */
const MAX_BUFFERED_PATCHES = 2_000;
const FOLLOW_TIMEOUT_MS = 5_000;

/**
 * Keeps one date's board live over Socket.IO: a snapshot, then every patch in revision order via
 * the shared `applyPatch`. It notices a gap, a reconnect or a `resync` and follows again with the
 * revision it holds, so the server replays what was missed. Its own heartbeat (`time:sync`, which
 * also measures the server's clock) detects a dead link within seconds even when TCP does not;
 * reconnects back off with jitter, and a screen waking up (visibilitychange, online) retries at once.
 * It owns no DOM and no rendering: the host reads `state`, `status` and `serverNow()`.
 */
export class BoardConnection<C extends DisplayToServerEvents = DisplayToServerEvents> implements ReactiveController {
  state: BoardState | null = null;
  status: ConnectionStatus = "connecting";
  /** Server time up to which the board is known to be current; the banner's "显示 HH:mm 的数据". */
  confirmedAt: number | null = null;
  /** Set when the first connection attempt failed, for the launch screen. */
  failedToConnect = false;

  readonly socket: Socket<ServerToClientEvents, C>;
  /** The same socket seen through the events every reader has; C extends them, which TS cannot see through the generic. */
  private readonly reader: Socket<ServerToClientEvents, DisplayToServerEvents>;
  private readonly clock = new ClockOffset();
  private readonly backoff = new Backoff();
  private date: string | null = null;
  private followSeq = 0;
  private following = false;
  private buffered: BoardPatch[] = [];
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private active = false;
  private readonly heartbeatMs: number;
  private readonly heartbeatTimeoutMs: number;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: BoardConnectionOptions = {},
  ) {
    this.heartbeatMs = options.heartbeatMs ?? 2_000;
    this.heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 2_500;
    const url = (options.url ?? location.origin) + (options.namespace ?? DISPLAY_NAMESPACE);
    // reconnection is ours (backoff with jitter, wake-up, heartbeat); socket.io's own would not retry after a server shutdown
    this.socket = io(url, { transports: ["websocket"], reconnection: false, autoConnect: false, timeout: 5_000, ...(options.auth ? { auth: options.auth } : {}) });
    this.reader = this.socket;
    host.addController(this);
  }

  /** The server's clock now, in ms since epoch. */
  serverNow(): number {
    return this.clock.now(Date.now());
  }

  /** Follows `date` (YYYY-MM-DD); a new date starts from a snapshot. */
  follow(date: string): void {
    if (date === this.date) return;
    // the old day stays on screen until the new one's snapshot replaces it
    this.date = date;
    if (this.socket.connected) this.requestFollow(false);
  }

  hostConnected(): void {
    this.active = true;
    this.socket.on("connect", this.onConnect);
    this.socket.on("disconnect", this.onDisconnect);
    this.socket.on("connect_error", this.onDisconnect);
    this.socket.on("board:patch", this.onPatch);
    document.addEventListener("visibilitychange", this.onWake);
    window.addEventListener("online", this.onWake);
    this.socket.connect();
  }

  hostDisconnected(): void {
    this.active = false;
    this.stopHeartbeat();
    clearTimeout(this.retry);
    this.retry = undefined;
    this.socket.off("connect", this.onConnect);
    this.socket.off("disconnect", this.onDisconnect);
    this.socket.off("connect_error", this.onDisconnect);
    this.socket.off("board:patch", this.onPatch);
    document.removeEventListener("visibilitychange", this.onWake);
    window.removeEventListener("online", this.onWake);
    this.socket.disconnect();
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

  /** A TV waking up or a network coming back: check at once rather than wait for the next backoff step. */
  private readonly onWake = () => {
    if (document.visibilityState !== "visible" || !this.active) return;
    if (this.socket.connected) {
      this.sync();
      if (this.date) this.requestFollow(this.state !== null);
      return;
    }
    this.backoff.reset();
    clearTimeout(this.retry);
    this.retry = undefined;
    this.socket.connect();
  };

  private markLost(): void {
    this.stopHeartbeat();
    this.following = false;
    this.buffered = [];
    if (this.status === "live") this.status = "lost";
    else if (this.status === "connecting") this.failedToConnect = true;
    this.host.requestUpdate();
  }

  private scheduleReconnect(): void {
    if (!this.active || this.retry !== undefined) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (this.active && !this.socket.connected) this.socket.connect();
    }, this.backoff.next());
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    this.heartbeat = setInterval(() => this.sync(), this.heartbeatMs);
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  /** One `time:sync` round trip: a clock sample when it answers in time, a lost link when it does not. */
  private sync(): void {
    const sentAt = Date.now();
    this.reader.timeout(this.heartbeatTimeoutMs).emit("time:sync", (err: Error | null, serverTime: number) => {
      if (!this.active) return;
      if (err) {
        if (this.socket.connected) this.socket.disconnect();
        this.onDisconnect();
        return;
      }
      this.clock.add({ sentAt, serverTime, receivedAt: Date.now() });
      if (this.status === "live" && !this.following) this.confirmedAt = this.serverNow();
      this.host.requestUpdate();
    });
  }

  private requestFollow(withSince: boolean): void {
    if (!this.date) return;
    const seq = ++this.followSeq;
    const since = withSince && this.state && this.state.date === this.date ? this.state.revision : undefined;
    this.following = true;
    this.buffered = [];
    const req = { date: this.date, protocol: PROTOCOL_VERSION, ...(since !== undefined ? { since } : {}) };
    this.reader.timeout(FOLLOW_TIMEOUT_MS).emit("board:follow", req, (err: Error | null, res: Ack<FollowResult>) => {
      if (seq !== this.followSeq || !this.active) return;
      if (err) {
        this.socket.disconnect();
        this.onDisconnect();
        return;
      }
      this.onFollowed(res);
    });
  }

  private onFollowed(res: Ack<FollowResult>): void {
    if (!res.ok) {
      if (res.error.code === "protocol_mismatch") {
        (this.options.onProtocolMismatch ?? (() => location.reload()))();
        return;
      }
      this.socket.disconnect();
      this.onDisconnect();
      return;
    }
    const data = res.data;
    const seq = this.followSeq;
    const wasLive = this.status === "live";
    // listeners hear of the changes once the board is settled, so one that follows another date starts clean
    const changes: BoardChange[] = [];
    if (data.kind === "snapshot") {
      changes.push({ touched: [], catchUp: true, before: this.state });
      this.state = data.snapshot;
      this.clock.seed(data.snapshot.serverTime, Date.now());
    } else if (this.state) {
      for (const p of data.patches) if (!this.apply(p, true, changes)) return this.notify(changes);
    }
    this.following = false;
    const waiting = this.buffered;
    this.buffered = [];
    for (const p of waiting) if (!this.apply(p, !wasLive, changes)) return this.notify(changes);
    this.status = "live";
    this.confirmedAt = this.serverNow();
    this.host.requestUpdate();
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
    this.clock.observe(patch.serverTime, Date.now());
    const changes: BoardChange[] = [];
    if (this.apply(patch, false, changes)) {
      this.confirmedAt = patch.serverTime;
      this.host.requestUpdate();
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

import type { ReactiveController, ReactiveControllerHost } from "lit";
import { io, type Socket } from "socket.io-client";
import type { BoardState } from "../shared/board-state.js";
import { localParts } from "../shared/rules/zoned-time.js";
import type { DisplayToServerEvents, ServerToClientEvents } from "../shared/protocol.js";
import { namespaceUrl, type SiteNamespace } from "./site-path.js";
import { BoardSync, SCREEN_SOCKET_OPTIONS, type BoardChange, type ConnectionStatus } from "./board-sync.js";

export type { BoardChange, ConnectionStatus } from "./board-sync.js";

export interface BoardConnectionOptions {
  /** Origin of the server; the page's own by default. */
  url?: string;
  /** The site's `display` namespace (read-only, masked) by default; a staff screen passes `staff`. */
  namespace?: SiteNamespace;
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

/**
 * The board's live connection as a Lit controller: a thin adapter over `BoardSync` (display/board-sync.ts),
 * which does the protocol. It opens the socket at the page's origin, starts and stops the core with
 * its host, re-renders the host on every update, and turns the page's wake-ups (visibilitychange,
 * online) into `wake()`.
 */
export class BoardConnection<C extends DisplayToServerEvents = DisplayToServerEvents> implements ReactiveController {
  readonly socket: Socket<ServerToClientEvents, C>;
  private readonly sync: BoardSync;

  constructor(host: ReactiveControllerHost, options: BoardConnectionOptions = {}) {
    const url = (options.url ?? location.origin) + namespaceUrl(options.namespace ?? "display");
    this.socket = io(url, { ...SCREEN_SOCKET_OPTIONS, ...(options.auth ? { auth: options.auth } : {}) });
    this.sync = new BoardSync(this.socket, {
      ...(options.heartbeatMs !== undefined ? { heartbeatMs: options.heartbeatMs } : {}),
      ...(options.heartbeatTimeoutMs !== undefined ? { heartbeatTimeoutMs: options.heartbeatTimeoutMs } : {}),
      ...(options.onChange ? { onChange: options.onChange } : {}),
      onUpdate: () => host.requestUpdate(),
      onProtocolMismatch: options.onProtocolMismatch ?? (() => location.reload()),
    });
    host.addController(this);
  }

  get state(): BoardState | null {
    return this.sync.state;
  }

  get status(): ConnectionStatus {
    return this.sync.status;
  }

  /** Server time up to which the board is known to be current; the banner's "显示 HH:mm 的数据". */
  get confirmedAt(): number | null {
    return this.sync.confirmedAt;
  }

  /** Set when the first connection attempt failed, for the launch screen. */
  get failedToConnect(): boolean {
    return this.sync.failedToConnect;
  }

  /** The server's clock now, in ms since epoch. */
  serverNow(): number {
    return this.sync.serverNow();
  }

  /** Follows `date` (YYYY-MM-DD, or TODAY: the server's today); a new date starts from a snapshot. */
  follow(date: string): void {
    this.sync.follow(date);
  }

  /** A page that follows today (the phone, the gate) moves on to the new day at the site's midnight, by the server's clock. */
  followToday(): void {
    const s = this.state;
    if (!s) return;
    const today = localParts(this.serverNow(), s.settings.timeZone).date;
    if (today !== s.date) this.follow(today);
  }

  hostConnected(): void {
    document.addEventListener("visibilitychange", this.onWake);
    window.addEventListener("online", this.onWake);
    this.sync.start();
  }

  hostDisconnected(): void {
    document.removeEventListener("visibilitychange", this.onWake);
    window.removeEventListener("online", this.onWake);
    this.sync.stop();
  }

  private readonly onWake = () => {
    if (document.visibilityState === "visible") this.sync.wake();
  };
}

import { io as connect, type Socket } from "socket.io-client";
import { applyPatch, type BoardState } from "../../shared/board-state.js";
import {
  DISPLAY_NAMESPACE,
  PROTOCOL_VERSION,
  STAFF_NAMESPACE,
  type Ack,
  type FollowResult,
  type ServerToClientEvents,
  type StaffToServerEvents,
} from "../../shared/protocol.js";
import type { BoardPatch } from "../../shared/schemas/board.js";

export interface FollowerOptions {
  /** First reconnection delay; socket.io-client doubles it up to the max, each with ±50 % jitter. */
  reconnectionDelay?: number;
  reconnectionDelayMax?: number;
  /** The session a staff screen is signed in with; a public display sends none. */
  cookie?: string;
}

/**
 * A screen's live board in Node, following the protocol the way a page must: snapshot or replay on
 * every (re)connect, consecutive patches through the shared `applyPatch`, re-follow on a gap or a
 * resync. It records anything a user would see as wrong: the board going back in time, a change
 * applied twice, a follow refused.
 */
export class BoardFollower {
  readonly socket: Socket<ServerToClientEvents, StaffToServerEvents>;
  state: BoardState | null = null;
  readonly problems: string[] = [];
  snapshots = 0;
  private highest = -1;
  private following = false;
  private buffered: BoardPatch[] = [];

  constructor(
    url: string,
    readonly ns: "display" | "staff",
    readonly date: string,
    opts: FollowerOptions = {},
  ) {
    this.socket = connect(url + (ns === "staff" ? STAFF_NAMESPACE : DISPLAY_NAMESPACE), {
      transports: ["websocket"],
      forceNew: true,
      reconnectionDelay: opts.reconnectionDelay ?? 250,
      reconnectionDelayMax: opts.reconnectionDelayMax ?? 2_000,
      randomizationFactor: 0.5,
      ...(opts.cookie ? { extraHeaders: { cookie: opts.cookie } } : {}),
    });
    this.socket.on("connect", () => void this.follow(this.state?.revision));
    // socket.io-client gives up after the server ends the connection itself (it drops a screen that
    // stopped reading); the TV's own connection (display/board-connection.ts) comes back after any loss
    this.socket.on("disconnect", (reason) => {
      if (reason === "io server disconnect") this.socket.connect();
    });
    this.socket.on("board:patch", (patch) => this.onPatch(patch));
  }

  revision(): number {
    return this.state?.revision ?? -1;
  }

  /**
   * Stops reading the connection, as a frozen page does: the server keeps writing into the kernel's
   * buffers and then its own queue. Returns the thaw.
   */
  freeze(): () => void {
    // a raw network boundary: engine.io-client's transport and ws's TCP socket are not public API
    const engine = this.socket.io.engine as unknown as { transport?: { ws?: { _socket?: { pause(): void; resume(): void } } } } | undefined;
    const raw = engine?.transport?.ws?._socket;
    raw?.pause();
    return () => raw?.resume();
  }

  close(): void {
    this.socket.disconnect();
  }

  private async follow(since: number | undefined): Promise<void> {
    this.following = true;
    this.buffered = [];
    let res: Ack<FollowResult>;
    try {
      res = await this.socket.timeout(5_000).emitWithAck("board:follow", { date: this.date, protocol: PROTOCOL_VERSION, ...(since !== undefined ? { since } : {}) });
    } catch {
      // no answer in time: when the connection died the next `connect` follows again; when it is
      // still up the server was only slow, so ask again
      this.following = false;
      if (this.socket.connected) void this.follow(since);
      return;
    }
    if (!res.ok) {
      this.problems.push(`follow refused: ${res.error.code} ${res.error.message}`);
      this.following = false;
      return;
    }
    if (res.data.kind === "snapshot") {
      const snap = res.data.snapshot;
      if (snap.revision < this.highest) this.problems.push(`went back from revision ${this.highest} to ${snap.revision}`);
      this.state = snap;
      this.highest = Math.max(this.highest, snap.revision);
      this.snapshots++;
    } else {
      for (const p of res.data.patches) if (!this.apply(p)) return;
    }
    this.following = false;
    const queued = this.buffered;
    this.buffered = [];
    for (const p of queued) if (!this.apply(p)) return;
  }

  private onPatch(patch: BoardPatch): void {
    if (this.following || !this.state) this.buffered.push(patch);
    else this.apply(patch);
  }

  /** Applies one patch; false when it started a new follow instead. */
  private apply(patch: BoardPatch): boolean {
    if (!this.state) return true;
    const r = applyPatch(this.state, patch);
    switch (r.kind) {
      case "applied":
        if (r.state.revision <= this.highest) this.problems.push(`revision ${r.state.revision} applied again`);
        this.state = r.state;
        this.highest = r.state.revision;
        return true;
      case "stale":
        return true;
      case "gap":
        void this.follow(this.state.revision);
        return false;
      case "resync":
        void this.follow(undefined);
        return false;
    }
  }
}

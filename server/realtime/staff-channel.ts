import { CommandRequestSchema, type StaffToServerEvents } from "../../shared/protocol.js";
import { mayRead } from "../../shared/rules/permissions.js";
import type { Board } from "../board/board.js";
import type { Clock } from "../board/clock.js";
import { DomainError } from "../board/domain-error.js";
import { sessionKey, type AccessControl, type Principal } from "../access/access-control.js";
import { endRevoked, handshakeString, type StaffNamespace, type StaffSocket } from "./namespaces.js";
import type { View } from "./publisher.js";
import { serveReads } from "./reads.js";

/** How often open staff sockets are checked against their session (expired, signed out elsewhere, account disabled). */
export const SESSION_CHECK_MS = 60_000;

/**
 * `/staff`: only a signed-in account (or API token) that may read the board connects; it reads in
 * full and sends commands. Its session is checked at the handshake, on every command, and once a
 * minute, since a socket outlives the session it was opened with.
 */
export class StaffChannel {
  private sessionCheck: { cancel(): void } | null = null;

  constructor(
    private readonly ns: StaffNamespace,
    private readonly board: Board,
    private readonly access: AccessControl,
    private readonly clock: Clock,
    view: View,
  ) {
    ns.use((socket, next) => {
      this.principalOf(socket).then((principal) => {
        if (!principal) return next(new Error("unauthorized"));
        if (principal.mustChangePassword) return next(new Error("password_change_required"));
        if (!mayRead(principal.actor.role, "board")) return next(new Error("forbidden"));
        socket.data.actor = principal.actor;
        socket.data.ends = [principal.actor.id, ...(principal.sessionHash ? [sessionKey(principal.sessionHash)] : [])];
        next();
      }, next);
    });
    ns.on("connection", (socket) => {
      serveReads(socket, view, board);
      socket.on("board:command", (raw, ack) => {
        this.onCommand(socket, raw, ack).catch((err: unknown) => {
          if (typeof ack === "function") ack({ ok: false, error: board.refusalOf(err) });
        });
      });
    });
    this.armSessionCheck();
  }

  /** Staff screens connected now. */
  count(): number {
    return this.ns.sockets.size;
  }

  end(ids: string[]): void {
    endRevoked(this.ns, ids);
  }

  close(): void {
    this.sessionCheck?.cancel();
    this.sessionCheck = null;
  }

  /**
   * An open staff page counts as use, so it is the absolute limit (or a sign-out, or the manager)
   * that ends a phone left on all week.
   */
  private armSessionCheck(): void {
    this.sessionCheck = this.clock.setTimer(SESSION_CHECK_MS, () => {
      void this.endLapsedSessions().finally(() => {
        // closed while the sessions were being read
        if (this.sessionCheck !== null) this.armSessionCheck();
      });
    });
  }

  private async endLapsedSessions(): Promise<void> {
    for (const socket of [...this.ns.sockets.values()]) {
      // a session that cannot be read now is looked at again next time
      const principal = await this.principalOf(socket).catch(() => undefined);
      if (principal === null) socket.disconnect(true);
    }
  }

  /** Cookie or Bearer token from the handshake's headers, or a token in its `auth` payload (for integrations). */
  private async principalOf(socket: StaffSocket): Promise<Principal | null> {
    const headers = socket.handshake.headers;
    const token = handshakeString(socket.handshake.auth, "token");
    const authorization = token !== undefined ? `Bearer ${token}` : typeof headers.authorization === "string" ? headers.authorization : undefined;
    return this.access.fromHeaders(headers.cookie, authorization);
  }

  /** The session is looked up again for every command: an expired session, a disabled account or a changed role counts at once. */
  private async onCommand(socket: StaffSocket, raw: unknown, ack: Parameters<StaffToServerEvents["board:command"]>[1]): Promise<void> {
    // typed by the event map, but a client may send anything or nothing in its place
    if (typeof ack !== "function") return;
    const principal = await this.principalOf(socket);
    if (!principal) {
      ack({ ok: false, error: { code: "unauthorized", message: "your session has ended; sign in again" } });
      socket.disconnect(true);
      return;
    }
    if (principal.mustChangePassword) {
      return void ack({ ok: false, error: { code: "forbidden", message: "change your one-time password first", field: "password" } });
    }
    // the command is validated here, once, with its envelope, so a bad field is named as sent: `command.input.date`
    const req = CommandRequestSchema.safeParse(raw);
    if (!req.success) return void ack({ ok: false, error: DomainError.fromZod(req.error).toBody() });
    this.board.submit(req.data.command, principal.actor, req.data.requestId, ack);
  }
}

import type { Namespace, Server, Socket } from "socket.io";
import type { ChangeOp, BoardPatch, BoardSnapshot } from "../../shared/schemas/board.js";
import { maskAppointment } from "../../shared/rules/mask.js";
import { mayRead } from "../../shared/rules/permissions.js";
import {
  CommandRequestSchema,
  DISPLAY_NAMESPACE,
  FollowRequestSchema,
  PROTOCOL_VERSION,
  STAFF_NAMESPACE,
  type Ack,
  type FollowResult,
  type ServerToClientEvents,
  type StaffToServerEvents,
} from "../../shared/protocol.js";
import { DisplayReportSchema, type DisplayStatus } from "../../shared/schemas/access.js";
import type { Actor } from "../../shared/schemas/actor.js";
import type { Board } from "../board/board.js";
import type { LoggedChange } from "../db/change-log-repo.js";
import { DomainError } from "../board/domain-error.js";
import type { Logger } from "../logger.js";
import { sessionKey, type AccessControl, type Principal } from "../access/access-control.js";

interface SocketData {
  date?: string;
  actor?: Actor;
  /** Ids that end this connection when revoked: the actor's, and its session's. */
  ends?: string[];
  /** The paired display behind a /display socket; absent for an unpaired public screen. */
  displayId?: number;
  page?: string;
}

export type BoardIo = Server<StaffToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type BoardNs = Namespace<StaffToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type AnySocket = Socket<StaffToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * A screen that stops reading (a frozen TV, a dead Wi-Fi link) must not make the server buffer
 * without bound: past this many unsent packets it is dropped, and it resyncs when it comes back.
 */
export const MAX_PENDING_PACKETS = 1_000;

/** How often open staff sockets are checked against their session (expired, signed out elsewhere, account disabled). */
export const SESSION_CHECK_MS = 60_000;

/** What a public display may see: the same change with every card masked. */
function publicOps(ops: ChangeOp[]): ChangeOp[] {
  return ops.map((op) => (op.kind === "appointment" ? { ...op, appointment: maskAppointment(op.appointment) } : op));
}

function publicSnapshot(s: BoardSnapshot): BoardSnapshot {
  return { ...s, appointments: s.appointments.map(maskAppointment) };
}

const identity = <T>(x: T) => x;

/**
 * One way of seeing the board, in one namespace. Its sockets are in the view's room, and in the
 * view's room for the date they follow, so a change is masked once per view, never per socket.
 */
interface View {
  ns: BoardNs;
  room: string;
  ops: (ops: ChangeOp[]) => ChangeOp[];
  snapshot: (s: BoardSnapshot) => BoardSnapshot;
}

const dateRoom = (view: View, date: string) => `${view.room}:date:${date}`;

/** The handshake's auth payload is whatever the client sent: only a string `key` or `token` is read. */
function handshakeString(auth: unknown, name: string): string | undefined {
  if (typeof auth !== "object" || auth === null) return undefined;
  const v = (auth as Record<string, unknown>)[name];
  return typeof v === "string" && v.length <= 200 ? v : undefined;
}

/** The live side of the board: who follows which date, and every committed change pushed to them in order. */
export class BoardHub {
  private dropped = 0;
  private readonly display: BoardNs;
  private readonly staff: BoardNs;
  private readonly publicView: View;
  private readonly pairedStaffView: View;
  private readonly staffView: View;
  private readonly views: View[];
  private readonly unsubscribe: Array<() => void>;
  private sessionCheck: { cancel(): void } | null = null;

  constructor(
    io: BoardIo,
    private readonly board: Board,
    private readonly log: Logger,
    private readonly access: AccessControl,
    /** Refuse unpaired screens: only a display with a key sees even the masked board. */
    requirePairing = false,
    private readonly maxPending = MAX_PENDING_PACKETS,
  ) {
    this.display = io.of(DISPLAY_NAMESPACE);
    this.staff = io.of(STAFF_NAMESPACE);
    this.publicView = { ns: this.display, room: "public", ops: publicOps, snapshot: publicSnapshot };
    this.pairedStaffView = { ns: this.display, room: "staff", ops: identity, snapshot: identity };
    this.staffView = { ns: this.staff, room: "staff", ops: identity, snapshot: identity };
    this.views = [this.publicView, this.pairedStaffView, this.staffView];

    this.display.use((socket, next) => {
      const key = handshakeString(socket.handshake.auth, "key");
      if (key === undefined) return next(requirePairing ? new Error("pairing_required") : undefined);
      const paired = this.access.displayByKey(key);
      if (!paired) return next(new Error("unauthorized"));
      socket.data.displayId = paired.id;
      socket.data.actor = this.access.displayActor(paired);
      socket.data.ends = [socket.data.actor.id];
      next();
    });
    this.display.on("connection", (socket) => this.onDisplay(socket));

    this.staff.use((socket, next) => {
      const principal = this.principalOf(socket);
      if (!principal) return next(new Error("unauthorized"));
      if (principal.mustChangePassword) return next(new Error("password_change_required"));
      if (!mayRead(principal.actor.role, "board")) return next(new Error("forbidden"));
      socket.data.actor = principal.actor;
      socket.data.ends = [principal.actor.id, ...(principal.sessionHash ? [sessionKey(principal.sessionHash)] : [])];
      next();
    });
    this.staff.on("connection", (socket) => {
      this.registerReader(socket, this.staffView);
      socket.on("board:command", (raw, ack) => this.onCommand(socket, raw, ack));
    });
    this.unsubscribe = [board.onChange((change) => this.publish(change)), board.onEnded((ids) => this.end(ids))];
    this.armSessionCheck();
  }

  /**
   * A socket outlives the session it was opened with; once a minute each staff socket's session is
   * looked up again and the socket closed when it has ended. An open staff page counts as use, so
   * it is the absolute limit (or a sign-out, or the manager) that ends a phone left on all week.
   */
  private armSessionCheck(): void {
    this.sessionCheck = this.board.clock.setTimer(SESSION_CHECK_MS, () => {
      for (const socket of this.staff.sockets.values()) if (!this.principalOf(socket)) socket.disconnect(true);
      this.armSessionCheck();
    });
  }

  displays(): number {
    return this.display.sockets.size;
  }

  /** Screens dropped since start because they stopped reading. */
  droppedSlow(): number {
    return this.dropped;
  }

  editors(): number {
    return this.staff.sockets.size;
  }

  /** Every paired display with whether it is connected now and what it shows. */
  displayStatuses(): DisplayStatus[] {
    const live = new Map<number, AnySocket>();
    for (const s of this.display.sockets.values()) if (s.data.displayId !== undefined) live.set(s.data.displayId, s);
    return this.board.repos.displays.all().map((d) => {
      const s = live.get(d.id);
      return { ...d, online: s !== undefined, date: s?.data.date ?? null, page: s?.data.page ?? null };
    });
  }

  close(): void {
    for (const u of this.unsubscribe) u();
    this.sessionCheck?.cancel();
    this.sessionCheck = null;
  }

  /** Cookie or Bearer token from the handshake's headers, or a token in its `auth` payload (for integrations). */
  private principalOf(socket: AnySocket): Principal | null {
    const headers = socket.handshake.headers;
    const token = handshakeString(socket.handshake.auth, "token");
    const authorization = token !== undefined ? `Bearer ${token}` : typeof headers.authorization === "string" ? headers.authorization : undefined;
    return this.access.fromHeaders(headers.cookie, authorization);
  }

  private onDisplay(socket: AnySocket): void {
    const id = socket.data.displayId;
    const paired = id === undefined ? undefined : this.board.repos.displays.get(id);
    const view = paired?.visibility === "staff" ? this.pairedStaffView : this.publicView;
    this.registerReader(socket, view);
    socket.on("display:config", (ack) => {
      if (typeof ack !== "function") return;
      ack(paired ? { id: paired.id, name: paired.name, visibility: paired.visibility, language: paired.language, advisorIds: paired.advisorIds } : null);
    });
    if (!paired) return;
    this.markSeen(paired.id);
    socket.on("display:report", (raw) => {
      const report = DisplayReportSchema.safeParse(raw);
      if (report.success) socket.data.page = report.data.page;
    });
    socket.on("disconnect", () => this.markSeen(paired.id));
  }

  private markSeen(displayId: number): void {
    this.board.repos.displays.markSeen(displayId, new Date(this.board.clock.now()).toISOString());
  }

  /**
   * The session is checked again on every command, not only at connection: a socket outlives
   * an expired session, a disabled account or a changed role.
   */
  private onCommand(socket: AnySocket, raw: unknown, ack: unknown): void {
    if (typeof ack !== "function") return;
    const reply = ack as (res: Ack<unknown>) => void;
    const principal = this.principalOf(socket);
    if (!principal) {
      reply({ ok: false, error: { code: "unauthorized", message: "your session has ended; sign in again" } });
      socket.disconnect(true);
      return;
    }
    if (principal.mustChangePassword) {
      return reply({ ok: false, error: { code: "forbidden", message: "change your one-time password first", field: "password" } });
    }
    const req = CommandRequestSchema.safeParse(raw);
    if (!req.success) return reply({ ok: false, error: DomainError.fromZod(req.error).toBody() });
    this.board.execute(req.data.command, principal.actor, req.data.requestId, reply);
  }

  private registerReader(socket: AnySocket, view: View): void {
    void socket.join(view.room);
    socket.on("time:sync", (ack) => {
      if (typeof ack === "function") ack(this.board.clock.now());
    });
    socket.on("board:follow", (raw, ack) => {
      if (typeof ack !== "function") return;
      ack(this.follow(socket, raw, view));
    });
  }

  /**
   * Joining the room and reading the board happen in one synchronous step, so no change can fall
   * between the snapshot and the first patch this socket receives.
   */
  private follow(socket: AnySocket, raw: unknown, view: View): Ack<FollowResult> {
    const req = FollowRequestSchema.safeParse(raw);
    if (!req.success) return { ok: false, error: DomainError.fromZod(req.error).toBody() };
    const { date, protocol, since } = req.data;
    if (protocol !== PROTOCOL_VERSION) {
      return { ok: false, error: { code: "protocol_mismatch", message: `server speaks protocol ${PROTOCOL_VERSION}; reload the page` } };
    }
    try {
      if (socket.data.date && socket.data.date !== date) void socket.leave(dateRoom(view, socket.data.date));
      socket.data.date = date;
      void socket.join(dateRoom(view, date));
      if (since !== undefined) {
        const patches = this.board.patchesSince(since, date);
        if (patches !== null) {
          return { ok: true, data: { kind: "patches", date, serverTime: this.board.clock.now(), patches: patches.map((p) => ({ ...p, ops: view.ops(p.ops) })) } };
        }
      }
      return { ok: true, data: { kind: "snapshot", snapshot: view.snapshot(this.board.snapshot(date)) } };
    } catch (err) {
      return { ok: false, error: this.board.toErrorBody(err) };
    }
  }

  /** One change, once per view and date: full ops to the rooms it touches, an empty tick to the rest. */
  private publish(change: LoggedChange): void {
    const serverTime = this.board.clock.now();
    for (const view of this.views) {
      const patch: BoardPatch = { revision: change.revision, serverTime, ops: view.ops(change.ops) };
      if (change.dates === null) {
        view.ns.to(view.room).emit("board:patch", patch);
      } else {
        const rooms = change.dates.map((d) => dateRoom(view, d));
        view.ns.to(rooms).emit("board:patch", patch);
        view.ns.to(view.room).except(rooms).emit("board:patch", { revision: change.revision, serverTime, ops: [] });
      }
    }
    this.dropStuck(this.display);
    this.dropStuck(this.staff);
  }

  /** Revoked: a display key, a token, an account, one session. Their screens go dark now, not at the next reconnect. */
  private end(ids: string[]): void {
    for (const ns of [this.display, this.staff]) {
      for (const socket of ns.sockets.values()) {
        if (socket.data.ends?.some((e) => ids.includes(e))) socket.disconnect(true);
      }
    }
  }

  private dropStuck(ns: BoardNs): void {
    for (const socket of ns.sockets.values()) {
      const pending = (socket.conn as unknown as { writeBuffer?: unknown[] }).writeBuffer?.length ?? 0;
      if (pending > this.maxPending) {
        this.log.info(`dropping a screen that stopped reading (${pending} packets pending)`);
        this.dropped++;
        socket.disconnect(true);
      }
    }
  }
}

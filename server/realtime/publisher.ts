import type { BroadcastOperator, Socket } from "socket.io";
import type { BoardPatch, BoardSnapshot, ChangeOp } from "../../shared/schemas/board.js";
import type { FollowResult, ServerToClientEvents } from "../../shared/protocol.js";
import { maskAppointment } from "../../shared/rules/mask.js";
import { encodeCompactDay } from "../../shared/display-wire.js";
import type { Board, BoardChange } from "../board/board.js";
import type { Logger } from "../logger.js";
import type { DisplayNamespace, StaffNamespace } from "./namespaces.js";

/**
 * A screen that stops reading (a frozen TV, a dead Wi-Fi link) must not make the server buffer
 * without bound: past this many unsent packets it is dropped, and it resyncs when it comes back.
 */
export const MAX_PENDING_PACKETS = 1_000;

/**
 * One way of seeing the board. Its sockets are in the view's room, and in the view's room for the
 * date they follow, so a change is masked once per view, never per socket.
 */
export interface View {
  readonly room: string;
  ops(ops: ChangeOp[]): ChangeOp[];
  /** A whole day as this view's screens receive it when they follow. */
  day(s: BoardSnapshot): FollowResult;
}

export const dateRoom = (view: View, date: string) => `${view.room}:date:${date}`;

const identity = <T>(x: T) => x;
/** A wall TV takes a whole day in the display's compact form (shared/display-wire.ts): a 900-card day in one frame. */
const compact = (s: BoardSnapshot): FollowResult => ({ kind: "compact", day: encodeCompactDay(s) });

/** What a public display may see: the same change with every card masked. */
const PUBLIC_VIEW: View = {
  room: "public",
  ops: (ops) => ops.map((op) => (op.kind === "appointment" ? { ...op, appointment: maskAppointment(op.appointment) } : op)),
  day: (s) => compact({ ...s, appointments: s.appointments.map(maskAppointment) }),
};
/** A paired staff-only display: every field a TV uses, unmasked, in the same compact form. */
const STAFF_DISPLAY_VIEW: View = { room: "staff", ops: identity, day: compact };
/** The staff screens (editor, phone, gate): whole cards, as the editor's REST read gives them. */
const FULL_VIEW: View = { room: "staff", ops: identity, day: (s) => ({ kind: "snapshot", snapshot: s }) };

type EngineConnection = Socket["conn"];

/**
 * Pushes every committed change to every screen, in order: it owns what each view may see
 * (masking) and how much a screen may fall behind (back-pressure).
 */
export class Publisher {
  /** `/display` unpaired or paired public: masked. */
  readonly publicView = PUBLIC_VIEW;
  /** `/display` paired staff-only: in full (the same room name as `/staff`'s, in another namespace). */
  readonly staffDisplayView = STAFF_DISPLAY_VIEW;
  /** `/staff`: in full, whole cards. */
  readonly fullView = FULL_VIEW;
  private dropped = 0;
  /** Packets queued on each connection and not yet handed to its transport. */
  private readonly pending = new WeakMap<EngineConnection, number>();
  private readonly targets: Array<{ view: View; to: (rooms: string | string[]) => BroadcastOperator<ServerToClientEvents, unknown> }>;
  private readonly unsubscribe: () => void;

  constructor(
    board: Board,
    private readonly display: DisplayNamespace,
    private readonly staff: StaffNamespace,
    private readonly log: Logger,
    private readonly maxPending = MAX_PENDING_PACKETS,
  ) {
    this.targets = [
      { view: this.publicView, to: (rooms) => display.to(rooms) },
      { view: this.staffDisplayView, to: (rooms) => display.to(rooms) },
      { view: this.fullView, to: (rooms) => staff.to(rooms) },
    ];
    display.on("connection", (socket) => this.watch(socket.conn));
    staff.on("connection", (socket) => this.watch(socket.conn));
    this.unsubscribe = board.onChange((change) => this.publish(change));
  }

  /** Screens dropped since start because they stopped reading. */
  droppedSlow(): number {
    return this.dropped;
  }

  close(): void {
    this.unsubscribe();
  }

  /** One change, once per view and date: full ops to the rooms it touches, an empty tick to the rest. */
  private publish(change: BoardChange): void {
    for (const { view, to } of this.targets) {
      const patch: BoardPatch = { revision: change.revision, serverTime: change.serverTime, ops: view.ops(change.ops) };
      if (change.dates === null) {
        to(view.room).emit("board:patch", patch);
      } else {
        const rooms = change.dates.map((d) => dateRoom(view, d));
        to(rooms).emit("board:patch", patch);
        to(view.room).except(rooms).emit("board:patch", { revision: change.revision, serverTime: change.serverTime, ops: [] });
      }
    }
    this.dropStuck(this.display);
    this.dropStuck(this.staff);
  }

  /**
   * Counts a connection's queue from engine.io's own events: a packet is queued on `packetCreate`
   * and leaves the queue when a `flush` hands it to the transport, which a screen that stops
   * reading never lets happen.
   */
  private watch(conn: EngineConnection): void {
    // one connection may carry both namespaces
    if (this.pending.has(conn)) return;
    this.pending.set(conn, 0);
    conn.on("packetCreate", () => this.pending.set(conn, (this.pending.get(conn) ?? 0) + 1));
    // packets queued before the watch began leave in a flush too; never count below empty
    conn.on("flush", (queue: unknown[]) => this.pending.set(conn, Math.max(0, (this.pending.get(conn) ?? 0) - queue.length)));
  }

  private dropStuck(ns: DisplayNamespace | StaffNamespace): void {
    for (const socket of ns.sockets.values()) {
      const pending = this.pending.get(socket.conn) ?? 0;
      if (pending > this.maxPending) {
        this.log.info(`dropping a screen that stopped reading (${pending} packets pending)`);
        this.dropped++;
        socket.disconnect(true);
      }
    }
  }
}

import type { Socket } from "socket.io";
import type { BoardPatch, BoardSnapshot, ChangeOp } from "../../shared/schemas/board.js";
import type { FollowResult } from "../../shared/protocol.js";
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
 * Packets engine.io holds for a connection, not yet handed to its transport: a screen that stops
 * reading never lets them go. engine.io keeps them in `writeBuffer`, which its typings mark private;
 * reading its length when a change goes out costs nothing per packet, where counting them from
 * `packetCreate` and `flush` events cost two listener calls per packet per screen (issue 16, point 3).
 */
export function queuedPackets(conn: EngineConnection): number {
  return (conn as unknown as { writeBuffer?: readonly unknown[] }).writeBuffer?.length ?? 0;
}

/** Where one view's changes go in one namespace, and which of the view's date rooms have followers now. */
interface Target {
  view: View;
  ns: DisplayNamespace | StaffNamespace;
  followed: Set<string>;
}

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
  private readonly targets: Target[];
  private readonly unsubscribe: () => void;

  constructor(
    board: Board,
    private readonly display: DisplayNamespace,
    private readonly staff: StaffNamespace,
    private readonly log: Logger,
    private readonly maxPending = MAX_PENDING_PACKETS,
  ) {
    this.targets = [this.target(this.publicView, display), this.target(this.staffDisplayView, display), this.target(this.fullView, staff)];
    this.unsubscribe = board.onChange((change) => this.publish(change));
  }

  /** Screens dropped since start because they stopped reading. */
  droppedSlow(): number {
    return this.dropped;
  }

  close(): void {
    this.unsubscribe();
  }

  /** Keeps the view's followed date rooms from the adapter's own room events, so a change never looks at every socket to find them. */
  private target(view: View, ns: DisplayNamespace | StaffNamespace): Target {
    const prefix = dateRoom(view, "");
    const followed = new Set<string>();
    ns.adapter.on("create-room", (room: string) => {
      if (room.startsWith(prefix)) followed.add(room);
    });
    ns.adapter.on("delete-room", (room: string) => followed.delete(room));
    return { view, ns, followed };
  }

  /**
   * One change, once per view and date: full ops to the followers of the dates it touches, an empty
   * tick to the followers of every other date (so their revisions stay consecutive), nothing to a
   * room nobody is in (a broadcast encodes its packet before it looks for sockets).
   */
  private publish(change: BoardChange): void {
    for (const { view, ns, followed } of this.targets) {
      // this node's screens only: with several nodes each hears every change from the board and
      // publishes it to its own (cluster-link.ts), so a broadcast through the adapter would repeat it
      const here = ns.local;
      if (change.dates === null) {
        if (ns.adapter.rooms.has(view.room)) here.to(view.room).emit("board:patch", this.patch(change, view));
        continue;
      }
      const touched = change.dates.map((d) => dateRoom(view, d)).filter((room) => followed.has(room));
      if (touched.length > 0) here.to(touched).emit("board:patch", this.patch(change, view));
      if (followed.size > touched.length) {
        const others = [...followed].filter((room) => !touched.includes(room));
        here.to(others).emit("board:patch", { revision: change.revision, serverTime: change.serverTime, ops: [] });
      }
    }
    this.dropStuck(this.display);
    this.dropStuck(this.staff);
  }

  private patch(change: BoardChange, view: View): BoardPatch {
    return { revision: change.revision, serverTime: change.serverTime, ops: view.ops(change.ops) };
  }

  private dropStuck(ns: DisplayNamespace | StaffNamespace): void {
    for (const socket of ns.sockets.values()) {
      const pending = queuedPackets(socket.conn);
      if (pending > this.maxPending) {
        this.log.info(`dropping a screen that stopped reading (${pending} packets pending)`);
        this.dropped++;
        socket.disconnect(true);
      }
    }
  }
}

import type { Namespace, Server, Socket } from "socket.io";
import type { ChangeOp, BoardPatch, BoardSnapshot } from "../../shared/schemas/board.js";
import { maskAppointment } from "../../shared/rules/mask.js";
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
import type { Actor } from "../../shared/schemas/actor.js";
import type { Board } from "../board/board.js";
import type { LoggedChange } from "../db/change-log-repo.js";
import { DomainError } from "../board/domain-error.js";
import type { Logger } from "../logger.js";

interface SocketData {
  date?: string;
  actor?: Actor;
}

export type BoardIo = Server<StaffToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type BoardNs = Namespace<StaffToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type AnySocket = Socket<StaffToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * A screen that stops reading (a frozen TV, a dead Wi-Fi link) must not make the server buffer
 * without bound: past this many unsent packets it is dropped, and it resyncs when it comes back.
 */
export const MAX_PENDING_PACKETS = 1_000;

const roomOf = (date: string) => `date:${date}`;

/** What a public display may see: the same change with every card masked. */
function publicView(ops: ChangeOp[]): ChangeOp[] {
  return ops.map((op) => (op.kind === "appointment" ? { ...op, appointment: maskAppointment(op.appointment) } : op));
}

function publicSnapshot(s: BoardSnapshot): BoardSnapshot {
  return { ...s, appointments: s.appointments.map(maskAppointment) };
}

const identity = <T>(x: T) => x;

interface View {
  ns: BoardNs;
  ops: (ops: ChangeOp[]) => ChangeOp[];
  snapshot: (s: BoardSnapshot) => BoardSnapshot;
}

/** The live side of the board: who follows which date, and every committed change pushed to them in order. */
export class BoardHub {
  private dropped = 0;
  private readonly display: BoardNs;
  private readonly staff: BoardNs;
  private readonly views: View[];
  private readonly unsubscribe: () => void;

  constructor(
    io: BoardIo,
    private readonly board: Board,
    private readonly log: Logger,
    staffActor: (socket: Socket) => Actor | null,
    private readonly maxPending = MAX_PENDING_PACKETS,
  ) {
    this.display = io.of(DISPLAY_NAMESPACE);
    this.staff = io.of(STAFF_NAMESPACE);
    this.views = [
      { ns: this.display, ops: publicView, snapshot: publicSnapshot },
      { ns: this.staff, ops: identity, snapshot: identity },
    ];
    this.display.on("connection", (socket) => this.registerReader(socket, this.views[0]!));
    this.staff.use((socket, next) => {
      const actor = staffActor(socket);
      if (!actor) return next(new Error("unauthorized"));
      socket.data.actor = actor;
      next();
    });
    this.staff.on("connection", (socket) => {
      this.registerReader(socket, this.views[1]!);
      socket.on("board:command", (raw, ack) => {
        if (typeof ack !== "function") return;
        const req = CommandRequestSchema.safeParse(raw);
        if (!req.success) return ack({ ok: false, error: DomainError.fromZod(req.error).toBody() });
        this.board.execute(req.data.command, socket.data.actor!, req.data.requestId, ack);
      });
    });
    this.unsubscribe = board.onChange((change) => this.publish(change));
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

  close(): void {
    this.unsubscribe();
  }

  private registerReader(socket: AnySocket, view: View): void {
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
      if (socket.data.date && socket.data.date !== date) socket.leave(roomOf(socket.data.date));
      socket.data.date = date;
      socket.join(roomOf(date));
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

  /** One change, once per namespace and date: full ops to the rooms it touches, an empty tick to the rest. */
  private publish(change: LoggedChange): void {
    const serverTime = this.board.clock.now();
    for (const view of this.views) {
      const patch: BoardPatch = { revision: change.revision, serverTime, ops: view.ops(change.ops) };
      if (change.dates === null) {
        view.ns.emit("board:patch", patch);
      } else {
        const rooms = change.dates.map(roomOf);
        view.ns.to(rooms).emit("board:patch", patch);
        view.ns.except(rooms).emit("board:patch", { revision: change.revision, serverTime, ops: [] });
      }
      this.dropStuck(view.ns);
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

import type { Socket } from "socket.io";
import { FollowRequestSchema, PROTOCOL_VERSION, TODAY, type Ack, type DisplayToServerEvents, type FollowResult, type ServerToClientEvents } from "../../shared/protocol.js";
import type { Board } from "../board/board.js";
import { DomainError } from "../board/domain-error.js";
import { dateRoom, type View } from "./publisher.js";
import type { NodeEvents, ReaderData } from "./namespaces.js";

/** The requests every screen may make, on either namespace; none of them changes anything. */
type ReadEvents = Pick<DisplayToServerEvents, "board:follow" | "time:sync">;
type ReaderSocket = Socket<ReadEvents, ServerToClientEvents, NodeEvents, ReaderData>;

/** Serves a screen's reads: following a day's board through `view`, and the server's clock. */
export function serveReads(socket: ReaderSocket, view: View, board: Board): void {
  void socket.join(view.room);
  socket.on("time:sync", (ack) => {
    if (typeof ack === "function") ack(board.now());
  });
  socket.on("board:follow", (raw, ack) => {
    if (typeof ack === "function") void follow(socket, raw, view, board).then(ack);
  });
}

/**
 * The room is joined before the board is read: a change committed while the read is under way (on
 * PostgreSQL, by another connection or another node) then reaches this socket as a patch, where
 * joining after the read would let it fall between the two. The screen holds patches that come
 * before its follow is answered and applies them after it (display/board-sync.ts); one the read
 * already holds is dropped as stale (shared/board-state.ts).
 */
async function follow(socket: ReaderSocket, raw: unknown, view: View, board: Board): Promise<Ack<FollowResult>> {
  const req = FollowRequestSchema.safeParse(raw);
  if (!req.success) return { ok: false, error: DomainError.fromZod(req.error).toBody() };
  const { protocol, since } = req.data;
  if (protocol !== PROTOCOL_VERSION) {
    return { ok: false, error: { code: "protocol_mismatch", message: `server speaks protocol ${PROTOCOL_VERSION}; reload the page` } };
  }
  let date: string;
  try {
    date = req.data.date === TODAY ? await board.today() : req.data.date;
  } catch (err) {
    return { ok: false, error: board.refusalOf(err) };
  }
  if (socket.data.date && socket.data.date !== date) void socket.leave(dateRoom(view, socket.data.date));
  socket.data.date = date;
  void socket.join(dateRoom(view, date));
  try {
    const patches = since === undefined ? null : await board.patchesSince(since, date);
    return patches !== null
      ? { ok: true, data: { kind: "patches", date, serverTime: board.now(), patches: patches.map((p) => ({ ...p, ops: view.ops(p.ops) })) } }
      : { ok: true, data: view.day(await board.snapshot(date)) };
  } catch (err) {
    return { ok: false, error: board.refusalOf(err) };
  }
}

import type { Socket } from "socket.io";
import { FollowRequestSchema, PROTOCOL_VERSION, type Ack, type DisplayToServerEvents, type FollowResult, type ServerToClientEvents } from "../../shared/protocol.js";
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
 * The board is read first, and the room joined right after, in the same turn of the event loop:
 * the board announces a change only on the next tick (Board.announce), so no change can fall
 * between the read and the first patch this socket receives. A change the read already holds may
 * arrive again as a patch; the screen drops it as stale (shared/board-state.ts).
 */
async function follow(socket: ReaderSocket, raw: unknown, view: View, board: Board): Promise<Ack<FollowResult>> {
  const req = FollowRequestSchema.safeParse(raw);
  if (!req.success) return { ok: false, error: DomainError.fromZod(req.error).toBody() };
  const { date, protocol, since } = req.data;
  if (protocol !== PROTOCOL_VERSION) {
    return { ok: false, error: { code: "protocol_mismatch", message: `server speaks protocol ${PROTOCOL_VERSION}; reload the page` } };
  }
  try {
    const patches = since === undefined ? null : await board.patchesSince(since, date);
    const answer: Ack<FollowResult> =
      patches !== null
        ? { ok: true, data: { kind: "patches", date, serverTime: board.now(), patches: patches.map((p) => ({ ...p, ops: view.ops(p.ops) })) } }
        : { ok: true, data: view.day(await board.snapshot(date)) };
    if (socket.data.date && socket.data.date !== date) void socket.leave(dateRoom(view, socket.data.date));
    socket.data.date = date;
    void socket.join(dateRoom(view, date));
    return answer;
  } catch (err) {
    return { ok: false, error: board.refusalOf(err) };
  }
}

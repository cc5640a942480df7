// The baseline: a plain Socket.IO server with the same engine options as magboard's, that answers a
// command with an ack and broadcasts a fixed payload to one room. No validation, no database.
// With BENCH_BOARD_FILE it also speaks the display's protocol on /display from a board held in
// memory (follow with replay, time:sync, board:patch), so the display's own sync core can run
// against it; BENCH_PORT and BENCH_LISTEN_AT bring it back on the same address at a given moment.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { applyPatch, type BoardState } from "../../shared/board-state.js";
import { encodeCompactDay } from "../../shared/display-wire.js";
import { DISPLAY_NAMESPACE, type Ack, type FollowRequest, type FollowResult } from "../../shared/protocol.js";
import type { BoardPatch, ChangeOp } from "../../shared/schemas/board.js";
import { delayUntilListen, serveParent } from "../lib/child.js";

export interface BareReady {
  port: number;
}

const http = createServer();
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 256 * 1024, pingInterval: 10_000, pingTimeout: 5_000 });
io.engine.on("connection", (raw: { request: unknown }) => {
  raw.request = null;
});

// raw network boundary: the payload is whatever the bench hands over, broadcast as is
let template: Record<string, unknown> = {};
let seq = 0;

// the display protocol: the board as it is now and the patches since the board file's revision
let board: BoardState | null = process.env.BENCH_BOARD_FILE ? (JSON.parse(readFileSync(process.env.BENCH_BOARD_FILE, "utf8")) as BoardState) : null;
const loggedFrom = board?.revision ?? 0;
const log: BoardPatch[] = [];
const displays = io.of(DISPLAY_NAMESPACE);

displays.on("connection", (socket) => {
  socket.on("time:sync", (ack: (serverTime: number) => void) => ack(Date.now()));
  socket.on("board:follow", (req: FollowRequest, ack: (res: Ack<FollowResult>) => void) => {
    if (!board) return ack({ ok: false, error: { code: "not_found", message: "no board" } });
    void socket.join("board");
    if (req.since !== undefined && req.since >= loggedFrom && req.since <= board.revision) {
      return ack({ ok: true, data: { kind: "patches", date: board.date, serverTime: Date.now(), patches: log.slice(req.since - loggedFrom) } });
    }
    // the day as magboard sends a display it, so a storm of snapshots weighs the same on both
    ack({ ok: true, data: { kind: "compact", day: encodeCompactDay({ ...board, serverTime: Date.now() }) } });
  });
});

io.on("connection", (socket) => {
  socket.on("follow", (room: string, ack: (ok: boolean) => void) => {
    void socket.join(room);
    ack(true);
  });
  socket.on("setup", (payload: Record<string, unknown>, ack: () => void) => {
    template = payload;
    ack();
  });
  // answer first, then broadcast: the same order as magboard's Board.execute
  socket.on("cmd", (_command: unknown, ack: (res: { ok: true; revision: number }) => void) => {
    seq += 1;
    ack({ ok: true, revision: seq });
    io.to("board").emit("patch", { ...template, revision: seq });
  });
  // a change of the display protocol's board: the ops as given, the next revision
  socket.on("board:change", (ops: ChangeOp[], ack: (res: { ok: boolean; revision: number }) => void) => {
    if (!board) return ack({ ok: false, revision: 0 });
    const patch: BoardPatch = { revision: board.revision + 1, serverTime: Date.now(), ops };
    const applied = applyPatch(board, patch);
    if (applied.kind !== "applied") return ack({ ok: false, revision: board.revision });
    board = applied.state;
    log.push(patch);
    ack({ ok: true, revision: patch.revision });
    displays.to("board").emit("board:patch", patch);
  });
});

setTimeout(() => {
  http.listen(Number(process.env.BENCH_PORT ?? 0), "127.0.0.1", () => {
    serveParent<BareReady>({ port: (http.address() as AddressInfo).port }, async () => {
      await new Promise<void>((resolve) => void io.close(() => resolve()));
    });
  });
}, delayUntilListen());

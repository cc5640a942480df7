// The baseline: a plain Socket.IO server with the same engine options as magboard's, that answers a
// command with an ack and broadcasts a fixed payload to one room. No validation, no database.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { serveParent } from "../lib/child.js";

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
});

http.listen(0, "127.0.0.1", () => {
  serveParent<BareReady>({ port: (http.address() as AddressInfo).port }, async () => {
    await new Promise<void>((resolve) => void io.close(() => resolve()));
  });
});

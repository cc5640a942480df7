// A share of the benchmark's displays in a process of its own (bench/lib/swarm.ts starts several),
// so thousands of sockets are not all read by the one event loop that also sends the commands.
// Per group (a site's displays, or a baseline's), it reports when its own share of that group has
// a change: the first and the last receipt, on the machine's monotonic clock (process.hrtime), which
// every process on the machine shares, so the parent compares them with its own emit times.
import type { Socket } from "socket.io-client";
import { connect, connectMany } from "../lib/clients.js";
import { PROTOCOL_VERSION, type Ack, type FollowResult } from "../../shared/protocol.js";
import type { BoardPatch } from "../../shared/schemas/board.js";
import type { SwarmReply, SwarmRequest } from "../lib/swarm-protocol.js";

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

const groups = new Map<string, Socket[]>();
/** Receipts so far of one change by this process's share of its group. */
const partial = new Map<string, { group: string; n: number; first: number; since: number }>();
let outbox: { key: string; first: number; last: number }[] = [];
let flushing = false;
/** Displays the server dropped (a node that fell over, a balancer that cut them, a screen too slow to keep up), per group. */
const dropped: Record<string, number> = {};
function receipt(group: string, key: string): void {
  const t = now();
  const want = groups.get(group)?.length ?? 0;
  let p = partial.get(key);
  if (!p) partial.set(key, (p = { group, n: 0, first: t, since: t }));
  p.n += 1;
  if (p.n < want) return;
  partial.delete(key);
  outbox.push({ key, first: p.first, last: t });
  // one message for every change completed in this turn of the loop; the times are taken already
  if (!flushing) {
    flushing = true;
    setImmediate(() => {
      flushing = false;
      const done = outbox;
      outbox = [];
      send({ done });
    });
  }
}

const send = (msg: SwarmReply): void => void process.send!(msg);

async function open(req: Extract<SwarmRequest, { op: "open" }>): Promise<void> {
  const follow = async (s: Socket) => {
    if (req.kind === "magboard") {
      const res = (await s.emitWithAck("board:follow", { date: req.date, protocol: PROTOCOL_VERSION })) as Ack<FollowResult>;
      if (!res.ok) throw new Error(`follow refused at ${req.url}: ${JSON.stringify(res.error)}`);
    } else {
      await s.emitWithAck("follow", "board");
    }
  };
  const sockets = await connectMany(req.count, async () => {
    const s = await connect(req.url);
    if (req.kind === "magboard") {
      s.on("board:patch", (patch: BoardPatch) => {
        const op = patch.ops[0];
        if (op?.kind === "appointment") receipt(req.group, `${req.group}|${op.appointment.id}:${op.appointment.version}`);
      });
    } else {
      s.on("patch", (patch: { revision: number }) => receipt(req.group, `${req.group}|b${patch.revision}`));
    }
    // counted, then back as a screen comes back, so a later step still has the whole group
    s.on("disconnect", (reason) => {
      if (reason === "io client disconnect") return;
      dropped[req.group] = (dropped[req.group] ?? 0) + 1;
      setTimeout(() => {
        s.once("connect", () => void follow(s).catch(() => undefined));
        s.connect();
      }, 500);
    });
    await follow(s);
    return s;
  });
  groups.set(req.group, [...(groups.get(req.group) ?? []), ...sockets]);
}

// a change some display never got is forgotten after a while; the parent has counted it lost
setInterval(() => {
  const old = now() - 30_000;
  for (const [key, p] of partial) if (p.since < old) partial.delete(key);
}, 5_000).unref();

process.on("message", (req: SwarmRequest) => {
  const reply = (result: unknown) => send({ id: req.id, result });
  const fail = (err: unknown) => send({ id: req.id, error: err instanceof Error ? err.message : String(err) });
  switch (req.op) {
    case "open":
      open(req).then(() => reply(null), fail);
      break;
    case "close":
      for (const s of groups.get(req.group) ?? []) s.disconnect();
      groups.delete(req.group);
      reply(null);
      break;
    case "usage": {
      const cpu = process.cpuUsage();
      reply({ cpuMicros: cpu.user + cpu.system, rss: process.memoryUsage.rss(), dropped });
      break;
    }
    case "stop":
      for (const list of groups.values()) for (const s of list) s.disconnect();
      process.exit(0);
  }
});
process.on("disconnect", () => process.exit(0));
send({ ready: true });

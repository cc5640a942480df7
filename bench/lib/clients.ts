import { io, type Socket } from "socket.io-client";
import { performance } from "node:perf_hooks";

export type Key = string | null;

interface Pending {
  t0: number;
  received: number;
  first: number;
  last: number;
  ack: number;
  done: (t: Timing | null) => void;
  timer: NodeJS.Timeout;
}

/** One command's path, in ms from its emit. `last` is when the slowest display had it. */
export interface Timing {
  ack: number;
  first: number;
  last: number;
}

/** `cookie`: a staff session, which the /staff namespace requires. */
export function connect(url: string, cookie?: string): Promise<Socket> {
  const socket = io(url, { transports: ["websocket"], forceNew: true, reconnection: false, ...(cookie ? { extraHeaders: { cookie } } : {}) });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

/** Opens `n` sockets a batch at a time (a storm of 500 handshakes would only measure the storm). */
export async function connectMany(n: number, open: () => Promise<Socket>, batch = 25): Promise<Socket[]> {
  const out: Socket[] = [];
  while (out.length < n) {
    const size = Math.min(batch, n - out.length);
    out.push(...(await Promise.all(Array.from({ length: size }, open))));
  }
  return out;
}

export async function closeAll(sockets: Socket[]): Promise<void> {
  for (const s of sockets) s.disconnect();
  sockets.length = 0;
  // let the server see the closes before anything is measured again
  await new Promise((r) => setTimeout(r, 300));
}

/**
 * Counts, per command, how many displays got its patch; a command is complete when its ack and
 * all `expected` receipts are in.
 */
export class Tracker {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private expected: number,
    private readonly timeoutMs = 10_000,
  ) {}

  setExpected(n: number): void {
    this.expected = n;
  }

  /** Hook for each display's patch handler. */
  receipt(key: Key): void {
    if (key === null) return;
    const p = this.pending.get(key);
    if (!p) return;
    const now = performance.now();
    if (p.received === 0) p.first = now - p.t0;
    p.received += 1;
    if (p.received === this.expected) p.last = now - p.t0;
    this.finishIfDone(key, p);
  }

  /** Starts timing `key`; call just before the emit, then `acked` from its ack. */
  begin(key: string): Promise<Timing | null> {
    return new Promise((done) => {
      const timer = setTimeout(() => {
        this.pending.delete(key);
        done(null);
      }, this.timeoutMs);
      this.pending.set(key, { t0: performance.now(), received: 0, first: Number.NaN, last: Number.NaN, ack: Number.NaN, done, timer });
    });
  }

  acked(key: string): void {
    const p = this.pending.get(key);
    if (!p) return;
    const now = performance.now();
    p.ack = now - p.t0;
    this.finishIfDone(key, p);
  }

  private finishIfDone(key: string, p: Pending): void {
    if (Number.isNaN(p.ack) || p.received < this.expected) return;
    clearTimeout(p.timer);
    this.pending.delete(key);
    // with no displays the command's path ends at its ack
    p.done({ ack: p.ack, first: this.expected ? p.first : p.ack, last: this.expected ? p.last : p.ack });
  }
}

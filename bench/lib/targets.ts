import type { Socket } from "socket.io-client";
import { randomUUID } from "node:crypto";
import { DISPLAY_NAMESPACE, PROTOCOL_VERSION, STAFF_NAMESPACE, type Ack, type CommandResult, type FollowResult } from "../../shared/protocol.js";
import type { BoardPatch } from "../../shared/schemas/board.js";
import { closeAll, connect, connectMany, Tracker, type Key, type Timing } from "./clients.js";
import { BENCH_ADMIN_PASSWORD, otherHalf } from "./full-day.js";
import type { MagboardReady } from "../servers/magboard-server.js";

/** Something an editor's change can be sent through and timed to the last of its displays. */
export interface Target {
  readonly name: string;
  connectDisplays(n: number): Promise<void>;
  disconnectDisplays(): Promise<void>;
  send(): Promise<Timing | null>;
  close(): Promise<void>;
}

/** magboard: `board:command` on /staff, the real pipeline, `board:patch` to /display followers of the card's date. */
export class MagboardTarget implements Target {
  readonly name = "magboard";
  readonly tracker = new Tracker(0);
  private displays: Socket[] = [];
  private next = 0;
  /** The newest revision an ack has reported. */
  revision = 0;
  private cards: MagboardReady["cards"];
  errors: string[] = [];
  /** One patch as a display received it, for the baseline to send the same bytes. */
  samplePatch: BoardPatch | null = null;

  private constructor(
    private readonly url: string,
    private readonly editor: Socket,
    private readonly ready: MagboardReady,
  ) {
    this.cards = ready.cards;
  }

  static async open(ready: MagboardReady): Promise<MagboardTarget> {
    const url = `http://127.0.0.1:${ready.port}`;
    return new MagboardTarget(url, await connect(url + STAFF_NAMESPACE, await signIn(url)), ready);
  }

  async connectDisplays(n: number): Promise<void> {
    this.displays = await connectMany(n, async () => {
      const s = await connect(this.url + DISPLAY_NAMESPACE);
      s.on("board:patch", (patch: BoardPatch) => {
        const op = patch.ops[0];
        if (op?.kind === "appointment" && !this.samplePatch) this.samplePatch = patch;
        this.tracker.receipt(op?.kind === "appointment" ? `${op.appointment.id}:${op.appointment.version}` : null);
      });
      const res = (await s.emitWithAck("board:follow", { date: this.ready.date, protocol: PROTOCOL_VERSION })) as Ack<FollowResult>;
      if (!res.ok || res.data.kind !== "compact") throw new Error(`follow failed: ${JSON.stringify(res)}`);
      return s;
    });
    this.tracker.setExpected(n);
  }

  async disconnectDisplays(): Promise<void> {
    await closeAll(this.displays);
    this.tracker.setExpected(0);
  }

  /** From now on move only these cards (e.g. the ones a page shows as cards rather than in a summary). */
  onlyCards(ids: ReadonlySet<number>): void {
    this.cards = this.cards.filter((c) => ids.has(c.id));
    if (this.cards.length === 0) throw new Error("none of those cards exists");
  }

  /** Where a move takes a card: the other half of its hour (the same cell on 60-minute slots) unless a caller says otherwise. */
  destination: (card: { id: number; startTime: string }) => string = (card) => otherHalf(card.startTime);

  /** Moves the next card (round robin) to its destination, with the version it now has. */
  send(): Promise<Timing | null> {
    const card = this.cards[this.next++ % this.cards.length]!;
    const command = { type: "appointment.move", id: card.id, version: card.version, startTime: this.destination(card) };
    card.version += 1;
    card.startTime = command.startTime;
    const key = `${card.id}:${card.version}`;
    const timing = this.tracker.begin(key);
    this.editor.emit("board:command", { command, requestId: randomUUID() }, (res: Ack<CommandResult>) => {
      if (!res.ok) this.errors.push(`${res.error.code}: ${res.error.message}`);
      else this.revision = Math.max(this.revision, res.data.revision);
      this.tracker.acked(key);
    });
    return timing;
  }

  async close(): Promise<void> {
    await this.disconnectDisplays();
    this.editor.disconnect();
  }
}

/** The baseline: the same sender → server → room broadcast with a plain Socket.IO server and the same payload. */
export class BareTarget implements Target {
  readonly name = "bare Socket.IO";
  readonly tracker = new Tracker(0);
  private displays: Socket[] = [];
  private seq = 0;

  private constructor(
    private readonly url: string,
    private readonly sender: Socket,
  ) {}

  static async open(port: number): Promise<BareTarget> {
    const url = `http://127.0.0.1:${port}`;
    return new BareTarget(url, await connect(url));
  }

  /** The payload every broadcast carries: a copy of the patch magboard's displays received. */
  async setPayload(patch: BoardPatch): Promise<void> {
    await this.sender.emitWithAck("setup", patch);
  }

  async connectDisplays(n: number): Promise<void> {
    this.displays = await connectMany(n, async () => {
      const s = await connect(this.url);
      s.on("patch", (patch: BoardPatch) => this.tracker.receipt(`b${patch.revision}`));
      await s.emitWithAck("follow", "board");
      return s;
    });
    this.tracker.setExpected(n);
  }

  async disconnectDisplays(): Promise<void> {
    await closeAll(this.displays);
    this.tracker.setExpected(0);
  }

  send(): Promise<Timing | null> {
    const key: Key = `b${++this.seq}`;
    const timing = this.tracker.begin(key);
    this.sender.emit("cmd", { type: "appointment.move", id: 1, version: this.seq, startTime: "10:30" }, () => this.tracker.acked(key));
    return timing;
  }

  async close(): Promise<void> {
    await this.disconnectDisplays();
    this.sender.disconnect();
  }
}

/** Signs in as the bench server's first manager; answers the session cookie. */
export async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: BENCH_ADMIN_PASSWORD }),
  });
  const cookie = res.headers.getSetCookie().map((c) => /^(magboard_session=[^;]+)/.exec(c)?.[1]).find((c) => c !== undefined);
  if (!res.ok || !cookie) throw new Error(`bench sign-in failed: ${res.status} ${await res.text()}`);
  return cookie;
}

import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { connect, type Timing } from "./clients.js";
import { otherHalf, BENCH_ADMIN_PASSWORD, type BenchCard } from "./full-day.js";
import type { DisplaySwarm } from "./swarm.js";
import { addDays } from "../../shared/rules/zoned-time.js";
import { isAwaited } from "../../shared/rules/lateness.js";
import type { Ack, CommandResult } from "../../shared/protocol.js";
import type { Appointment } from "../../shared/schemas/appointment.js";

/** Something that sends one change and times it to the last display of the group it went to. */
export interface ChangeSender {
  readonly name: string;
  send(): Promise<Timing | null>;
  /** Commands the server refused, as `code: message`. */
  readonly errors: string[];
}

/** Signs in as the site's first manager at `site` (a server's root, or /s/<slug>); answers the session cookie, whatever the server named it. */
export async function signInAt(site: string): Promise<string> {
  const res = await fetch(`${site}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: BENCH_ADMIN_PASSWORD }),
  });
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]!)[0];
  if (!res.ok || !cookie) throw new Error(`bench sign-in at ${site} failed: ${res.status} ${await res.text()}`);
  return cookie;
}

/**
 * The full day (12 advisors × 25 cards) on today's and tomorrow's board of the site at `site`, through
 * its API as a manager loads a sample; answers tomorrow's date (no card of it falls due during a run)
 * and its cards a move may be made on.
 */
export async function seedSite(site: string, cookie: string): Promise<{ date: string; cards: BenchCard[] }> {
  const loaded = await fetch(`${site}/api/sample`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ fixture: "full" }) });
  if (!loaded.ok) throw new Error(`loading the full day at ${site} failed: ${loaded.status} ${await loaded.text()}`);
  const date = addDays(((await loaded.json()) as { date: string }).date, 1);
  const board = await fetch(`${site}/api/board?date=${date}`, { headers: { cookie } });
  const { appointments } = (await board.json()) as { appointments: Appointment[] };
  return { date, cards: appointments.filter((a) => isAwaited(a.status)).map(({ id, version, startTime }) => ({ id, version, startTime })) };
}

/** One site's editor: `board:command` moves on its /staff namespace, timed to the last of the group's displays. */
export class SiteEditor implements ChangeSender {
  readonly errors: string[] = [];
  private next = 0;

  private constructor(
    readonly name: string,
    private readonly swarm: DisplaySwarm,
    private readonly staff: Socket,
    private readonly cards: BenchCard[],
  ) {}

  /** `site`: the site's base URL (a server's root, or the balancer's /s/<slug>); `group`: its displays in the swarm. */
  static async open(site: string, cookie: string, group: string, swarm: DisplaySwarm, cards: BenchCard[]): Promise<SiteEditor> {
    // the namespace is the site's path plus /staff, on the server's own socket.io path
    return new SiteEditor(group, swarm, await connect(`${site}/staff`, cookie), cards);
  }

  /** Moves the next card (round robin) to the other half of its hour, with the version it has now. */
  send(): Promise<Timing | null> {
    const card = this.cards[this.next++ % this.cards.length]!;
    const command = { type: "appointment.move", id: card.id, version: card.version, startTime: otherHalf(card.startTime) };
    card.version += 1;
    card.startTime = command.startTime;
    const key = `${this.name}|${card.id}:${card.version}`;
    const timing = this.swarm.begin(this.name, key);
    this.staff.emit("board:command", { command, requestId: randomUUID() }, (res: Ack<CommandResult>) => {
      if (!res.ok) this.errors.push(`${res.error.code}: ${res.error.message}`);
      this.swarm.acked(key);
    });
    return timing;
  }

  close(): void {
    this.staff.disconnect();
  }
}

/** The baseline's sender: `cmd` to the bare Socket.IO server, which acks and broadcasts the patch to its room. */
export class BareSender implements ChangeSender {
  readonly errors: string[] = [];
  private seq = 0;

  private constructor(
    readonly name: string,
    private readonly swarm: DisplaySwarm,
    private readonly socket: Socket,
  ) {}

  static async open(url: string, group: string, swarm: DisplaySwarm, payload: unknown): Promise<BareSender> {
    const socket = await connect(url);
    // the very patch magboard's displays receive, so both sides carry the same bytes
    await socket.emitWithAck("setup", payload);
    return new BareSender(group, swarm, socket);
  }

  send(): Promise<Timing | null> {
    const key = `${this.name}|b${++this.seq}`;
    const timing = this.swarm.begin(this.name, key);
    this.socket.emit("cmd", { type: "appointment.move", id: 1, version: this.seq, startTime: "10:30" }, () => this.swarm.acked(key));
    return timing;
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** The whole group as one sender: each change goes to the next site in turn. */
export class RoundRobin implements ChangeSender {
  private next = 0;
  constructor(
    readonly name: string,
    readonly senders: ChangeSender[],
  ) {}
  get errors(): string[] {
    return this.senders.flatMap((s) => s.errors);
  }
  send(): Promise<Timing | null> {
    return this.senders[this.next++ % this.senders.length]!.send();
  }
}

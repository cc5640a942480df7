import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Appointment } from "../../shared/schemas/appointment.js";
import type { BoardSnapshot } from "../../shared/schemas/board.js";
import type { CommandInput } from "../../shared/schemas/commands.js";
import { STATUS_ACTIONS } from "../../shared/schemas/commands.js";
import { addDays, localParts } from "../../shared/rules/zoned-time.js";
import { SyncedScreen } from "./synced-screen.js";
import { Editor } from "./editor.js";
import { seededRandom } from "./random.js";
import { HOURS } from "./seed.js";
import { signInAt } from "./sign-in.js";
import { startServerProcess, type ServerProcess } from "./server-process.js";
import type { SoakReply, SoakRequest } from "./soak-server.js";
import { booking as fixtureBooking } from "../../server/sample/people.js";

const MINUTE = 60_000;
const STEP_MS = 5 * MINUTE;
/** 07:30 to 19:30 in Shanghai, in five-minute steps. */
const STEPS_PER_DAY = (12 * 60) / 5;
const TZ = "Asia/Shanghai";

export interface SoakSample {
  day: number;
  /** Simulated wall clock, ISO. */
  at: string;
  changes: number;
  connections: number;
  heapUsed: number;
  rss: number;
}

export interface SoakOptions {
  /** Stop after this many simulated days, or when `until()` says so at the end of a day. */
  days: number;
  until?: () => boolean;
  /** Displays kept connected; each step some leave and as many new ones arrive. */
  screens?: number;
  onSample?: (s: SoakSample) => void;
  /** Samples per simulated day. */
  samplesPerDay?: number;
  seed?: number;
}

function ask(server: ServerProcess, req: SoakRequest): Promise<SoakReply> {
  return new Promise((resolve) => {
    server.child.once("message", (m: SoakReply) => resolve(m));
    server.child.send(req);
  });
}

/**
 * Compressed days on the real server with a manual clock: bookings made, moved, edited, arrived,
 * finished; late and no-show marks as the clock passes them; screens coming and going. Returns the
 * server's heap after a full GC, sampled through each day.
 */
export async function runSoak(opts: SoakOptions): Promise<SoakSample[]> {
  const rnd = seededRandom(opts.seed ?? 7);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "magboard-soak-"));
  const server = await startServerProcess({ dataDir, entry: "test/helpers/soak-server.ts", nodeArgs: ["--expose-gc"] });
  const samples: SoakSample[] = [];
  const screens: SyncedScreen[] = [];
  let editor: Editor | null = null;
  try {
    let now = Date.parse("2026-11-26T23:30:00Z");
    let advisors: number[] = [];
    const cards = new Map<number, Appointment>();
    let changes = 0;
    const send = async (cmd: CommandInput) => {
      const sent = await editor!.send(cmd, rnd.id());
      editor!.sent.splice(editor!.sent.indexOf(sent), 1); // the editor's record of every command would itself grow all day
      if (sent.outcome.kind === "ok") {
        changes++;
        const card = sent.outcome.result.record as Appointment;
        cards.set(card.id, card);
      } else if (sent.outcome.kind === "refused" && sent.outcome.current) {
        const card = sent.outcome.current as Appointment;
        cards.set(card.id, card);
      }
    };
    const sampleEvery = Math.max(1, Math.floor(STEPS_PER_DAY / (opts.samplesPerDay ?? 4)));

    for (let day = 1; day <= opts.days && !(day > 1 && opts.until?.()); day++) {
      const today = localParts(now, TZ).date;
      for (const card of [...cards.values()]) if (card.date < today) cards.delete(card.id);
      const leaving = screens.splice(0);
      leaving.forEach((s) => s.close());
      // a desk signs in each morning: last night's session ran out while nobody worked
      const cookie = await signInAt(server.url);
      // the day's board as the desk finds it in the morning: the busy fixture's cards on the first two days, then the soak's own
      const board = (await (await fetch(`${server.url}/api/board?date=${today}`, { headers: { cookie } })).json()) as BoardSnapshot;
      advisors = board.advisors.map((a) => a.id);
      for (const card of board.appointments) cards.set(card.id, card);
      const taken = new Set(board.appointments.map((a) => `plate:${a.plate}`));
      editor?.close();
      editor = new Editor(server.url, cookie);
      await editor.connected();
      for (let step = 0; step < STEPS_PER_DAY; step++) {
        // several desks at once: the step's commands are in flight together
        const batch: Promise<void>[] = [];
        for (let i = 0; i < 3; i++) {
          const date = rnd.next() < 0.7 ? today : addDays(today, 1);
          const { job: _job, ...customer } = fixtureBooking(rnd, taken);
          batch.push(send({ type: "appointment.create", input: { ...customer, advisorId: rnd.pick(advisors), date, startTime: rnd.pick(HOURS) } }));
        }
        const todays = [...cards.values()].filter((c) => c.date === today);
        for (let i = 0; i < 8 && todays.length; i++) {
          const c = todays.splice(rnd.int(0, todays.length - 1), 1)[0]!;
          const r = rnd.next();
          if (r < 0.4) batch.push(send({ type: "appointment.move", id: c.id, version: c.version, startTime: rnd.pick(HOURS), advisorId: rnd.pick(advisors) }));
          else if (r < 0.7) batch.push(send({ type: "appointment.update", id: c.id, version: c.version, changes: { notes: `备注 ${rnd.id()}` } }));
          else batch.push(send({ type: "appointment.status", id: c.id, version: c.version, action: rnd.pick(STATUS_ACTIONS) }));
        }
        await Promise.all(batch);
        // screens come and go: a TV switched on, a desk PC's tab closed, a phone glanced at
        while (screens.length > (opts.screens ?? 20) - 2) screens.splice(rnd.int(0, screens.length - 1), 1)[0]!.close();
        while (screens.length < (opts.screens ?? 20)) screens.push(rnd.next() < 0.8 ? new SyncedScreen(server.url, "display", today) : new SyncedScreen(server.url, "staff", today, { cookie }));
        const reply = await ask(server, { type: "advance", ms: STEP_MS });
        if (reply.type === "advanced") now = reply.now;
        if (step % sampleEvery === sampleEvery - 1) {
          const mem = await ask(server, { type: "memory" });
          if (mem.type === "memory") {
            const s: SoakSample = { day, at: new Date(now).toISOString(), changes, connections: mem.sockets, heapUsed: mem.heapUsed, rss: mem.rss };
            samples.push(s);
            opts.onSample?.(s);
          }
        }
      }
      // the night: the board sits until 07:30 the next morning
      const reply = await ask(server, { type: "advance", ms: 24 * 60 * MINUTE - STEPS_PER_DAY * STEP_MS });
      if (reply.type === "advanced") now = reply.now;
    }
    return samples;
  } finally {
    screens.forEach((s) => s.close());
    editor?.close();
    await server.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

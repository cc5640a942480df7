import type { CommandInput } from "../../shared/schemas/commands.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import type { CommandSender, Sent } from "./editor.js";
import { HOURS } from "./seed.js";
import type { Random } from "./random.js";

/** What one editor believes each card's version is: what it last saw in an answer. */
export class SeenVersions {
  private readonly seen = new Map<number, number>();

  constructor(cards: readonly { id: number; version: number }[]) {
    for (const c of cards) this.seen.set(c.id, c.version);
  }

  ids(): number[] {
    return [...this.seen.keys()];
  }

  of(id: number): number {
    return this.seen.get(id)!;
  }

  learn(sent: Sent): void {
    const o = sent.outcome;
    if (o.kind === "ok") {
      const r = o.result.record as Appointment;
      this.seen.set(r.id, r.version);
    } else if (o.kind === "refused" && o.code === "version_conflict") {
      const c = o.current as Appointment;
      this.seen.set(c.id, c.version);
    }
  }
}

/** A move or an edit of a random card, based on the version this editor saw. */
export function randomEdit(rnd: Random, seen: SeenVersions, advisors: number[]): CommandInput {
  const id = rnd.pick(seen.ids());
  const version = seen.of(id);
  if (rnd.next() < 0.5) {
    return { type: "appointment.move", id, version, startTime: rnd.pick(HOURS), advisorId: rnd.pick(advisors) };
  }
  return { type: "appointment.update", id, version, changes: { notes: `备注 ${rnd.id()}` } };
}

/** Keeps sending edits from one editor until `stop()` is true or its connection dies. */
export async function editLoop(editor: CommandSender, rnd: Random, seen: SeenVersions, advisors: number[], stop: () => boolean): Promise<void> {
  while (!stop() && editor.alive()) {
    const sent = await editor.send(randomEdit(rnd, seen, advisors), rnd.id());
    seen.learn(sent);
  }
}

import type { Actor } from "../../shared/schemas/actor.js";
import type { BoardPatch, BoardSnapshot } from "../../shared/schemas/board.js";
import type { SystemCommand } from "../../shared/schemas/commands.js";
import type { Ack, CommandResult, DayOverlapsReport } from "../../shared/protocol.js";
import { dayOverlaps } from "../../shared/rules/overlaps.js";
import { slotStarts } from "../../shared/rules/time-of-day.js";
import type { ErrorBody } from "../../shared/errors.js";
import type { Repositories } from "../db/repositories.js";
import type { LoggedChange } from "../db/change-log-repo.js";
import type { Clock } from "./clock.js";
import type { Logger } from "../logger.js";
import { CommandPipeline } from "./pipeline.js";
import { DomainError } from "./domain-error.js";

export type ChangeListener = (change: LoggedChange) => void;
/** Told the actor ids (see access/actor-ids.ts) whose live connections must end. */
export type EndedListener = (actorIds: string[]) => void;

/** How far back a screen may replay; further behind, a fresh snapshot is cheaper and safer. */
export const MAX_REPLAY = 1_000;

/**
 * The board as the transports see it: run a command (ack first, then tell every listener), read a
 * day, replay what a screen missed.
 */
export class Board {
  readonly pipeline: CommandPipeline;
  private readonly listeners = new Set<ChangeListener>();
  private readonly endedListeners = new Set<EndedListener>();

  constructor(
    readonly repos: Repositories,
    readonly clock: Clock,
    private readonly log: Logger,
  ) {
    this.pipeline = new CommandPipeline(repos, clock);
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onEnded(listener: EndedListener): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  /** Runs a command through the pipeline, answers the sender, and only then broadcasts. */
  execute(raw: unknown, actor: Actor, requestId: string | undefined, reply: (res: Ack<CommandResult>) => void): void {
    let outcome;
    try {
      outcome = this.pipeline.run(raw, actor, requestId);
    } catch (err) {
      reply({ ok: false, error: this.toErrorBody(err) });
      return;
    }
    reply({ ok: true, data: outcome.result });
    if (outcome.change) this.publish(outcome.change);
    if (outcome.ended.length > 0) this.endConnections(outcome.ended);
  }

  /** Ends the live connections of these actors now, e.g. after a logout that happened outside the pipeline. */
  endConnections(actorIds: string[]): void {
    for (const l of this.endedListeners) {
      try {
        l(actorIds);
      } catch (err) {
        this.log.error("ended listener failed", err);
      }
    }
  }

  /** The server's own commands: nothing to answer, only to broadcast. Returns whether anything changed. */
  executeSystem(cmd: SystemCommand, actor: Actor): boolean {
    const outcome = this.pipeline.runSystem(cmd, actor);
    if (outcome?.change) this.publish(outcome.change);
    return outcome !== null;
  }

  private publish(change: LoggedChange): void {
    for (const l of this.listeners) {
      try {
        l(change);
      } catch (err) {
        this.log.error("change listener failed", err);
      }
    }
  }

  toErrorBody(err: unknown): ErrorBody {
    if (err instanceof DomainError) return err.toBody();
    this.log.error("command failed", err);
    return { code: "internal", message: "the server could not complete this; nothing was changed" };
  }

  revision(): number {
    return this.repos.changes.revision();
  }

  snapshot(date: string): BoardSnapshot {
    const { repos } = this;
    // one read transaction, so the rows and the revision belong together
    return repos.db.transaction(() => {
      const stored = repos.settings.require();
      return {
        revision: repos.changes.revision(),
        date,
        serverTime: this.clock.now(),
        settings: stored.settings,
        settingsVersion: stored.version,
        advisors: repos.advisors.all(),
        bays: repos.bays.all(),
        appointments: repos.appointments.forDate(date),
      };
    })();
  }

  /** A day's overlaps, from the same rule the screens mark them by. */
  overlaps(date: string): DayOverlapsReport {
    const day = this.snapshot(date);
    const found = dayOverlaps(day.appointments, day.advisors, day.settings);
    const slots = slotStarts(day.settings);
    return {
      date,
      revision: day.revision,
      cards: Object.fromEntries(found.byCard),
      overCapacity: [...found.overCapacity.values()].map((o) => ({ advisorId: o.advisorId, slot: slots[o.slot]! })),
    };
  }

  /** The patches a follower of `date` missed after `since`; null when they are no longer all kept. */
  patchesSince(since: number, date: string): BoardPatch[] | null {
    const changes = this.repos.changes.since(since, MAX_REPLAY);
    if (changes === null) return null;
    const serverTime = this.clock.now();
    return changes.map((c) => ({ revision: c.revision, serverTime, ops: touches(c, date) ? c.ops : [] }));
  }
}

export function touches(change: LoggedChange, date: string): boolean {
  return change.dates === null || change.dates.includes(date);
}

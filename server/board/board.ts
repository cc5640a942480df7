import type { Actor } from "../../shared/schemas/actor.js";
import type { BoardPatch, BoardSnapshot } from "../../shared/schemas/board.js";
import type { SystemCommand, ValidCommand } from "../../shared/schemas/commands.js";
import type { FixtureName } from "../../shared/schemas/sample.js";
import type { Ack, CommandResult, DayOverlapsReport } from "../../shared/protocol.js";
import { dayOverlaps } from "../../shared/rules/overlaps.js";
import { slotStarts } from "../../shared/rules/time-of-day.js";
import type { ErrorBody } from "../../shared/errors.js";
import { localParts } from "../../shared/rules/zoned-time.js";
import type { Store } from "../db/store.js";
import type { LoggedChange } from "../db/change-log-repo.js";
import type { Clock } from "./clock.js";
import type { Logger } from "../logger.js";
import { CommandPipeline, type Outcome } from "./pipeline.js";
import { DomainError } from "./domain-error.js";
import { BoardRecords } from "./board-records.js";
import { CallInRecords } from "./call-in-records.js";
import type { ArchiveFiles } from "../db/archive-files.js";
import type { AuditQuery, Retention } from "../../shared/schemas/retention.js";
import { readHistory, type HistoryPage } from "./history.js";

/** A committed change as the board announces it: what the change log holds, and when it went out. */
export interface BoardChange extends LoggedChange {
  serverTime: number;
}

export type ChangeListener = (change: BoardChange) => void;
/** Told the actor ids (see access/actor-ids.ts) whose live connections must end. */
export type EndedListener = (actorIds: string[]) => void;

/** What a command gives its sender: the committed result, or a refusal saying why nothing changed. */
export type Executed = Ack<CommandResult>;

export interface Health {
  database: "ok" | "unavailable";
  /** null when the database cannot be read. */
  revision: number | null;
}

/** How far back a screen may replay; further behind, a fresh snapshot is cheaper and safer. */
export const MAX_REPLAY = 1_000;

type Announcement = { change: LoggedChange | null; ended: string[] };
type Submitted = { command: ValidCommand; actor: Actor; requestId: string | undefined; answer: (done: Executed) => void };

/**
 * The board as the transports see it, and all they see of it: run a command, read a day, replay
 * what a screen missed, read the records behind it. Commands arrive validated (a `ValidCommand`
 * comes only from parsing `CommandSchema`); the answer is returned, and the change is announced to
 * listeners only after the caller has had the chance to send it, so the sender hears first.
 */
export class Board {
  readonly records: BoardRecords;
  /** The register and the due lists (issue 14). */
  readonly callIn: CallInRecords;
  private readonly pipeline: CommandPipeline;
  private readonly listeners = new Set<ChangeListener>();
  private readonly endedListeners = new Set<EndedListener>();
  private readonly queue: Announcement[] = [];
  private flushing = false;
  /** Commands submitted by transports, waiting for the next group commit. */
  private readonly waiting: Submitted[] = [];

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly log: Logger,
    /** Where archived audit entries are read back from; none when the server keeps no archive. */
    private readonly archive: ArchiveFiles | null = null,
  ) {
    this.pipeline = new CommandPipeline(store, clock);
    this.records = new BoardRecords(store.repos);
    this.callIn = new CallInRecords(store, clock);
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onEnded(listener: EndedListener): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  /** Runs a command through the pipeline. Once this returns the change is durable; screens hear of it right after. */
  execute(command: ValidCommand, actor: Actor, requestId?: string): Executed {
    let outcome: Outcome;
    try {
      outcome = this.pipeline.run(command, actor, requestId);
    } catch (err) {
      return { ok: false, error: this.refusalOf(err) };
    }
    this.announce(outcome.change, outcome.ended);
    return { ok: true, data: outcome.result };
  }

  /**
   * Runs a command for a transport and gives `answer` its result once the change is durable, before
   * anyone else hears of it. Commands that arrive within one turn of the event loop share one commit
   * (group commit): each runs in its own savepoint, so one refused changes nothing of the others, and
   * none is answered before the commit that holds it. One fsync then serves them all, which is what
   * lets a busy server keep up (issue 16, point 3).
   */
  submit(command: ValidCommand, actor: Actor, requestId: string | undefined, answer: (done: Executed) => void): void {
    this.waiting.push({ command, actor, requestId, answer });
    if (this.waiting.length === 1) setImmediate(() => this.drain());
  }

  private drain(): void {
    const batch = this.waiting.splice(0);
    if (batch.length === 1) {
      const only = batch[0]!;
      const done = this.execute(only.command, only.actor, only.requestId);
      return this.tell("answer", () => only.answer(done));
    }
    const settled: ({ ok: true; outcome: Outcome } | { ok: false; error: unknown })[] = [];
    try {
      this.store.write(() => {
        for (const job of batch) {
          try {
            settled.push({ ok: true, outcome: this.pipeline.run(job.command, job.actor, job.requestId) });
          } catch (error) {
            settled.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // the commit itself failed: nothing of the batch is durable, so nothing of it is acknowledged
      const refusal = this.refusalOf(error);
      for (const job of batch) this.tell("answer", () => job.answer({ ok: false, error: refusal }));
      return;
    }
    // announcements wait for a microtask, so every sender of the batch hears first
    batch.forEach((job, i) => {
      const s = settled[i]!;
      if (s.ok) this.announce(s.outcome.change, s.outcome.ended);
      const done: Executed = s.ok ? { ok: true, data: s.outcome.result } : { ok: false, error: this.refusalOf(s.error) };
      this.tell("answer", () => job.answer(done));
    });
  }

  /** The server's own commands (clock, first start, sample data). Returns whether anything changed. */
  executeSystem(cmd: SystemCommand, actor: Actor): boolean {
    const outcome = this.pipeline.runSystem(cmd, actor);
    if (outcome) this.announce(outcome.change, outcome.ended);
    return outcome !== null;
  }

  /**
   * Puts a fixture (server/sample/fixture-plan.ts) on today's and tomorrow's board in place of any
   * sample, signed by whoever asked. Returns today's date.
   */
  loadSample(fixture: FixtureName, by: Actor): string {
    const date = this.today();
    this.executeSystem({ type: "sample.seed", date, fixture, replace: true }, { id: by.id, name: by.name, role: "system" });
    return date;
  }

  /** Takes the sample day off the board, signed by whoever asked. Returns whether there was one. */
  removeSample(by: Actor): boolean {
    return this.executeSystem({ type: "sample.remove" }, { id: by.id, name: by.name, role: "system" });
  }

  /** Ends the live connections of these actors, e.g. after a sign-out, which is not a command. */
  endConnections(actorIds: string[]): void {
    this.announce(null, actorIds);
  }

  /** What the sender of a failed command or read is told: a DomainError as it is, anything else as `internal`. */
  refusalOf(err: unknown): ErrorBody {
    if (err instanceof DomainError) return err.toBody();
    this.log.error("command failed", err);
    return { code: "internal", message: "the server could not complete this; nothing was changed" };
  }

  /** The server's clock, which every screen follows. */
  now(): number {
    return this.clock.now();
  }

  /** Today in the site's time zone. */
  today(): string {
    return localParts(this.clock.now(), this.records.settings().settings.timeZone).date;
  }

  revision(): number {
    return this.store.repos.changes.revision();
  }

  health(): Health {
    if (!this.store.reachable()) return { database: "unavailable", revision: null };
    return { database: "ok", revision: this.revision() };
  }

  snapshot(date: string): BoardSnapshot {
    const { repos } = this.store;
    // one read transaction, so the rows and the revision belong together
    return this.store.read(() => {
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
    });
  }

  /** The history viewer: audit entries by day, card, plate, person and kind, archived ones included when needed. */
  history(q: AuditQuery): HistoryPage {
    const timeZone = this.records.settings().settings.timeZone;
    return this.store.read(() => readHistory(this.store.repos, this.archive, q, timeZone, this.clock.now()));
  }

  retention(): Retention {
    return this.store.repos.retention.get();
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
    const changes = this.store.repos.changes.since(since, MAX_REPLAY);
    if (changes === null) return null;
    const serverTime = this.clock.now();
    return changes.map((c) => ({ revision: c.revision, serverTime, ops: touches(c, date) ? c.ops : [] }));
  }

  /**
   * Queues what listeners must hear and tells them in a microtask: after the synchronous caller
   * has answered its sender, before any other I/O, in commit order.
   */
  private announce(change: LoggedChange | null, ended: string[]): void {
    if (change === null && ended.length === 0) return;
    this.queue.push({ change, ended });
    if (this.flushing) return;
    this.flushing = true;
    queueMicrotask(() => this.flush());
  }

  private flush(): void {
    // a listener may run commands of its own (the clock's marks); they join the end of the queue
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      if (next.change) {
        const change: BoardChange = { ...next.change, serverTime: this.clock.now() };
        for (const l of this.listeners) this.tell("change", () => l(change));
      }
      if (next.ended.length > 0) for (const l of this.endedListeners) this.tell("ended", () => l(next.ended));
    }
    this.flushing = false;
  }

  private tell(what: string, call: () => void): void {
    try {
      call();
    } catch (err) {
      this.log.error(`${what} listener failed`, err);
    }
  }
}

export function touches(change: LoggedChange, date: string): boolean {
  return change.dates === null || change.dates.includes(date);
}

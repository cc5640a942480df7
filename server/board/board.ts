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
import { refusalOf } from "./refusal.js";
import type { LoggedChange } from "../db/change-log-repo.js";
import type { Clock } from "./clock.js";
import type { Logger } from "../logger.js";
import { CommandPipeline, type Outcome } from "./pipeline.js";
import { BoardRecords } from "./board-records.js";
import { CallInRecords } from "./call-in-records.js";
import { LetterRecords } from "./letter-records.js";
import type { ArchiveFiles } from "../db/archive-files.js";
import type { AuditQuery, Retention } from "../../shared/schemas/retention.js";
import { readHistory, type HistoryPage } from "./history.js";
import { RevisionOrder } from "./revision-order.js";

/** A committed change as the board announces it: what the change log holds, and when it went out. */
export interface BoardChange extends LoggedChange {
  serverTime: number;
}

export type ChangeListener = (change: BoardChange) => void;
/** Told the actor ids (see access/actor-ids.ts) whose live connections must end. */
export type EndedListener = (actorIds: string[]) => void;

/** What a node tells the others of its commits (server/realtime/cluster-link.ts). */
export interface PeerNews {
  change: LoggedChange | null;
  ended: string[];
}

/** What a command gives its sender: the committed result, or a refusal saying why nothing changed. */
export type Executed = Ack<CommandResult>;

export interface Health {
  database: "ok" | "unavailable";
  /** null when the database cannot be read. */
  revision: number | null;
}

/** How far back a screen may replay; further behind, a fresh snapshot is cheaper and safer. */
export const MAX_REPLAY = 1_000;

type Announcement = Pick<Outcome, "change" | "ended" | "textsQueued">;
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
  /** Letters and texts to the lists' customers (issue 14, point 4). */
  readonly letters: LetterRecords;
  private readonly pipeline: CommandPipeline;
  private readonly listeners = new Set<ChangeListener>();
  private readonly endedListeners = new Set<EndedListener>();
  private readonly textListeners = new Set<() => void>();
  private readonly queue: Announcement[] = [];
  private flushing = false;
  /** Commands submitted by transports, waiting for the next group commit. */
  private readonly waiting: Submitted[] = [];
  /** With several nodes: the others, told of every commit here, and the order their news is heard in. */
  private peers: { tell(news: PeerNews): void; order: RevisionOrder } | null = null;

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
    this.letters = new LetterRecords(store, clock);
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onEnded(listener: EndedListener): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  /** Told after a commit that left texts pending for the gateway hook (server/ops/text-hook.ts). */
  onTextsQueued(listener: () => void): () => void {
    this.textListeners.add(listener);
    return () => this.textListeners.delete(listener);
  }

  /**
   * Runs a command through the pipeline. Once this resolves the change is durable; screens hear of
   * it right after the caller's continuation (announcements wait for the next tick).
   */
  async execute(command: ValidCommand, actor: Actor, requestId?: string): Promise<Executed> {
    let outcome: Outcome;
    try {
      outcome = await this.pipeline.run(command, actor, requestId);
    } catch (err) {
      return { ok: false, error: this.refusalOf(err) };
    }
    this.announce(outcome);
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
    if (this.waiting.length === 1) setImmediate(() => void this.drain());
  }

  private async drain(): Promise<void> {
    const batch = this.waiting.splice(0);
    if (batch.length === 1) {
      const only = batch[0]!;
      const done = await this.execute(only.command, only.actor, only.requestId);
      return this.tell("answer", () => only.answer(done));
    }
    const settled: ({ ok: true; outcome: Outcome } | { ok: false; error: unknown })[] = [];
    try {
      await this.store.transaction(async () => {
        for (const job of batch) {
          try {
            settled.push({ ok: true, outcome: await this.pipeline.run(job.command, job.actor, job.requestId, true) });
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
    // announcements wait for the next tick, so every sender of the batch hears first
    batch.forEach((job, i) => {
      const s = settled[i]!;
      if (s.ok) this.announce(s.outcome);
      const done: Executed = s.ok ? { ok: true, data: s.outcome.result } : { ok: false, error: this.refusalOf(s.error) };
      this.tell("answer", () => job.answer(done));
    });
  }

  /** The server's own commands (clock, first start, sample data). Returns whether anything changed. */
  async executeSystem(cmd: SystemCommand, actor: Actor): Promise<boolean> {
    const outcome = await this.pipeline.runSystem(cmd, actor);
    if (outcome) this.announce(outcome);
    return outcome !== null;
  }

  /**
   * Puts a fixture (server/sample/fixture-plan.ts) on today's and tomorrow's board in place of any
   * sample, signed by whoever asked. Returns today's date.
   */
  async loadSample(fixture: FixtureName, by: Actor): Promise<string> {
    const date = await this.today();
    await this.executeSystem({ type: "sample.seed", date, fixture, replace: true }, { id: by.id, name: by.name, role: "system" });
    return date;
  }

  /** Takes the sample day off the board, signed by whoever asked. Returns whether there was one. */
  async removeSample(by: Actor): Promise<boolean> {
    return this.executeSystem({ type: "sample.remove" }, { id: by.id, name: by.name, role: "system" });
  }

  /** Ends the live connections of these actors, e.g. after a sign-out, which is not a command. */
  endConnections(actorIds: string[]): void {
    this.announce({ change: null, ended: actorIds, textsQueued: false });
  }

  /** What the sender of a failed command or read is told (server/board/refusal.ts). */
  refusalOf(err: unknown): ErrorBody {
    return refusalOf(err, this.log);
  }

  /** The server's clock, which every screen follows. */
  now(): number {
    return this.clock.now();
  }

  /** Today in the site's time zone. */
  async today(): Promise<string> {
    return localParts(this.clock.now(), (await this.records.settings()).settings.timeZone).date;
  }

  async revision(): Promise<number> {
    return this.store.repos.changes.revision();
  }

  async health(): Promise<Health> {
    if (!(await this.store.reachable())) return { database: "unavailable", revision: null };
    return { database: "ok", revision: await this.revision() };
  }

  snapshot(date: string): Promise<BoardSnapshot> {
    // one read transaction, so the rows and the revision belong together
    return this.store.read(async (repos) => {
      const stored = await repos.settings.require();
      return {
        revision: await repos.changes.revision(),
        date,
        serverTime: this.clock.now(),
        settings: stored.settings,
        settingsVersion: stored.version,
        advisors: await repos.advisors.all(),
        bays: await repos.bays.all(),
        appointments: await repos.appointments.forDate(date),
      };
    });
  }

  /** The history viewer: audit entries by day, card, plate, person and kind, archived ones included when needed. */
  async history(q: AuditQuery): Promise<HistoryPage> {
    const timeZone = (await this.records.settings()).settings.timeZone;
    return this.store.read((repos) => readHistory(repos, this.archive, q, timeZone, this.clock.now()));
  }

  async retention(): Promise<Retention> {
    return this.store.repos.retention.get();
  }

  /** A day's overlaps, from the same rule the screens mark them by. */
  async overlaps(date: string): Promise<DayOverlapsReport> {
    const day = await this.snapshot(date);
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
  async patchesSince(since: number, date: string): Promise<BoardPatch[] | null> {
    const changes = await this.store.repos.changes.since(since, MAX_REPLAY);
    if (changes === null) return null;
    const serverTime = this.clock.now();
    return changes.map((c) => ({ revision: c.revision, serverTime, ops: touches(c, date) ? c.ops : [] }));
  }

  /**
   * With several nodes on one site: every commit here is also told to `tell`, and what the others
   * committed arrives through `hear`; listeners hear both, each revision once and in order, from
   * `revision` (the site's revision now) on.
   */
  joinPeers(revision: number, tell: (news: PeerNews) => void): void {
    this.peers = { tell, order: new RevisionOrder(revision, (after) => void this.catchUp(after)) };
  }

  /** News from another node: heard by this node's listeners as if committed here, never told back. */
  hear(news: PeerNews): void {
    this.enqueue({ change: news.change, ended: news.ended, textsQueued: false });
  }

  /**
   * Reads from the change log what this node has not heard (a gap that did not close, a fan-out that
   * was down), and hears it. By default from the last revision heard.
   */
  async catchUp(after = this.peers?.order.last): Promise<void> {
    const peers = this.peers;
    if (!peers || after === undefined) return;
    const missing = await this.store.repos.changes.since(after, MAX_REPLAY);
    if (missing === null) {
      for (const change of peers.order.skipGap()) this.enqueue({ change, ended: [], textsQueued: false });
      return;
    }
    for (const change of missing) this.enqueue({ change, ended: [], textsQueued: false });
  }

  leavePeers(): void {
    this.peers?.order.close();
    this.peers = null;
  }

  /**
   * Queues what listeners must hear and tells them on the next tick: after the caller has answered
   * its sender, before any other I/O, in commit order.
   */
  private announce(a: Announcement): void {
    if (a.change === null && a.ended.length === 0 && !a.textsQueued) return;
    if (this.peers && (a.change !== null || a.ended.length > 0)) this.peers.tell({ change: a.change, ended: a.ended });
    this.enqueue(a);
  }

  private enqueue(a: Announcement): void {
    this.queue.push({ change: a.change, ended: a.ended, textsQueued: a.textsQueued });
    if (this.flushing) return;
    this.flushing = true;
    // after the microtasks of this turn, so a caller awaiting `execute` answers its sender first
    process.nextTick(() => this.flush());
  }

  private flush(): void {
    // a listener may run commands of its own (the clock's marks); they join the end of the queue
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      const changes = next.change === null ? [] : this.peers ? this.peers.order.accept(next.change) : [next.change];
      for (const logged of changes) {
        const change: BoardChange = { ...logged, serverTime: this.clock.now() };
        for (const l of this.listeners) this.tell("change", () => l(change));
      }
      if (next.ended.length > 0) for (const l of this.endedListeners) this.tell("ended", () => l(next.ended));
      if (next.textsQueued) for (const l of this.textListeners) this.tell("texts", l);
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

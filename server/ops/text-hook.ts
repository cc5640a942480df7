import type { Store } from "../db/store.js";
import type { PendingText } from "../db/letter-repo.js";
import type { Board } from "../board/board.js";
import type { Bookkeeping } from "../board/bookkeeping.js";
import type { Clock } from "../board/clock.js";
import type { Logger } from "../logger.js";
import type { HookState } from "../../shared/schemas/letters.js";

/** Waits after the first, second and third failure; a text the gateway has not taken after the fourth try is marked failed. */
export const HOOK_RETRY_MS = [60_000, 5 * 60_000, 15 * 60_000] as const;
/** A gateway that has not answered by then is taken as down for this try. */
export const HOOK_TIMEOUT_MS = 10_000;
/**
 * How long a try is the claiming sender's alone: past the gateway's time-out, so a try still
 * under way is never started again elsewhere (a leader change in the middle of a send). A sender
 * that died during its try leaves the text to be tried again after this.
 */
export const HOOK_CLAIM_MS = HOOK_TIMEOUT_MS + 20_000;
const BATCH = 20;

/** What became of one try: sent, waiting for the next try, or given up (and shown on the list for a person to act on). */
export interface HookDelivery {
  id: number;
  state: Exclude<HookState, "none">;
  attempts: number;
  error: string;
}

/** The JSON each text is POSTed as (docs/API.md, "Text hook"). */
export interface HookMessage {
  id: number;
  phone: string;
  message: string;
  plate: string;
  entryId: number;
  batchId: number;
  language: string;
}

/**
 * Sends pending texts to the manager's hook, one at a time, after the commands that made them
 * have committed: the write pipeline only leaves a text pending, so a slow or broken gateway never
 * holds a command up. Each try's result is written on the text's row through Bookkeeping (outside
 * the pipeline: it records the gateway's answer, not a change to the board), so a text is always
 * pending, sent or failed, and a restart picks the pending ones up again.
 */
export class TextHook {
  private readonly listeners = new Set<(d: HookDelivery) => void>();
  private unsubscribe: (() => void) | null = null;
  private timer: { cancel(): void } | null = null;
  private running = false;
  private again = false;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly bookkeeping: Bookkeeping,
    private readonly board: Board,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly post: typeof fetch = fetch,
  ) {}

  start(): void {
    // texts already pending (a restart) are looked for now; new ones when a commit queues them
    this.unsubscribe = this.board.onTextsQueued(() => this.kick());
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.timer?.cancel();
  }

  /** Told of every try, for the tests and the log. */
  onDelivery(listener: (d: HookDelivery) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.drain()
      .catch((err: unknown) => this.log.error("the text hook could not record a try", err))
      .finally(() => {
        this.running = false;
        if (this.again) {
          this.again = false;
          this.kick();
        } else this.scheduleNext().catch((err: unknown) => this.log.error("the text hook could not read when to try next", err));
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const due = await this.store.repos.letters.pendingTexts(this.clock.now(), BATCH);
      if (due.length === 0 || this.stopped) return;
      for (const text of due) await this.deliver(text);
    }
  }

  private async scheduleNext(): Promise<void> {
    this.timer?.cancel();
    this.timer = null;
    const next = await this.store.repos.letters.nextHookDue();
    if (next === null || this.stopped) return;
    // the clock may have passed a retry's time while this round was still sending
    if (next <= this.clock.now()) return this.kick();
    this.timer = this.clock.setTimer(next - this.clock.now(), () => this.kick());
  }

  private async deliver(text: PendingText): Promise<void> {
    const now = this.clock.now();
    // another sender (the leader before this one, still finishing) has this try: not twice
    if (!(await this.bookkeeping.claimHookTry(text.id, text.hookAttempts, now, now + HOOK_CLAIM_MS))) return;
    const url = (await this.store.repos.letters.settings()).settings.hookUrl;
    const attempts = text.hookAttempts + 1;
    const error = url === "" ? "no_hook" : await this.send(url, text);
    let result: HookDelivery;
    if (error === "") result = { id: text.id, state: "sent", attempts, error };
    else if (error === "no_hook" || attempts > HOOK_RETRY_MS.length) result = { id: text.id, state: "failed", attempts, error };
    else result = { id: text.id, state: "pending", attempts, error };
    const dueAt = result.state === "pending" ? this.clock.now() + HOOK_RETRY_MS[attempts - 1]! : null;
    if (this.stopped) {
      // stopped while the gateway answered (no longer the leader, or shutting down): what the gateway
      // said is still written when the database is there, so the next leader does not send it again;
      // when it is not, the text is tried again once the claim has run out
      await this.bookkeeping.recordHookTry(text.id, result.state, attempts, error, dueAt).catch(() => undefined);
      return;
    }
    await this.bookkeeping.recordHookTry(text.id, result.state, attempts, error, dueAt);
    if (result.state === "failed") this.log.error(`text ${text.id} to ${text.plate} not sent after ${attempts} tries: ${error}`);
    for (const l of this.listeners) l(result);
  }

  /** One POST; "" when the gateway took it, else why not (an HTTP status, a timeout, no answer). */
  private async send(url: string, text: PendingText): Promise<string> {
    const body: HookMessage = { id: text.id, phone: text.phone, message: text.message, plate: text.plate, entryId: text.entryId, batchId: text.batchId, language: text.language };
    try {
      const res = await this.post(url, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(HOOK_TIMEOUT_MS),
        redirect: "error",
      });
      await res.body?.cancel();
      return res.ok ? "" : `http_${res.status}`;
    } catch (err) {
      return (err as { name?: string }).name === "TimeoutError" ? "timeout" : "unreachable";
    }
  }
}

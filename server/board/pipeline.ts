import type { Actor } from "../../shared/schemas/actor.js";
import type { SystemCommand, Command, ValidCommand } from "../../shared/schemas/commands.js";
import type { CommandResult } from "../../shared/protocol.js";
import { mayRun } from "../../shared/rules/permissions.js";
import type { Store } from "../db/store.js";
import type { Repositories } from "../db/repositories.js";
import type { LoggedChange } from "../db/change-log-repo.js";
import type { Clock } from "./clock.js";
import { DomainError } from "./domain-error.js";
import type { CommandContext, HandlerOutput } from "./command-context.js";
import { changeStatus, createAppointment, moveAppointment, updateAppointment } from "./commands/appointment-commands.js";
import { restoreAppointment } from "./commands/restore-command.js";
import { importAppointments } from "./commands/import-command.js";
import { acknowledgeAlert, markOnTheWay, receiveWalkIn } from "./commands/reception-commands.js";
import { runSystemCommand } from "./commands/system-commands.js";
import { dispatchCallIn, isCallInCommand, registerEffects } from "./commands/call-in-dispatch.js";
import { dispatchLetters, isLetterCommand } from "./commands/letter-commands.js";
import { createAdvisor, createBay, updateAdvisor, updateBay, updateSettings } from "./commands/master-data-commands.js";
import { updateRetention } from "./commands/retention-command.js";
import { createAccount, createDisplay, createToken, revokeDisplay, revokeToken, setPassword, updateAccount, updateDisplay } from "./commands/access-commands.js";

export interface Outcome {
  result: CommandResult;
  /** The committed change to broadcast; null when a retried command was answered from memory. */
  change: LoggedChange | null;
  /** Actors whose live connections end now (see HandlerOutput.ended). */
  ended: string[];
  /** Whether the command left texts pending for the gateway hook (see HandlerOutput.textsQueued). */
  textsQueued: boolean;
}

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

function dispatch(ctx: CommandContext, cmd: Command): Promise<HandlerOutput> {
  if (isCallInCommand(cmd)) return dispatchCallIn(ctx, cmd);
  if (isLetterCommand(cmd)) return dispatchLetters(ctx, cmd);
  switch (cmd.type) {
    case "appointment.create":
      return createAppointment(ctx, cmd);
    case "appointment.update":
      return updateAppointment(ctx, cmd);
    case "appointment.move":
      return moveAppointment(ctx, cmd);
    case "appointment.status":
      return changeStatus(ctx, cmd);
    case "appointment.restore":
      return restoreAppointment(ctx, cmd);
    case "appointment.import":
      return importAppointments(ctx, cmd);
    case "appointment.walk_in":
      return receiveWalkIn(ctx, cmd);
    case "appointment.on_the_way":
      return markOnTheWay(ctx, cmd);
    case "appointment.acknowledge_alert":
      return acknowledgeAlert(ctx, cmd);
    case "advisor.create":
      return createAdvisor(ctx, cmd);
    case "advisor.update":
      return updateAdvisor(ctx, cmd);
    case "bay.create":
      return createBay(ctx, cmd);
    case "bay.update":
      return updateBay(ctx, cmd);
    case "settings.update":
      return updateSettings(ctx, cmd);
    case "account.create":
      return createAccount(ctx, cmd);
    case "account.update":
      return updateAccount(ctx, cmd);
    case "account.set_password":
      return setPassword(ctx, cmd);
    case "display.create":
      return createDisplay(ctx, cmd);
    case "display.update":
      return updateDisplay(ctx, cmd);
    case "display.revoke":
      return revokeDisplay(ctx, cmd);
    case "token.create":
      return createToken(ctx, cmd);
    case "token.revoke":
      return revokeToken(ctx, cmd);
    case "retention.update":
      return updateRetention(ctx, cmd);
  }
}

/**
 * The only writer of the board. Check permission and version (the command was validated when it was
 * parsed into a ValidCommand), then write the row, its audit entries, the new revision and the
 * replayable change in one transaction. The caller acknowledges and broadcasts the returned change
 * after this returns, i.e. after the commit.
 */
export class CommandPipeline {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs one command in a transaction of its own, or, with `nested`, in a savepoint of the
   * transaction open now (group commit: see Board.submit).
   */
  run(cmd: ValidCommand, actor: Actor, requestId?: string, nested = false): Promise<Outcome> {
    return this.commit(actor, requestId, nested, async (ctx) => {
      await this.authorize(ctx, cmd);
      return registerEffects(ctx, cmd, await dispatch(ctx, cmd));
    });
  }

  /** The server's own commands (clock, first start, sample data); null when there was nothing to do. */
  async runSystem(cmd: SystemCommand, actor: Actor): Promise<Outcome | null> {
    try {
      return await this.commit(actor, undefined, false, async (ctx) => {
        const out = await runSystemCommand(ctx, cmd);
        if (!out) throw NOTHING_TO_DO;
        return out;
      });
    } catch (err) {
      if (err === NOTHING_TO_DO) return null;
      throw err;
    }
  }

  private async authorize(ctx: CommandContext, cmd: Command): Promise<void> {
    const { repos, actor } = ctx;
    const card = "id" in cmd && cmd.type.startsWith("appointment.") ? await repos.appointments.get(cmd.id) : undefined;
    const entry = "id" in cmd && cmd.type.startsWith("call.") ? await repos.calls.get(cmd.id) : undefined;
    if (!mayRun(actor, cmd, card, entry)) {
      throw new DomainError("forbidden", `the ${actor.role} role may not run ${cmd.type}`);
    }
    ctx.named = { appointment: card, call: entry };
  }

  private async commit(actor: Actor, requestId: string | undefined, nested: boolean, handler: (ctx: CommandContext) => Promise<HandlerOutput>): Promise<Outcome> {
    // the write lock is taken first, so the version check and the write see the same row
    const work = async (repos: Repositories): Promise<Outcome> => {
      if (requestId !== undefined) {
        const earlier = await repos.idempotency.get(requestId, actor.id);
        if (earlier !== undefined) return { result: earlier as CommandResult, change: null, ended: [], textsQueued: false };
      }
      const now = this.clock.now();
      const ctx: CommandContext = { repos, actor, now, nowIso: new Date(now).toISOString() };
      const out = await handler(ctx);
      const revision = (await repos.changes.revision()) + 1;
      for (const entry of out.audit) {
        await repos.audit.append({ ...entry, at: ctx.nowIso, actorId: actor.id, actor: actor.name, revision });
      }
      const change: LoggedChange = { revision, at: now, dates: out.dates, ops: out.ops };
      await repos.changes.append(change);
      const result: CommandResult = out.overlaps === undefined ? { revision, record: out.record } : { revision, record: out.record, overlaps: out.overlaps };
      if (requestId !== undefined) {
        // stored without the secret: a retry learns the record, but a key is shown only once
        await repos.idempotency.put(requestId, actor.id, result, new Date(now));
        if (revision % 500 === 0) await repos.idempotency.trimOlderThan(new Date(now - IDEMPOTENCY_TTL_MS));
      }
      return { result: out.secret === undefined ? result : { ...result, secret: out.secret }, change, ended: out.ended ?? [], textsQueued: out.textsQueued === true };
    };
    return nested ? await this.store.savepoint(work) : await this.store.transaction(work);
  }
}

/** Thrown inside the transaction to roll it back when a system command finds nothing to do. */
class NothingToDo extends Error {}
const NOTHING_TO_DO = new NothingToDo("nothing to do");

import type { Repositories } from "../db/repositories.js";
import type { StoredSession } from "../db/session-repo.js";
import type { HookState } from "../../shared/schemas/letters.js";

/**
 * The only writes that do not go through the command pipeline (see the README, "One pipeline
 * writes"). They record who is signed in and which screens are connected, not the board: they are
 * not audited, take no revision and wake no screen, and a sign-in or a page view must not queue
 * behind board commands as one. Everything here is a single-row write of the caller's own record.
 */
export class Bookkeeping {
  constructor(private readonly repos: Pick<Repositories, "sessions" | "tokens" | "displays" | "accounts" | "letters">) {}

  async startSession(session: StoredSession): Promise<void> {
    await this.repos.sessions.insert(session);
  }

  /** A session in use stays alive until its idle limit counts from `at`. */
  async touchSession(idHash: string, at: number): Promise<void> {
    await this.repos.sessions.touch(idHash, at);
  }

  async endSession(idHash: string): Promise<void> {
    await this.repos.sessions.remove(idHash);
  }

  /** Sessions past their absolute end, or idle since before `idleBefore`. */
  async removeEndedSessions(now: number, idleBefore: number): Promise<void> {
    await this.repos.sessions.removeEnded(now, idleBefore);
  }

  /** When an account last signed in, for the manager's people list. */
  async recordSignIn(accountId: number, atIso: string): Promise<void> {
    await this.repos.accounts.markSignedIn(accountId, atIso);
  }

  /** When an API token was last used, for the manager's list. */
  async touchToken(id: number, atIso: string): Promise<void> {
    await this.repos.tokens.markUsed(id, atIso);
  }

  /** When a paired display was last connected, for the manager's list. */
  async touchDisplay(id: number, atIso: string): Promise<void> {
    await this.repos.displays.markSeen(id, atIso);
  }

  /**
   * What the SMS gateway answered a text's try (server/ops/text-hook.ts): sent, pending until
   * `dueAt`, or failed. The command that queued the text was audited; the gateway's answer is not a
   * change to the board.
   */
  /** Takes a text's next try for this sender until `until`; false when another sender has it. */
  claimHookTry(sendId: number, attempts: number, now: number, until: number): Promise<boolean> {
    return this.repos.letters.claimHookTry(sendId, attempts, now, until);
  }

  async recordHookTry(sendId: number, state: HookState, attempts: number, error: string, dueAt: number | null): Promise<void> {
    await this.repos.letters.setHookState(sendId, state, attempts, error, dueAt);
  }
}

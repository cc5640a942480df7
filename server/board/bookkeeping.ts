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

  startSession(session: StoredSession): void {
    this.repos.sessions.insert(session);
  }

  /** A session in use stays alive until its idle limit counts from `at`. */
  touchSession(idHash: string, at: number): void {
    this.repos.sessions.touch(idHash, at);
  }

  endSession(idHash: string): void {
    this.repos.sessions.remove(idHash);
  }

  /** Sessions past their absolute end, or idle since before `idleBefore`. */
  removeEndedSessions(now: number, idleBefore: number): void {
    this.repos.sessions.removeEnded(now, idleBefore);
  }

  /** When an account last signed in, for the manager's people list. */
  recordSignIn(accountId: number, atIso: string): void {
    this.repos.accounts.markSignedIn(accountId, atIso);
  }

  /** When an API token was last used, for the manager's list. */
  touchToken(id: number, atIso: string): void {
    this.repos.tokens.markUsed(id, atIso);
  }

  /** When a paired display was last connected, for the manager's list. */
  touchDisplay(id: number, atIso: string): void {
    this.repos.displays.markSeen(id, atIso);
  }

  /**
   * What the SMS gateway answered a text's try (server/ops/text-hook.ts): sent, pending until
   * `dueAt`, or failed. The command that queued the text was audited; the gateway's answer is not a
   * change to the board.
   */
  recordHookTry(sendId: number, state: HookState, attempts: number, error: string, dueAt: number | null): void {
    this.repos.letters.setHookState(sendId, state, attempts, error, dueAt);
  }
}

import type { Actor } from "../../shared/schemas/actor.js";
import type { ChangeOp } from "../../shared/schemas/board.js";
import type { CommandRecord } from "../../shared/protocol.js";
import type { Repositories } from "../db/repositories.js";
import type { Overlap } from "../../shared/rules/overlaps.js";
import type { AuditEntry } from "../db/audit-repo.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import type { CallEntry } from "../../shared/schemas/call-lists.js";
import { DomainError } from "./domain-error.js";

export interface CommandContext {
  repos: Repositories;
  actor: Actor;
  now: number;
  nowIso: string;
  /**
   * The record the command names, as the permission check read it in this transaction (under the
   * write lock, so it is still the stored row): the handler takes it from here instead of reading it
   * a second time, which was a query on every move.
   */
  named?: { appointment?: Appointment; call?: CallEntry };
}

export type AuditDraft = Pick<AuditEntry, "action" | "entity" | "entityId" | "date" | "before" | "after">;

/** What a command handler returns: the pipeline writes the audit entries and the change itself. */
export interface HandlerOutput {
  record: CommandRecord;
  ops: ChangeOp[];
  /** Boards the change touches; null for every date (settings and master data). */
  dates: string[] | null;
  audit: AuditDraft[];
  /** The card's overlaps after the change (appointment commands): allowed, but the caller is told. */
  overlaps?: Overlap[];
  /** A secret shown once to the caller (a display key, an API token); never stored or replayed. */
  secret?: string;
  /** Actors (by Actor.id) whose live connections must end now: a revoked display, a disabled account. */
  ended?: string[];
  /**
   * Texts left pending for the gateway hook. The hook looks for due texts only after such a commit
   * (and on its retry timer), not after every change: that look cost a query on every move.
   */
  textsQueued?: boolean;
}

/** A stale edit is refused with the record as it is now, never silently applied over someone else's. */
export function expectVersion<T extends { version: number }>(current: T, seen: number, entity: string): void {
  if (current.version !== seen) {
    throw new DomainError(
      "version_conflict",
      `${entity} was changed by someone else (you saw version ${seen}, it is now ${current.version})`,
      "version",
      current,
    );
  }
}

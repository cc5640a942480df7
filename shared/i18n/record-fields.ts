import type { Language } from "../schemas/common.js";
import { say, type ReportKey } from "./report-messages.js";
import { fieldLabel, hasFieldLabel } from "./errors.js";

/** Fields every record carries that say nothing to a reader of its history. */
export const QUIET_FIELDS: ReadonlySet<string> = new Set(["version", "updatedAt", "updatedBy", "createdAt", "id", "isSample"]);

/**
 * Fields a record's history shows that no form asks for (the steps' stamps, the bookkeeping of
 * accounts, displays, tokens and call-list entries); the fields a form asks for have their label
 * in errors.ts already, and that one is used first.
 */
const RECORD_FIELDS: Record<string, ReportKey> = {
  lateAt: "admin.history.field.lateAt",
  arrivedAt: "admin.history.field.arrivedAt",
  arrivedLateMinutes: "admin.history.field.arrivedLateMinutes",
  walkIn: "admin.history.field.walkIn",
  greetingOverdueAt: "admin.history.field.greetingOverdueAt",
  expectedAt: "admin.history.field.expectedAt",
  noShowDelayMinutes: "admin.history.field.noShowDelayMinutes",
  alertAcknowledgedAt: "admin.history.field.alertAcknowledgedAt",
  alertAcknowledgedBy: "admin.history.field.alertAcknowledgedBy",
  confirmedAt: "admin.history.field.confirmedAt",
  startedAt: "admin.history.field.startedAt",
  completedAt: "admin.history.field.completedAt",
  cancelledAt: "admin.history.field.cancelledAt",
  createdBy: "admin.history.field.createdBy",
  mustChangePassword: "admin.history.field.mustChangePassword",
  revoked: "admin.history.field.revoked",
  lastSeenAt: "admin.history.field.lastSeenAt",
  lastUsedAt: "admin.history.field.lastUsedAt",
  outcomeNote: "admin.history.field.outcomeNote",
  attempts: "admin.history.field.attempts",
  nextTryDate: "admin.history.field.nextTryDate",
  lastContactAt: "admin.history.field.lastContactAt",
  appointmentId: "admin.history.field.appointmentId",
  claimedName: "admin.history.field.claimedName",
  claimedUntil: "admin.history.field.claimedUntil",
  queueNumber: "admin.history.field.queueNumber",
  batchId: "admin.history.field.batchId",
  entryId: "admin.history.field.entryId",
  message: "admin.history.field.message",
  hookState: "admin.history.field.hookState",
  hookAttempts: "admin.history.field.hookAttempts",
  hookError: "admin.history.field.hookError",
  at: "admin.history.field.at",
  letterAt: "admin.history.field.letterAt",
  textAt: "admin.history.field.textAt",
  sendId: "admin.history.field.sendId",
};

/** Whether a field of a recorded record has a label (the history never shows a raw name). */
export function hasRecordFieldLabel(name: string): boolean {
  return hasFieldLabel(name) || name in RECORD_FIELDS;
}

/** A recorded record's field as the person knows it: `startTime` → 预约时间, `arrivedAt` → 到店时间. */
export function recordFieldLabel(lang: Language, name: string): string {
  if (hasFieldLabel(name)) return fieldLabel(lang, name);
  const key = RECORD_FIELDS[name];
  return key ? say(lang, key) : name;
}

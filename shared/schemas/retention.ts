import * as z from "zod";

/** How long changes stay in the database before they move to the monthly archive files. */
export const RetentionInputSchema = z.strictObject({
  /** Days the audit log is kept online; a year and a month by default, so last year's same month is at hand. */
  auditDays: z.number().int().min(30, { error: "must be at least 30" }).max(3650, { error: "must be at most 3650" }),
});

export const DEFAULT_AUDIT_DAYS = 400;

export interface Retention {
  auditDays: number;
  version: number;
}

/** The history viewer's filters (GET /api/audit). */
export const AUDIT_KINDS = ["appointment", "appointment.create", "appointment.update", "appointment.move", "appointment.status", "appointment.restore", "appointment.import", "advisor", "bay", "settings", "account", "display", "token", "sample", "retention", "customer", "vehicle", "call", "letters"] as const;

const STATUS_CHANGES = ["arrive", "confirm", "start", "complete", "no_show", "cancel", "reopen", "mark_late", "mark_no_show", "greet", "mark_greeting_overdue"].map((a) => `appointment.${a}`);

/** The audit actions a kind of change covers: a list, or every action under a prefix (`account` → `account.*`). */
export function kindActions(kind: (typeof AUDIT_KINDS)[number]): { actions: string[] } | { prefix: string } {
  return kind === "appointment.status" ? { actions: STATUS_CHANGES } : { prefix: kind };
}

export const AuditQuerySchema = z.strictObject({
  /** The site's day the change was made on. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date YYYY-MM-DD" }).optional(),
  card: z.coerce.number().int().positive().optional(),
  plate: z.string().trim().min(2).max(20).optional(),
  /** Part of the name of who made the change (a person, a token, the server's clock). */
  person: z.string().trim().min(1).max(40).optional(),
  kind: z.enum(AUDIT_KINDS).optional(),
  /** Also read the archive files (older than the retention). */
  archive: z.enum(["0", "1"]).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(300),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

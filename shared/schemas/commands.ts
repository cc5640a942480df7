import * as z from "zod";
import { IdSchema } from "./common.js";
import { AppointmentEditSchema, AppointmentInputSchema } from "./appointment.js";
import { AdvisorInputSchema } from "./advisor.js";
import { BayInputSchema } from "./bay.js";
import { SettingsPatchSchema } from "./settings.js";
import { OnTheWayMinutesSchema, WalkInInputSchema } from "./reception.js";
import { CALL_IN_COMMANDS } from "./call-in-commands.js";
import { LETTER_COMMANDS } from "./letter-commands.js";
import { AccountEditSchema, AccountInputSchema, DisplayInputSchema, PasswordSchema, TokenInputSchema } from "./access.js";
import { RetentionInputSchema } from "./retention.js";

const VersionSchema = z.number().int().min(1, { error: "must be the version you saw (1 or more)" });
const Ref = { id: IdSchema, version: VersionSchema };

/** A day's import fits well under the socket's frame limit at this size. */
export const MAX_IMPORT_ROWS = 300;

/** The actions on a card that change only its status, each with the version the sender saw. */
export const STATUS_ACTIONS = ["arrive", "confirm", "greet", "start", "complete", "no_show", "cancel", "reopen"] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];

/** Where a move puts a card: any of its day, time, advisor and bay (the editor's drag, the REST move). */
export const MoveTargetSchema = z.strictObject({
  date: AppointmentInputSchema.shape.date.optional(),
  startTime: AppointmentInputSchema.shape.startTime.optional(),
  advisorId: IdSchema.optional(),
  bayId: IdSchema.nullable().optional(),
});
export type MoveTarget = z.infer<typeof MoveTargetSchema>;

/**
 * Every change to the board is one of these commands. REST routes and socket events both build a
 * command, parse it here (the only validation it gets) and hand the result to the one write
 * pipeline; nothing else writes. The brand makes a parsed command the only kind the board accepts.
 */
const CommandUnion = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("appointment.create"), input: AppointmentInputSchema }),
  z.strictObject({ type: z.literal("appointment.update"), ...Ref, changes: AppointmentEditSchema }),
  z.strictObject({ type: z.literal("appointment.move"), ...Ref, ...MoveTargetSchema.shape }),
  z.strictObject({ type: z.literal("appointment.status"), ...Ref, action: z.enum(STATUS_ACTIONS) }),
  /** Undo: put the card back as it was before the audit entry `auditId`, the card's latest change. */
  z.strictObject({ type: z.literal("appointment.restore"), ...Ref, auditId: IdSchema }),
  /** Many bookings at once (a CSV import): every row is checked first, then all are created or none. */
  z.strictObject({
    type: z.literal("appointment.import"),
    rows: z.array(AppointmentInputSchema).min(1, { error: "must hold at least one row" }).max(MAX_IMPORT_ROWS, { error: `must hold at most ${MAX_IMPORT_ROWS} rows` }),
  }),
  /** 散客接待: a customer without an appointment, received at the gate now (issue 13). */
  z.strictObject({ type: z.literal("appointment.walk_in"), input: WalkInInputSchema }),
  /** 在路上: a late customer says they arrive in `minutes`; the no-show waits that much longer. */
  z.strictObject({ type: z.literal("appointment.on_the_way"), ...Ref, minutes: OnTheWayMinutesSchema }),
  /** A complaint / repeat-repair customer's arrival alert is acknowledged by someone it calls (shared/rules/alerts.ts). */
  z.strictObject({ type: z.literal("appointment.acknowledge_alert"), ...Ref }),
  z.strictObject({ type: z.literal("advisor.create"), input: AdvisorInputSchema }),
  z.strictObject({ type: z.literal("advisor.update"), ...Ref, changes: AdvisorInputSchema.partial() }),
  z.strictObject({ type: z.literal("bay.create"), input: BayInputSchema }),
  z.strictObject({ type: z.literal("bay.update"), ...Ref, changes: BayInputSchema.partial() }),
  z.strictObject({ type: z.literal("settings.update"), version: VersionSchema, changes: SettingsPatchSchema }),
  z.strictObject({ type: z.literal("account.create"), input: AccountInputSchema }),
  z.strictObject({ type: z.literal("account.update"), ...Ref, changes: AccountEditSchema }),
  /** By the manager for anyone (the account must then choose a new one), or by an account for itself with its current one. */
  z.strictObject({
    type: z.literal("account.set_password"),
    id: IdSchema,
    password: PasswordSchema,
    currentPassword: z.string().max(200).optional(),
  }),
  z.strictObject({ type: z.literal("display.create"), input: DisplayInputSchema }),
  z.strictObject({ type: z.literal("display.update"), ...Ref, changes: DisplayInputSchema.partial() }),
  z.strictObject({ type: z.literal("display.revoke"), id: IdSchema }),
  z.strictObject({ type: z.literal("token.create"), input: TokenInputSchema }),
  z.strictObject({ type: z.literal("token.revoke"), id: IdSchema }),
  ...CALL_IN_COMMANDS,
  ...LETTER_COMMANDS,
  /** The manager's retention policy: how long the audit log stays in the database before it is archived. */
  z.strictObject({ type: z.literal("retention.update"), version: VersionSchema, changes: RetentionInputSchema }),
]);
export const CommandSchema = CommandUnion.brand<"ValidCommand">();
/** A command as the handlers read it. */
export type Command = z.output<typeof CommandUnion>;
/** A command that has passed CommandSchema: what the board's execute takes. */
export type ValidCommand = z.output<typeof CommandSchema>;
export type CommandInput = z.input<typeof CommandSchema>;
export type CommandType = Command["type"];

/** Commands only the server itself issues (its clock, first start, sample data); never accepted from a client. */
export type SystemCommand =
  | { type: "appointment.mark_late"; id: number }
  | { type: "appointment.mark_no_show"; id: number }
  /** 迎接超时: an arrived customer not greeted within the site's greeting limit. */
  | { type: "appointment.mark_greeting_overdue"; id: number }
  | { type: "site.init"; settings: import("./settings.js").Settings }
  /** A fixture (the sample unless named) on `date` and the day after; `replace` takes any sample already loaded off first. */
  | { type: "sample.seed"; date: string; fixture?: import("./sample.js").FixtureName; replace?: boolean }
  | { type: "sample.remove" }
  /** The clock's generation of a due list for its period (a month, or a day); at most once per (list, period). */
  | { type: "call.generate_due"; list: import("./call-lists.js").CallList; period: string; today: string }
  /** First start: the manager account, with a password from the environment or a printed one-time one. */
  | { type: "account.init"; passwordHash: string; mustChangePassword: boolean };

/** A client may tag a command so that a retry after a timeout is applied once. */
export const RequestIdSchema = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);

import * as z from "zod";
import { IdSchema, LanguageSchema, requiredText } from "./common.js";

/** The roles a person, a token or a paired screen can hold; `system` is the server's own and never assignable. */
/** `service_desk` (客服) works the call-in lists and books; issue 14. */
export const ACCOUNT_ROLES = ["manager", "desk", "service_desk", "advisor", "display"] as const;
export const AccountRoleSchema = z.enum(ACCOUNT_ROLES);
export type AccountRole = z.infer<typeof AccountRoleSchema>;

export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, { error: "must be 2–32 characters" })
  .max(32, { error: "must be 2–32 characters" })
  .regex(/^[a-z0-9._-]+$/, { error: "may use only letters, digits, dot, dash and underscore" });

/** Long enough to resist guessing; the upper bound keeps a hostile body from costing the hash much. */
export const PasswordSchema = z.string().min(10, { error: "must be at least 10 characters" }).max(200, { error: "must be at most 200 characters" });

const advisorLink = {
  /** For the advisor role: whose customers this account serves. */
  advisorId: IdSchema.nullable().optional(),
};

export const AccountInputSchema = z.strictObject({
  username: UsernameSchema,
  displayName: requiredText(40),
  role: AccountRoleSchema,
  password: PasswordSchema,
  ...advisorLink,
});
export type AccountInput = z.infer<typeof AccountInputSchema>;

export const AccountEditSchema = z.strictObject({
  displayName: requiredText(40).optional(),
  role: AccountRoleSchema.optional(),
  active: z.boolean().optional(),
  ...advisorLink,
});

/** An account as any client sees it: never the password hash. */
export interface Account {
  id: number;
  username: string;
  displayName: string;
  role: AccountRole;
  advisorId: number | null;
  active: boolean;
  mustChangePassword: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** An account in the manager's list: when it last signed in is bookkeeping, not part of its version or audit. */
export interface AccountListing extends Account {
  lastSignInAt: string | null;
}

export const DISPLAY_VISIBILITIES = ["public", "staff"] as const;
/** How a TV lays the day out: advisor rows × hours, a flight-board list, or whichever suits the day. */
export const DISPLAY_LAYOUTS = ["auto", "grid", "list"] as const;
/** Hours of the now-window on either side of the present: 0 to 12, whole or half hours. */
const WindowHoursSchema = z.number().min(0).max(12).multipleOf(0.5);

export const DisplayInputSchema = z.strictObject({
  name: requiredText(40),
  /** public: masked names and plates; staff: the full card, for a screen behind the counter. */
  visibility: z.enum(DISPLAY_VISIBILITIES),
  language: LanguageSchema,
  /** Empty: every advisor on duty. */
  advisorIds: z.array(IdSchema).max(50).default([]),
  layout: z.enum(DISPLAY_LAYOUTS).default("auto"),
  /** The now-window: from this many hours before the present … */
  windowBefore: WindowHoursSchema.default(1),
  /** … to this many after it. */
  windowAfter: WindowHoursSchema.default(3),
});

/** A paired screen as the manager sees it; the key itself is shown once, at creation, and only its hash is kept. */
export interface PairedDisplay {
  id: number;
  name: string;
  visibility: (typeof DISPLAY_VISIBILITIES)[number];
  language: z.infer<typeof LanguageSchema>;
  advisorIds: number[];
  layout: (typeof DISPLAY_LAYOUTS)[number];
  windowBefore: number;
  windowAfter: number;
  revoked: boolean;
  version: number;
  createdAt: string;
  lastSeenAt: string | null;
}

/** What a paired screen learns about itself when it connects. */
export interface DisplayConfig {
  id: number;
  name: string;
  visibility: PairedDisplay["visibility"];
  language: PairedDisplay["language"];
  advisorIds: number[];
  layout: PairedDisplay["layout"];
  windowBefore: number;
  windowAfter: number;
}

export interface DisplayStatus extends PairedDisplay {
  online: boolean;
  /** The date and page the screen last reported while online. */
  date: string | null;
  page: string | null;
  /** Connections after the first today (site's day), counted since the server started: a flaky link shows here. */
  reconnectsToday: number;
  /** The last heartbeat's round trip in ms, while online; null before the first one. */
  rttMs: number | null;
}

export const TokenInputSchema = z.strictObject({
  name: requiredText(60),
  role: AccountRoleSchema,
  ...advisorLink,
});

export interface ApiToken {
  id: number;
  name: string;
  role: AccountRole;
  advisorId: number | null;
  revoked: boolean;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
}

export const LoginRequestSchema = z.strictObject({
  username: z.string().max(64, { error: "must be at most 64 characters" }),
  password: z.string().max(200, { error: "must be at most 200 characters" }),
});

export const PasswordChangeSchema = z.strictObject({
  currentPassword: z.string().max(200),
  newPassword: PasswordSchema,
});

/** What a paired display may tell the server about itself, for the manager's status list. */
export const DisplayReportSchema = z.strictObject({
  page: z.string().max(20),
});

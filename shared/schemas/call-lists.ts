import * as z from "zod";
import { IdSchema, LocalDateSchema, text } from "./common.js";

/** The due lists of the calling-in process (招揽), in the order the process names them. */
export const CALL_LISTS = [
  "regular_maintenance",
  "first_service",
  "insurance_renewal",
  "annual_inspection",
  "lapsed",
  "warranty_ending",
  "parts_arrived",
  "unresolved_fault",
  "campaign",
] as const;
export const CallListSchema = z.enum(CALL_LISTS);
export type CallList = z.infer<typeof CallListSchema>;

/** Lists the server makes by rule; the others are filled by hand or CSV. */
export const GENERATED_LISTS = ["regular_maintenance", "first_service", "insurance_renewal", "annual_inspection", "lapsed", "warranty_ending"] as const satisfies readonly CallList[];
/** Lists an advisor works for their own customers (the entry names them). */
export const ADVISOR_LISTS = ["parts_arrived", "unresolved_fault", "campaign"] as const satisfies readonly CallList[];

export const CALL_OUTCOMES = ["declined", "no_answer", "call_back", "wrong_number"] as const;
export const CallOutcomeSchema = z.enum(CALL_OUTCOMES);
export type CallOutcome = z.infer<typeof CallOutcomeSchema>;

/** Every rule a list is made by, with the process's defaults; the manager changes them. */
export const DueRulesSchema = z.strictObject({
  maintenanceIntervalDays: z.number().int().min(7).max(730),
  firstServiceAfterDays: z.number().int().min(1).max(365),
  insuranceWithinDays: z.number().int().min(1).max(365),
  inspectionWithinDays: z.number().int().min(1).max(365),
  lapsedAfterDays: z.number().int().min(30).max(3650),
  warrantyWithinDays: z.number().int().min(1).max(365),
  /** A vehicle contacted on any list within this many days is not listed again. */
  recontactDays: z.number().int().min(0).max(365),
  /** How long an entry stays taken by whoever opened it. */
  claimMinutes: z.number().int().min(1).max(240),
});
export type DueRules = z.infer<typeof DueRulesSchema>;

export const DEFAULT_DUE_RULES: DueRules = {
  maintenanceIntervalDays: 90,
  firstServiceAfterDays: 21,
  insuranceWithinDays: 30,
  inspectionWithinDays: 30,
  lapsedAfterDays: 180,
  warrantyWithinDays: 60,
  recontactDays: 14,
  claimMinutes: 10,
};

export const CallEntryInputSchema = z.strictObject({
  list: z.enum(["parts_arrived", "unresolved_fault", "campaign"]),
  vehicleId: IdSchema,
  advisorId: IdSchema.nullable().default(null),
  reason: text(200).default(""),
  dueDate: LocalDateSchema.nullable().default(null),
});
export type CallEntryInput = z.input<typeof CallEntryInputSchema>;

export const CALL_ENTRY_STATES = ["open", "booked", "closed"] as const;

export const CallEntrySchema = z.object({
  id: IdSchema,
  list: CallListSchema,
  period: z.string(),
  vehicleId: IdSchema,
  customerId: IdSchema.nullable(),
  advisorId: IdSchema.nullable(),
  reason: z.string(),
  dueDate: z.string().nullable(),
  state: z.enum(CALL_ENTRY_STATES),
  outcome: z.union([CallOutcomeSchema, z.literal("booked")]).nullable(),
  outcomeNote: z.string(),
  attempts: z.number().int(),
  nextTryDate: z.string().nullable(),
  lastContactAt: z.string().nullable(),
  appointmentId: IdSchema.nullable(),
  claimedBy: z.string().nullable(),
  claimedName: z.string().nullable(),
  claimedUntil: z.number().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CallEntry = z.infer<typeof CallEntrySchema>;

/** One list's figures for one month (the period its entries were generated for, or made in). */
export interface CallListFigures {
  list: CallList;
  month: string;
  size: number;
  contacted: number;
  booked: number;
  declined: number;
  unreachable: number;
  showedUp: number;
}

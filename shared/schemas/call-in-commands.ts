import * as z from "zod";
import { CONFIRMATION_OUTCOMES } from "../rules/confirmation.js";
import { IdSchema, LocalDateSchema, text } from "./common.js";
import { AppointmentInputSchema } from "./appointment.js";
import { CustomerEditSchema, MAX_REGISTER_ROWS, RegisterRowSchema, VehicleEditSchema } from "./register.js";
import { CallEntryInputSchema, CallListSchema, CallOutcomeSchema, DueRulesSchema } from "./call-lists.js";

const Version = z.number().int().min(1, { error: "must be the version you saw (1 or more)" });

/** The calling-in commands (issue 14); shared/schemas/commands.ts joins them to the board's union. */
export const CALL_IN_COMMANDS = [
  z.strictObject({ type: z.literal("customer.update"), id: IdSchema, version: Version, changes: CustomerEditSchema }),
  /** A vehicle and its owner typed in by hand: the owner is found by phone, or added. */
  z.strictObject({ type: z.literal("vehicle.create"), input: RegisterRowSchema }),
  z.strictObject({ type: z.literal("vehicle.update"), id: IdSchema, version: Version, changes: VehicleEditSchema }),
  /** A dealer system's export: every row is checked, then all are saved or none. */
  z.strictObject({
    type: z.literal("register.import"),
    rows: z.array(RegisterRowSchema).min(1, { error: "must hold at least one row" }).max(MAX_REGISTER_ROWS, { error: `must hold at most ${MAX_REGISTER_ROWS} rows` }),
  }),
  z.strictObject({ type: z.literal("call.rules"), version: Version, changes: DueRulesSchema.partial() }),
  /** Makes a list by its rule now (by hand); vehicles already listed, booked or contacted lately are left out. */
  z.strictObject({ type: z.literal("call.generate"), list: CallListSchema }),
  /** An entry on a list filled by hand (parts arrived, unresolved fault, campaign). */
  z.strictObject({ type: z.literal("call.add"), input: CallEntryInputSchema }),
  /** Takes the next free entry of a list for the caller, so two people never call the same customer. */
  z.strictObject({ type: z.literal("call.claim"), list: CallListSchema }),
  z.strictObject({ type: z.literal("call.release"), id: IdSchema }),
  z.strictObject({
    type: z.literal("call.outcome"),
    id: IdSchema,
    version: Version,
    outcome: CallOutcomeSchema,
    note: text(200).default(""),
    callBackDate: LocalDateSchema.optional(),
  }),
  /** The day-before call of a card: 无人接听 (counted, tried again) or 已发短信; confirm, change and cancel are the card's own commands. */
  z.strictObject({ type: z.literal("appointment.confirmation_call"), id: IdSchema, outcome: z.enum(CONFIRMATION_OUTCOMES) }),
  /** 已预约: the booking made from an entry, which carries the list's source and links the vehicle. */
  z.strictObject({ type: z.literal("call.book"), id: IdSchema, version: Version, input: AppointmentInputSchema }),
] as const;

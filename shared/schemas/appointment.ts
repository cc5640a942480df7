import * as z from "zod";
import { IdSchema, InstantSchema, LocalDateSchema, LocalTimeSchema, requiredText, text } from "./common.js";
import { normalizePlate, PLATE_CHARS } from "../rules/plate.js";
import { JobCategoryCodeSchema } from "./job-category.js";

export const APPOINTMENT_STATUSES = ["booked", "confirmed", "arrived", "in_service", "completed", "no_show", "cancelled"] as const;
export const AppointmentStatusSchema = z.enum(APPOINTMENT_STATUSES);
export type AppointmentStatus = z.infer<typeof AppointmentStatusSchema>;

export const APPOINTMENT_SOURCES = [
  "regular_maintenance",
  "service_campaign",
  "parts_arrived",
  "unresolved_fault",
  "customer_inquiry",
  "recall",
] as const;
export const AppointmentSourceSchema = z.enum(APPOINTMENT_SOURCES);
export type AppointmentSource = z.infer<typeof AppointmentSourceSchema>;

export const InitiatorSchema = z.enum(["dealer", "customer"]);
export const CustomerTitleSchema = z.enum(["mr", "ms", "none"]);
export type CustomerTitle = z.infer<typeof CustomerTitleSchema>;

export const PreparationSchema = z.strictObject({
  partsNeeded: z.boolean().default(false),
  partsReady: z.boolean().default(false),
  repeatRepair: z.boolean().default(false),
  complaint: z.boolean().default(false),
  needsRoadTest: z.boolean().default(false),
});
export type Preparation = z.infer<typeof PreparationSchema>;

export const PlateSchema = z
  .string()
  .max(20, { error: "must be at most 12 characters" })
  .transform(normalizePlate)
  .pipe(
    z
      .string()
      .min(2, { error: "is required" })
      .max(12, { error: "must be at most 12 characters" })
      .regex(PLATE_CHARS, { error: "may hold only letters, digits and the region character" }),
  );

export const PhoneSchema = z
  .string()
  .trim()
  .max(20, { error: "must be at most 20 characters" })
  .regex(/^(\+?[0-9][0-9 -]{4,19})?$/, { error: "must be a phone number (digits, spaces, - and a leading +)" });

/** Every field a booking may set; the create and edit commands both use it. */
const AppointmentFieldsShape = {
  date: LocalDateSchema,
  startTime: LocalTimeSchema,
  durationMinutes: z.number().int().min(5, { error: "must be at least 5 minutes" }).max(12 * 60, { error: "must be at most 720 minutes" }),
  advisorId: IdSchema,
  bayId: IdSchema.nullable(),
  customerName: requiredText(40),
  customerTitle: CustomerTitleSchema,
  phone: PhoneSchema,
  plate: PlateSchema,
  vehicleModel: text(60),
  mileageKm: z.number().int().min(0).max(3_000_000).nullable(),
  workRequested: requiredText(500),
  /** A code of the site's job categories; null is 未分类 (uncategorised). */
  jobCategory: JobCategoryCodeSchema.nullable(),
  source: AppointmentSourceSchema,
  initiatedBy: InitiatorSchema,
  estimatedMinutes: z.number().int().min(0).max(7 * 24 * 60).nullable(),
  estimatedAmount: z.number().min(0).max(10_000_000).nullable(),
  notes: text(2000),
  preparation: PreparationSchema,
};

export const AppointmentInputSchema = z.strictObject({
  ...AppointmentFieldsShape,
  durationMinutes: AppointmentFieldsShape.durationMinutes.default(60),
  bayId: AppointmentFieldsShape.bayId.default(null),
  customerTitle: CustomerTitleSchema.default("none"),
  phone: PhoneSchema.default(""),
  vehicleModel: text(60).default(""),
  mileageKm: AppointmentFieldsShape.mileageKm.default(null),
  jobCategory: AppointmentFieldsShape.jobCategory.default(null),
  source: AppointmentSourceSchema.default("customer_inquiry"),
  initiatedBy: InitiatorSchema.default("customer"),
  estimatedMinutes: AppointmentFieldsShape.estimatedMinutes.default(null),
  estimatedAmount: AppointmentFieldsShape.estimatedAmount.default(null),
  notes: text(2000).default(""),
  preparation: PreparationSchema.default({
    partsNeeded: false,
    partsReady: false,
    repeatRepair: false,
    complaint: false,
    needsRoadTest: false,
  }),
});
export type AppointmentInput = z.input<typeof AppointmentInputSchema>;
export type AppointmentFields = z.output<typeof AppointmentInputSchema>;

/** An edit names only what it changes; preparation marks may be changed one at a time. */
export const AppointmentEditSchema = z.strictObject({
  ...AppointmentFieldsShape,
  preparation: PreparationSchema.partial().strict(),
}).partial();
export type AppointmentEdit = z.output<typeof AppointmentEditSchema>;

export const AppointmentSchema = z.object({
  id: IdSchema,
  date: LocalDateSchema,
  startTime: LocalTimeSchema,
  durationMinutes: z.number().int(),
  advisorId: IdSchema,
  bayId: IdSchema.nullable(),
  customerName: z.string(),
  customerTitle: CustomerTitleSchema,
  phone: z.string(),
  plate: z.string(),
  vehicleModel: z.string(),
  mileageKm: z.number().nullable(),
  workRequested: z.string(),
  // the reception fields default, so a card as an older audit entry recorded it still reads (undo)
  jobCategory: z.string().nullable().default(null),
  source: AppointmentSourceSchema,
  initiatedBy: InitiatorSchema,
  estimatedMinutes: z.number().nullable(),
  estimatedAmount: z.number().nullable(),
  notes: z.string(),
  preparation: z.object({
    partsNeeded: z.boolean(),
    partsReady: z.boolean(),
    repeatRepair: z.boolean(),
    complaint: z.boolean(),
    needsRoadTest: z.boolean(),
  }),
  status: AppointmentStatusSchema,
  /** When the clock marked it 延时到店; null while on time or once the slot moved. */
  lateAt: InstantSchema.nullable(),
  arrivedAt: InstantSchema.nullable(),
  /** Minutes past the start at arrival, when the arrival came after the grace; else null. */
  arrivedLateMinutes: z.number().int().nullable(),
  /** 散客: entered at the gate without an appointment; never late, never a no-show. */
  walkIn: z.boolean().default(false),
  /**
   * The roof sign's number (预约车顶牌), unique for the day within its series (walk-ins count apart);
   * given at booking and kept while the card stays on its day. Null only in entries older than it.
   */
  queueNumber: z.number().int().nullable().default(null),
  /** 已出迎: when the advisor came out to greet the arrived customer. */
  greetedAt: InstantSchema.nullable().default(null),
  /** When the clock found the greeting past the site's limit; stays as a record once greeted. */
  greetingOverdueAt: InstantSchema.nullable().default(null),
  /** 在路上: when a late customer said they would arrive; the no-show waits noShowDelayMinutes longer. */
  expectedAt: InstantSchema.nullable().default(null),
  noShowDelayMinutes: z.number().int().default(0),
  /** A complaint or repeat-repair customer's arrival alert, acknowledged by whom and when (null: still alerting once arrived). */
  alertAcknowledgedAt: InstantSchema.nullable().default(null),
  alertAcknowledgedBy: z.string().default(""),
  confirmedAt: InstantSchema.nullable(),
  startedAt: InstantSchema.nullable(),
  completedAt: InstantSchema.nullable(),
  cancelledAt: InstantSchema.nullable(),
  version: z.number().int(),
  createdAt: InstantSchema,
  createdBy: z.string(),
  updatedAt: InstantSchema,
  updatedBy: z.string(),
});
export type Appointment = z.infer<typeof AppointmentSchema>;

import * as z from "zod";
import { IdSchema, LocalDateSchema, requiredText, text } from "./common.js";
import { CustomerTitleSchema, PhoneSchema, PlateSchema } from "./appointment.js";

/** A vehicle's VIN: 17 characters without I, O or Q (ISO 3779); empty when the dealer system has none. */
export const VinSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^([A-HJ-NPR-Z0-9]{17})?$/, { error: "must be 17 letters and digits (no I, O or Q), or empty" });

const OptionalDate = LocalDateSchema.nullable();
const Km = z.number().int().min(0, { error: "must be 0 or more" }).max(3_000_000, { error: "must be at most 3000000" });

const CustomerShape = {
  name: requiredText(40),
  title: CustomerTitleSchema,
  phone: PhoneSchema,
  phone2: PhoneSchema,
};

export const CustomerInputSchema = z.strictObject({
  ...CustomerShape,
  title: CustomerTitleSchema.default("none"),
  phone: PhoneSchema.default(""),
  phone2: PhoneSchema.default(""),
});
/** An edit names only what it changes (no defaults: a field left out stays as it is). */
export const CustomerEditSchema = z.strictObject(CustomerShape).partial();
export type CustomerInput = z.input<typeof CustomerInputSchema>;

const VehicleShape = {
  plate: PlateSchema,
  vin: VinSchema,
  model: text(60),
  saleDate: OptionalDate,
  lastServiceDate: OptionalDate,
  lastServiceKm: Km.nullable(),
  insuranceEnd: OptionalDate,
  inspectionDue: OptionalDate,
  warrantyEnd: OptionalDate,
  customerId: IdSchema.nullable(),
  /** The advisor who looks after this customer, for the lists advisors work themselves. */
  advisorId: IdSchema.nullable(),
};

export const VehicleInputSchema = z.strictObject({
  ...VehicleShape,
  vin: VinSchema.default(""),
  model: text(60).default(""),
  saleDate: OptionalDate.default(null),
  lastServiceDate: OptionalDate.default(null),
  lastServiceKm: Km.nullable().default(null),
  insuranceEnd: OptionalDate.default(null),
  inspectionDue: OptionalDate.default(null),
  warrantyEnd: OptionalDate.default(null),
  customerId: IdSchema.nullable().default(null),
  advisorId: IdSchema.nullable().default(null),
});
/** An edit names only what it changes (no defaults: a field left out stays as it is). */
export const VehicleEditSchema = z.strictObject(VehicleShape).partial();
export type VehicleInput = z.input<typeof VehicleInputSchema>;
export type VehicleFields = z.output<typeof VehicleInputSchema>;

/** One row of a dealer system's export: a vehicle and its owner together. */
export const RegisterRowSchema = z.strictObject({
  ...VehicleInputSchema.omit({ customerId: true, advisorId: true }).shape,
  customerName: requiredText(40),
  customerTitle: CustomerTitleSchema.default("none"),
  phone: PhoneSchema.default(""),
  phone2: PhoneSchema.default(""),
});
export type RegisterRowInput = z.input<typeof RegisterRowSchema>;
export type RegisterRow = z.output<typeof RegisterRowSchema>;

/** A whole register file at most; 20,000 vehicles is a large dealer's export. */
export const MAX_REGISTER_ROWS = 20_000;

export const CustomerSchema = z.object({
  id: IdSchema,
  name: z.string(),
  title: CustomerTitleSchema,
  phone: z.string(),
  phone2: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Customer = z.infer<typeof CustomerSchema>;

export const VehicleSchema = z.object({
  id: IdSchema,
  plate: z.string(),
  vin: z.string(),
  model: z.string(),
  saleDate: z.string().nullable(),
  lastServiceDate: z.string().nullable(),
  lastServiceKm: z.number().nullable(),
  insuranceEnd: z.string().nullable(),
  inspectionDue: z.string().nullable(),
  warrantyEnd: z.string().nullable(),
  customerId: IdSchema.nullable(),
  advisorId: IdSchema.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Vehicle = z.infer<typeof VehicleSchema>;

/** A vehicle with its owner, as the register, the booking form's lookup and the lists show it. */
export interface RegisterEntry {
  vehicle: Vehicle;
  customer: Customer | null;
}

/** What an import did or, as a preview, would do, row by row (rows are numbered from 1 after the header). */
export interface RegisterImportReport {
  encoding: string;
  rows: number;
  created: number;
  updated: number;
  /** Rows that matched a vehicle by VIN under another plate, or a plate twice in the same file. */
  merged: number;
  refused: { row: number; field: string; message: string }[];
  /** Per row: what happened to it. */
  actions: ("created" | "updated" | "merged")[];
}

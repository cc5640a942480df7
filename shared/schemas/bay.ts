import * as z from "zod";
import { IdSchema, requiredText } from "./common.js";

export const BAY_KINDS = ["quick_service", "general_repair", "diagnosis", "body_paint", "wash", "other"] as const;
export const BayKindSchema = z.enum(BAY_KINDS);
export type BayKind = z.infer<typeof BayKindSchema>;

export const BayInputSchema = z.strictObject({
  name: requiredText(40),
  kind: BayKindSchema.default("general_repair"),
  active: z.boolean().default(true),
});
export type BayInput = z.input<typeof BayInputSchema>;

export const BaySchema = z.object({
  id: IdSchema,
  name: z.string(),
  kind: BayKindSchema,
  active: z.boolean(),
  version: z.number().int(),
});
export type Bay = z.infer<typeof BaySchema>;

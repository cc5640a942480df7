import * as z from "zod";
import { IdSchema, LanguageSchema, LocalDateSchema, requiredText, text } from "./common.js";
import { AppointmentInputSchema } from "./appointment.js";
import { JobCategoryCodeSchema } from "./job-category.js";

/** Longest "on the way" a desk may give a late customer: a four-hour drive is still today's visit. */
export const MAX_ON_THE_WAY_MINUTES = 240;

/**
 * 散客接待: what the guide asks at the gate of a customer without an appointment. The card is made
 * at the server's current time, already arrived; with no advisor named the server picks the
 * suggested one (shared/rules/reception.ts), with no bay one of the category's kind if free.
 */
export const WalkInInputSchema = z.strictObject({
  plate: AppointmentInputSchema.shape.plate,
  customerName: text(40).default(""),
  customerTitle: AppointmentInputSchema.shape.customerTitle,
  phone: AppointmentInputSchema.shape.phone,
  jobCategory: JobCategoryCodeSchema,
  workRequested: requiredText(200),
  advisorId: IdSchema.optional(),
  bayId: IdSchema.nullable().optional(),
  durationMinutes: AppointmentInputSchema.shape.durationMinutes,
  notes: text(2000).default(""),
});
export type WalkInInput = z.input<typeof WalkInInputSchema>;

export const OnTheWayMinutesSchema = z
  .number()
  .int({ error: "must be a whole number of minutes" })
  .min(1, { error: "must be at least 1 minute" })
  .max(MAX_ON_THE_WAY_MINUTES, { error: `must be at most ${MAX_ON_THE_WAY_MINUTES} minutes` });

/** The longest range the reception figures cover in one answer: a year. */
export const MAX_FIGURES_DAYS = 366;

/** GET /api/reception/figures: a day (`date`) or a range (`from`, `to`, both included); today when none. */
export const ReceptionFiguresQuerySchema = z
  .strictObject({
    date: LocalDateSchema.optional(),
    from: LocalDateSchema.optional(),
    to: LocalDateSchema.optional(),
    lang: LanguageSchema.optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from !== undefined && q.to !== undefined) {
      if (q.to < q.from) ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
      else if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1 > MAX_FIGURES_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: `must be at most ${MAX_FIGURES_DAYS} days after from` });
    }
  });

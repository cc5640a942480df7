import * as z from "zod";
import { COLOR_PATTERN, IdSchema, requiredText } from "./common.js";
import { JobCategoryCodeSchema } from "./job-category.js";

/** 0 = Sunday … 6 = Saturday, as Date#getDay. */
export const WeekdaySchema = z.number().int().min(0).max(6);

export const AdvisorInputSchema = z.strictObject({
  name: requiredText(40),
  color: z.string().regex(COLOR_PATTERN, { error: "must be a colour written #rrggbb" }).default("#4f8cff"),
  displayOrder: z.number().int().min(0).max(10_000).default(0),
  active: z.boolean().default(true),
  daysOnDuty: z.array(WeekdaySchema).max(7).default([0, 1, 2, 3, 4, 5, 6]).transform((d) => [...new Set(d)].sort()),
  /** The job categories this advisor takes (服务顾问按作业别区分专业分工); none means any. */
  jobCategories: z.array(JobCategoryCodeSchema).max(30).default([]).transform((c) => [...new Set(c)]),
});
export type AdvisorInput = z.input<typeof AdvisorInputSchema>;

export const AdvisorSchema = z.object({
  id: IdSchema,
  name: z.string(),
  color: z.string(),
  displayOrder: z.number().int(),
  active: z.boolean(),
  daysOnDuty: z.array(WeekdaySchema),
  jobCategories: z.array(z.string()),
  version: z.number().int(),
});
export type Advisor = z.infer<typeof AdvisorSchema>;

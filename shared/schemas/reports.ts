import * as z from "zod";
import { LocalDateSchema } from "./common.js";
import { REPORT_PERIODS } from "../rules/report-period.js";
import { MAX_FIGURES_DAYS } from "./reception.js";

/**
 * GET /api/reports/figures: a period (day, week or month) around `date` (today in the site's zone
 * when absent), or a range `from`–`to` (both included, at most MAX_FIGURES_DAYS days).
 */
export const ReportQuerySchema = z
  .strictObject({
    period: z.enum(REPORT_PERIODS).optional(),
    date: LocalDateSchema.optional(),
    from: LocalDateSchema.optional(),
    to: LocalDateSchema.optional(),
  })
  .superRefine((q, ctx) => {
    if ((q.from === undefined) !== (q.to === undefined)) ctx.addIssue({ code: "custom", path: [q.from === undefined ? "from" : "to"], message: "from and to go together" });
    if (q.from !== undefined && (q.period !== undefined || q.date !== undefined)) ctx.addIssue({ code: "custom", path: ["period"], message: "give a period and date, or from and to, not both" });
    if (q.from !== undefined && q.to !== undefined) {
      if (q.to < q.from) ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
      else if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1 > MAX_FIGURES_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: `must be at most ${MAX_FIGURES_DAYS} days after from` });
    }
  });
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

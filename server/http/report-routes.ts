import { Router } from "express";
import { ReportQuerySchema } from "../../shared/schemas/reports.js";
import { periodRange } from "../../shared/rules/report-period.js";
import type { Board } from "../board/board.js";
import { DomainError } from "../board/domain-error.js";
import { sendError } from "./send-error.js";
import { requireRead } from "./authenticate.js";

/**
 * The manager's report (issue 15, point 3): one call for the board's figures of a day, a week or a
 * month. The reception and call-in figures the report page also draws keep their own calls.
 */
export function reportRoutes(board: Board): Router {
  const r = Router();

  r.get("/reports/figures", requireRead("figures"), async (req, res) => {
    const parsed = ReportQuerySchema.safeParse(req.query);
    if (!parsed.success) return sendError(res, DomainError.fromZod(parsed.error).toBody());
    const q = parsed.data;
    const range = q.from !== undefined && q.to !== undefined ? { from: q.from, to: q.to } : periodRange(q.period ?? "day", q.date ?? await board.today());
    res.json(await board.records.reportFigures(range));
  });

  return r;
}

import { Router } from "express";
import { ReceptionFiguresQuerySchema } from "../../shared/schemas/reception.js";
import { receptionFiguresCsv, type ReceptionFigureRow, type ReceptionFigures } from "../../shared/rules/reception-figures.js";
import { t, type MessageKey } from "../../shared/i18n/messages.js";
import type { Language } from "../../shared/schemas/common.js";
import type { ErrorBody } from "../../shared/errors.js";
import type { Board } from "../board/board.js";
import { DomainError } from "../board/domain-error.js";
import { sendError } from "./send-error.js";
import { requireRead } from "./authenticate.js";

const CSV_HEADERS: Record<keyof ReceptionFigureRow, MessageKey> = {
  advisorId: "admin.field.advisor",
  advisorName: "admin.field.advisor",
  arrivals: "figures.arrivals",
  walkIns: "figures.walkIns",
  greetingMedianMinutes: "figures.greetingMedian",
  greetingP90Minutes: "figures.greetingP90",
  greetedWithinLimitShare: "figures.greetedWithin",
  lateArrivals: "figures.lateArrivals",
  lateMedianMinutes: "figures.lateMedian",
  noShows: "figures.noShows",
  showRate: "figures.showRate",
};

/** The manager's reception figures (issue 13, point 8), as JSON for the manager's console and as CSV. */
export function receptionRoutes(board: Board): Router {
  const r = Router();

  const figures = async (query: unknown): Promise<{ error: ErrorBody } | { figures: ReceptionFigures; lang: Language }> => {
    const parsed = ReceptionFiguresQuerySchema.safeParse(query);
    if (!parsed.success) return { error: DomainError.fromZod(parsed.error).toBody() };
    const q = parsed.data;
    const from = q.from ?? q.date ?? await board.today();
    const to = q.to ?? q.date ?? from;
    if (to < from) return { error: { code: "invalid_payload" as const, message: "to must not be before from", field: "to" } };
    return { figures: await board.records.receptionFigures(from, to), lang: q.lang ?? (await board.records.settings()).settings.language };
  };

  r.get("/reception/figures", requireRead("figures"), async (req, res) => {
    const out = await figures(req.query);
    if ("error" in out) return sendError(res, out.error);
    res.json(out.figures);
  });

  r.get("/reception/figures.csv", requireRead("figures"), async (req, res) => {
    const out = await figures(req.query);
    if ("error" in out) return sendError(res, out.error);
    const lang = out.lang;
    const headers = Object.fromEntries(Object.entries(CSV_HEADERS).map(([k, key]) => [k, t(lang, key)])) as Record<keyof ReceptionFigureRow, string>;
    const { from, to } = out.figures;
    res
      .type("text/csv; charset=utf-8")
      .attachment(`magboard-reception-${from}${to === from ? "" : `-${to}`}.csv`)
      .send(receptionFiguresCsv(out.figures, headers, t(lang, "figures.total")));
  });

  return r;
}

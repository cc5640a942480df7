import { Router } from "express";
import type { Board } from "../board/board.js";
import { CallListSchema } from "../../shared/schemas/call-lists.js";
import { bodyOf, idParam, runCommand, splitVersion } from "./send.js";
import { sendError } from "./send-error.js";
import { requireRead, signedIn } from "./authenticate.js";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The due lists: read, make by hand, take the next entry, record an outcome, book; the rules; the figures. */
export function callListRoutes(board: Board): Router {
  const r = Router();

  r.get("/rules", requireRead("records"), async (_req, res) => {
    const { rules, version } = await board.callIn.rules();
    res.json({ ...rules, version });
  });

  r.patch("/rules", (req, res) => {
    const { version, rest: changes } = splitVersion(req.body);
    runCommand(board, req, res, { type: "call.rules", version, changes });
  });

  r.get("/figures", requireRead("records"), async (req, res) => {
    const from = typeof req.query.from === "string" ? req.query.from : "";
    const to = typeof req.query.to === "string" ? req.query.to : from;
    if (!MONTH.test(from) || !MONTH.test(to)) {
      return sendError(res, { code: "invalid_payload", message: "month must be written YYYY-MM (from, and to)", field: "month" });
    }
    res.json(await board.callIn.figures(from, to));
  });

  // the day-before calls (预约确认) of a date: no answer / text sent, and the count still unconfirmed
  r.get("/confirmations", requireRead("records"), async (req, res) => {
    const date = typeof req.query.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(req.query.date) ? req.query.date : null;
    if (date === null) return sendError(res, { code: "invalid_payload", message: "date must be written YYYY-MM-DD", field: "date" });
    res.json(await board.callIn.confirmations(date));
  });

  r.post("/confirmations/:id", (req, res) => {
    const id = idParam(req, res);
    if (id !== null) runCommand(board, req, res, { ...bodyOf(req.body), type: "appointment.confirmation_call", id });
  });

  r.post("/entries", (req, res) => runCommand(board, req, res, { type: "call.add", input: (req.body as unknown) ?? {} }, true));

  r.post("/entries/:id/release", (req, res) => {
    const id = idParam(req, res);
    if (id !== null) runCommand(board, req, res, { type: "call.release", id });
  });

  r.post("/entries/:id/outcome", (req, res) => {
    const id = idParam(req, res);
    if (id !== null) runCommand(board, req, res, { ...bodyOf(req.body), type: "call.outcome", id });
  });

  r.post("/entries/:id/book", (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const { version, rest: input } = splitVersion(req.body);
    runCommand(board, req, res, { type: "call.book", id, version, input }, true);
  });

  r.get("/:list", requireRead("records"), async (req, res) => {
    const list = CallListSchema.safeParse(req.params.list);
    if (!list.success) return sendError(res, { code: "not_found", message: `no list ${String(req.params.list).slice(0, 40)}` });
    const principal = signedIn(req, res);
    if (principal) res.json(await board.callIn.list(list.data, principal.actor, req.query.all === "1"));
  });

  r.post("/:list/generate", (req, res) => runCommand(board, req, res, { type: "call.generate", list: req.params.list }));

  r.post("/:list/claim", (req, res) => runCommand(board, req, res, { type: "call.claim", list: req.params.list }));

  return r;
}

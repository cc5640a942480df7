import { Router, type Request, type Response } from "express";
import type { ContactBatch } from "../../shared/schemas/letters.js";
import type { Board } from "../board/board.js";
import { bodyOf, idParam, runCommand, splitVersion } from "./send.js";
import { sendError } from "./send-error.js";
import { requireRead, signedIn } from "./authenticate.js";
import { LETTER_CSS, letterBatchPage, textsCsv } from "./letter-page.js";

/** Letters and texts: the manager's settings, a real customer's values to preview with, sending a batch, printing it, its texts as CSV, the hook's failures. */
export function letterRoutes(board: Board): Router {
  const r = Router();

  r.get("/letter.css", (_req, res) => {
    res.type("text/css; charset=utf-8").send(LETTER_CSS);
  });

  r.get("/settings", requireRead("records"), async (req, res) => {
    const principal = signedIn(req, res);
    if (principal) res.json(await board.letters.settings(principal.actor));
  });

  r.patch("/settings", (req, res) => {
    const { version, rest } = splitVersion(req.body);
    runCommand(board, req, res, { type: "letters.settings", version, changes: rest });
  });

  r.get("/sample", requireRead("records"), async (req, res) => {
    const raw = req.query.vehicleId;
    const id = typeof raw === "string" && /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : raw === undefined ? null : NaN;
    if (Number.isNaN(id)) return sendError(res, { code: "invalid_payload", message: "vehicleId must be a vehicle's id", field: "vehicleId" });
    const sample = await board.letters.sample(id);
    if (!sample) return sendError(res, { code: "not_found", message: "no vehicle in the register to preview with" });
    res.json(sample);
  });

  r.post("/send", (req, res) => runCommand(board, req, res, { ...bodyOf(req.body), type: "letters.send" }, true));

  r.get("/texts/failed", requireRead("records"), async (_req, res) => {
    res.json(await board.letters.failedTexts());
  });

  r.post("/texts/:id/retry", (req, res) => {
    const id = idParam(req, res);
    if (id !== null) runCommand(board, req, res, { type: "letters.retry_text", id });
  });

  const batchOf = async (req: Request, res: Response): Promise<ContactBatch | null> => {
    const id = idParam(req, res);
    if (id === null) return null;
    const batch = await board.letters.batch(id);
    if (!batch) sendError(res, { code: "not_found", message: `batch ${id} does not exist` });
    return batch ?? null;
  };

  r.get("/batches/:id", requireRead("records"), async (req, res) => {
    const batch = await batchOf(req, res);
    if (batch) res.json(batch);
  });

  r.get("/batches/:id/letters.html", requireRead("records"), async (req, res) => {
    const batch = await batchOf(req, res);
    if (batch) res.type("text/html; charset=utf-8").send(letterBatchPage(batch));
  });

  r.get("/batches/:id/texts.csv", requireRead("records"), async (req, res) => {
    const batch = await batchOf(req, res);
    if (batch) res.type("text/csv; charset=utf-8").attachment(`magboard-texts-${batch.id}.csv`).send(textsCsv(batch));
  });

  return r;
}

import { Router } from "express";
import type { Board } from "../board/board.js";
import { AuditQuerySchema } from "../../shared/schemas/retention.js";
import { DomainError } from "../board/domain-error.js";
import { requireRead } from "./authenticate.js";
import { runCommand, splitVersion } from "./send.js";
import { sendError } from "./send-error.js";

/** The manager's history viewer and retention policy. */
export function historyRoutes(board: Board): Router {
  const r = Router();
  const manager = requireRead("access");

  r.get("/history", manager, async (req, res) => {
    const q = AuditQuerySchema.safeParse(req.query);
    if (!q.success) return sendError(res, DomainError.fromZod(q.error).toBody());
    res.json(await board.history(q.data));
  });

  r.get("/retention", manager, async (_req, res) => res.json(await board.retention()));
  r.patch("/retention", (req, res) => {
    const { version, rest: changes } = splitVersion(req.body);
    runCommand(board, req, res, { type: "retention.update", version, changes });
  });

  return r;
}

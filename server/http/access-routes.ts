import { Router, type Request, type Response } from "express";
import type { Board } from "../board/board.js";
import type { DisplayStatus } from "../../shared/schemas/access.js";
import { requireRead } from "./authenticate.js";
import { idParam, runCommand, splitVersion } from "./send.js";
import { sendError } from "./send-error.js";

/** The live side of paired displays: who is connected now, and what they show. */
export interface DisplayPresence {
  displayStatuses(): Promise<DisplayStatus[]>;
}

const bodyOf = (req: Request): unknown => req.body ?? {};

/** A revocation takes no body; one that has anything in it is a mistake, refused rather than ignored. */
function noBody(req: Request, res: Response): boolean {
  const body: unknown = req.body;
  const empty = body === undefined || (typeof body === "object" && body !== null && !Array.isArray(body) && Object.keys(body).length === 0);
  if (!empty) sendError(res, { code: "invalid_payload", message: "(body) must be empty", field: "(body)" });
  return empty;
}

/** The manager's: accounts, paired displays and API tokens. Reads need the manager; writes go through the pipeline like any command. */
export function accessRoutes(board: Board, presence: DisplayPresence): Router {
  const r = Router();
  const manager = requireRead("access");

  r.get("/accounts", manager, async (_req, res) => res.json(await board.records.accounts()));
  r.post("/accounts", (req, res) => runCommand(board, req, res, { type: "account.create", input: bodyOf(req) }, true));
  r.patch("/accounts/:id", (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const { version, rest } = splitVersion(req.body);
    runCommand(board, req, res, { type: "account.update", id, version, changes: rest });
  });
  /** A manager sets someone's password; they must change it at their next sign-in. */
  r.post("/accounts/:id/password", (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    runCommand(board, req, res, { ...splitVersion(req.body).rest, type: "account.set_password", id });
  });

  r.get("/displays", manager, async (_req, res) => res.json(await presence.displayStatuses()));
  // no Idempotency-Key here: a replayed answer could not show the key again, which is the point of asking
  r.post("/displays", (req, res) => runCommand(board, req, res, { type: "display.create", input: bodyOf(req) }, true, false));
  r.patch("/displays/:id", (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const { version, rest } = splitVersion(req.body);
    runCommand(board, req, res, { type: "display.update", id, version, changes: rest });
  });
  r.delete("/displays/:id", (req, res) => {
    const id = idParam(req, res);
    if (id !== null && noBody(req, res)) runCommand(board, req, res, { type: "display.revoke", id });
  });

  r.get("/tokens", manager, async (_req, res) => res.json(await board.records.tokens()));
  r.post("/tokens", (req, res) => runCommand(board, req, res, { type: "token.create", input: bodyOf(req) }, true, false));
  r.delete("/tokens/:id", (req, res) => {
    const id = idParam(req, res);
    if (id !== null && noBody(req, res)) runCommand(board, req, res, { type: "token.revoke", id });
  });

  r.get("/access/audit", manager, async (req, res) => {
    const limit = Number(req.query.limit ?? 200);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      return sendError(res, { code: "invalid_payload", message: "limit must be a whole number from 1 to 1000", field: "limit" });
    }
    res.json(await board.records.accessAudit(limit));
  });

  return r;
}

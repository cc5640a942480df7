import { Router } from "express";
import type { Board } from "../board/board.js";
import { idParam, runCommand, splitVersion, versionOnly } from "./send.js";
import { sendError } from "./send-error.js";

/** advisors and bays share one shape of routes; DELETE switches a row off, so old cards keep their names. */
function masterDataRoutes(board: Board, entity: "advisor" | "bay"): Router {
  const r = Router();
  const list = async () => (entity === "advisor" ? await board.records.advisors() : await board.records.bays());
  const get = async (id: number) => (entity === "advisor" ? await board.records.advisor(id) : await board.records.bay(id));

  r.get("/", async (_req, res) => res.json(await list()));
  r.get("/:id", async (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const row = await get(id);
    if (!row) return sendError(res, { code: "not_found", message: `${entity} ${id} does not exist` });
    res.json(row);
  });
  r.post("/", (req, res) => runCommand(board, req, res, { type: `${entity}.create`, input: (req.body as unknown) ?? {} }, true));
  r.patch("/:id", (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const { version, rest } = splitVersion(req.body);
    runCommand(board, req, res, { type: `${entity}.update`, id, version, changes: rest });
  });
  r.delete("/:id", (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const body = versionOnly(req, res);
    if (!body) return;
    const v = body.version ?? (typeof req.query.version === "string" ? Number(req.query.version) : undefined);
    runCommand(board, req, res, { type: `${entity}.update`, id, version: v, changes: { active: false } });
  });
  return r;
}

export const advisorRoutes = (board: Board) => masterDataRoutes(board, "advisor");
export const bayRoutes = (board: Board) => masterDataRoutes(board, "bay");

export function settingsRoutes(board: Board): Router {
  const r = Router();
  r.get("/", async (_req, res) => {
    const s = await board.records.settings();
    res.json({ ...s.settings, version: s.version });
  });
  r.patch("/", (req, res) => {
    const { version, rest } = splitVersion(req.body);
    runCommand(board, req, res, { type: "settings.update", version, changes: rest });
  });
  return r;
}

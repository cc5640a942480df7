import { Router } from "express";
import type { Board } from "../board/board.js";
import { STATUS_ACTIONS, type StatusAction } from "../../shared/schemas/commands.js";
import { idParam, runCommand, splitVersion, versionOnly } from "./send.js";
import { sendError } from "./send-error.js";
import { requireRead } from "./authenticate.js";

export function appointmentRoutes(board: Board): Router {
  const r = Router();

  r.post("/", (req, res) => runCommand(board, req, res, { type: "appointment.create", input: (req.body as unknown) ?? {} }, true));

  // a file's rows as one command: all are checked, then all created or none
  r.post("/import", (req, res) => {
    // the body's own fields go into the command, so one it does not know is refused by name, not ignored
    const body: unknown = req.body;
    const fields = typeof body === "object" && body !== null && !Array.isArray(body) ? body : {};
    runCommand(board, req, res, { ...fields, type: "appointment.import" }, true);
  });

  // 散客接待 at the gate: the card is made now, already arrived (issue 13)
  r.post("/walk-in", (req, res) => runCommand(board, req, res, { type: "appointment.walk_in", input: (req.body as unknown) ?? {} }, true));

  r.get("/:id", requireRead("records"), async (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const a = await board.records.appointment(id);
    if (!a) return sendError(res, { code: "not_found", message: `appointment ${id} does not exist` });
    res.json(a);
  });

  r.get("/:id/history", requireRead("records"), async (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    res.json(await board.records.appointmentHistory(id));
  });

  r.patch("/:id", (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const { version, rest } = splitVersion(req.body);
    runCommand(board, req, res, { type: "appointment.update", id, version, changes: rest });
  });

  r.post("/:id/move", (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const { version, rest } = splitVersion(req.body);
    runCommand(board, req, res, { type: "appointment.move", id, version, ...rest });
  });

  // 在路上: a late customer will arrive in `minutes`
  r.post("/:id/on-the-way", (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const { version, rest } = splitVersion(req.body);
    runCommand(board, req, res, { ...rest, type: "appointment.on_the_way", id, version });
  });

  // 抱怨 / 返修 on arrival: acknowledged by someone the alert calls
  r.post("/:id/acknowledge-alert", (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const body = versionOnly(req, res);
    if (body) runCommand(board, req, res, { type: "appointment.acknowledge_alert", id, version: body.version });
  });

  r.post("/:id/:action", (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const action = req.params.action.replace("-", "_");
    if (!(STATUS_ACTIONS as readonly string[]).includes(action)) {
      return sendError(res, { code: "not_found", message: `no action ${req.params.action.slice(0, 40)}; one of ${STATUS_ACTIONS.join(", ")}` });
    }
    const body = versionOnly(req, res);
    if (body) runCommand(board, req, res, { type: "appointment.status", id, version: body.version, action: action as StatusAction });
  });

  return r;
}

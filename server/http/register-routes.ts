import express, { Router, type Request, type Response } from "express";
import type { Board } from "../board/board.js";
import { DomainError } from "../board/domain-error.js";
import { decodeCsv } from "../../shared/csv/read.js";
import { registerCsv, registerRowsOf } from "../../shared/csv/register-columns.js";
import { MAX_REGISTER_ROWS, RegisterRowSchema, type RegisterImportReport, type RegisterRow } from "../../shared/schemas/register.js";
import { idParam, runCommand, splitVersion } from "./send.js";
import { sendError } from "./send-error.js";
import { requireRead } from "./authenticate.js";

/** A 20,000-vehicle export is about 3 MB; more is not a register file. */
export const REGISTER_FILE_LIMIT = "4mb";

const intQuery = (v: unknown, fallback: number, max: number) => {
  const n = typeof v === "string" && /^\d{1,6}$/.test(v) ? Number(v) : fallback;
  return Math.min(n, max);
};

interface ReadFile {
  encoding: string;
  rows: RegisterRow[];
  refused: RegisterImportReport["refused"];
  unknownColumns: string[];
}

/** Decodes (UTF-8 or GB18030, said which), parses and checks every row; the first problem of each bad row is reported. */
function readFile(req: Request): ReadFile {
  const body: unknown = req.body;
  if (!(body instanceof Buffer) || body.length === 0) throw new DomainError("invalid_payload", "file is empty; send the CSV as the request body", "file");
  const { text, encoding } = decodeCsv(body);
  const csv = registerRowsOf(text);
  if (csv.missingColumns.length > 0) {
    throw new DomainError("invalid_payload", `file has no column for ${csv.missingColumns.join(", ")} (e.g. 车牌号, 客户姓名)`, "file");
  }
  if (csv.rows.length > MAX_REGISTER_ROWS) throw new DomainError("invalid_payload", `rows must hold at most ${MAX_REGISTER_ROWS} rows`, "rows");
  const rows: RegisterRow[] = [];
  const refused: RegisterImportReport["refused"] = [];
  csv.rows.forEach((raw, i) => {
    const parsed = RegisterRowSchema.safeParse(raw);
    if (parsed.success) rows.push(parsed.data);
    else {
      const issue = parsed.error.issues[0]!;
      refused.push({ row: i + 1, field: `rows.${i}.${issue.path.map(String).join(".")}`, message: issue.message });
    }
  });
  return { encoding, rows, refused, unknownColumns: csv.unknownColumns };
}

/** The customer and vehicle register: search, lookup, one vehicle, edits, CSV import (preview first) and export. */
export function registerRoutes(board: Board): Router {
  const r = Router();

  r.get("/vehicles", requireRead("records"), async (req, res) => {
    const q = typeof req.query.q === "string" ? req.query.q.slice(0, 40) : "";
    res.json(await board.callIn.search(q, intQuery(req.query.limit, 100, 500), intQuery(req.query.offset, 0, 1_000_000)));
  });

  r.get("/lookup", requireRead("records"), async (req, res) => {
    const q = typeof req.query.q === "string" ? req.query.q.slice(0, 40) : "";
    res.json(q.trim().length < 2 ? [] : await board.callIn.lookup(q));
  });

  r.get("/vehicles/:id", requireRead("records"), async (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const found = await board.callIn.vehicle(id);
    if (!found) return sendError(res, { code: "not_found", message: `vehicle ${id} does not exist` });
    res.json(found);
  });

  r.post("/vehicles", (req, res) => runCommand(board, req, res, { type: "vehicle.create", input: (req.body as unknown) ?? {} }, true));

  r.patch("/vehicles/:id", (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const { version, rest } = splitVersion(req.body);
    runCommand(board, req, res, { type: "vehicle.update", id, version, changes: rest });
  });

  r.patch("/customers/:id", (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const { version, rest } = splitVersion(req.body);
    runCommand(board, req, res, { type: "customer.update", id, version, changes: rest });
  });

  r.get("/export.csv", requireRead("records"), async (_req, res) => {
    res.type("text/csv; charset=utf-8").attachment("magboard-register.csv").send(registerCsv(await board.callIn.everything()));
  });

  // the file itself is the body (any content type), so Excel's GBK bytes arrive undecoded
  r.post("/import", requireRead("records"), express.raw({ type: () => true, limit: REGISTER_FILE_LIMIT }), async (req: Request, res: Response) => {
    let file: ReadFile;
    try {
      file = readFile(req);
    } catch (err) {
      return sendError(res, board.refusalOf(err));
    }
    if (req.query.preview !== undefined) {
      const plan = await board.callIn.previewImport(file.rows);
      return res.json({ encoding: file.encoding, rows: file.rows.length + file.refused.length, refused: file.refused, unknownColumns: file.unknownColumns, ...plan });
    }
    const first = file.refused[0];
    if (first) {
      const fields = Object.fromEntries(file.refused.map((x) => [x.field, x.message]));
      return sendError(res, { code: "invalid_payload", message: `${first.field} ${first.message}; nothing was imported`, field: first.field, fields });
    }
    runCommand(board, req, res, { type: "register.import", rows: file.rows });
  });

  return r;
}

import { Router, type Request, type Response } from "express";
import { processHealth } from "../ops/process-health.js";
import { LocalDateSchema } from "../../shared/schemas/common.js";
import { SampleLoadSchema } from "../../shared/schemas/sample.js";
import type { Board } from "../board/board.js";
import { DomainError } from "../board/domain-error.js";
import { dayCsv } from "./day-csv.js";
import { sendError } from "./send-error.js";
import { requireRead, signedIn } from "./authenticate.js";

export interface HealthSource {
  displays(): number;
  editors(): number;
  droppedSlow(): number;
  /** Which node answered (several behind one balancer). */
  node(): string;
  /** Whether the fan-out between nodes works: `local` for a lone node. */
  fanout(): "local" | "ok" | "unavailable";
  /** Whether this node runs the site's clock, call lists and text hook (one node of a site does). */
  clock(): "leads" | "follows";
}

/** `?date=` or, when absent, today in the site's time zone; null (after answering 400) when malformed. */
async function dateParam(board: Board, req: Request, res: Response): Promise<string | null> {
  const raw = req.query.date;
  if (raw === undefined) return board.today();
  const parsed = LocalDateSchema.safeParse(raw);
  if (!parsed.success) {
    sendError(res, { code: "invalid_payload", message: "date must be a real date written YYYY-MM-DD", field: "date" });
    return null;
  }
  return parsed.data;
}

export function boardRoutes(board: Board, health: HealthSource): Router {
  const r = Router();

  r.get("/health", async (_req, res) => {
    const { database, revision } = await board.health();
    const fanout = health.fanout();
    res.status(database === "ok" ? 200 : 503).json({
      // a node whose Redis is down still serves its own screens: degraded, not down
      status: database === "ok" && fanout !== "unavailable" ? "ok" : "degraded",
      node: health.node(),
      database,
      fanout,
      clock: health.clock(),
      revision,
      serverTime: board.now(),
      displays: health.displays(),
      editors: health.editors(),
      slowScreensDropped: health.droppedSlow(),
      process: processHealth(),
    });
  });

  r.get("/board", requireRead("board"), async (req, res) => {
    const date = await dateParam(board, req, res);
    if (date !== null) res.json(await board.snapshot(date));
  });

  r.get("/board/overlaps", requireRead("board"), async (req, res) => {
    const date = await dateParam(board, req, res);
    if (date !== null) res.json(await board.overlaps(date));
  });

  r.get("/audit", requireRead("records"), async (req, res) => {
    const date = await dateParam(board, req, res);
    if (date !== null) res.json(await board.records.auditOfDay(date));
  });

  r.get("/export.csv", requireRead("records"), async (req, res) => {
    const date = await dateParam(board, req, res);
    if (date === null) return;
    const { appointments, advisors, bays } = await board.records.day(date);
    const csv = dayCsv(appointments, advisors, bays);
    res.type("text/csv; charset=utf-8").attachment(`magboard-${date}.csv`).send(csv);
  });

  r.get("/search", requireRead("records"), async (req, res) => {
    const date = await dateParam(board, req, res);
    if (date === null) return;
    const q = typeof req.query.q === "string" ? req.query.q.slice(0, 40) : "";
    res.json(await board.records.search(date, q));
  });

  r.post("/sample", async (req, res) => {
    const principal = signedIn(req, res);
    if (!principal) return;
    if (principal.actor.role !== "manager") return sendError(res, { code: "forbidden", message: "only a manager may load a sample board" });
    const parsed = SampleLoadSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendError(res, DomainError.fromZod(parsed.error).toBody());
    const { fixture } = parsed.data;
    const date = await board.loadSample(fixture, principal.actor);
    res.json({ fixture, date, revision: await board.revision() });
  });

  r.delete("/sample", async (req, res) => {
    const principal = signedIn(req, res);
    if (!principal) return;
    if (principal.actor.role !== "manager") return sendError(res, { code: "forbidden", message: "only a manager may remove the sample board" });
    // the server's own command, signed with the account that asked for it
    const removed = await board.removeSample(principal.actor);
    res.json({ removed, revision: await board.revision() });
  });

  return r;
}

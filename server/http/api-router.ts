import express, { Router, type ErrorRequestHandler } from "express";
import type { Board } from "../board/board.js";
import { appointmentRoutes } from "./appointment-routes.js";
import { advisorRoutes, bayRoutes, settingsRoutes } from "./master-data-routes.js";
import { boardRoutes, type HealthSource } from "./board-routes.js";
import { receptionRoutes } from "./reception-routes.js";
import { reportRoutes } from "./report-routes.js";
import { sendError } from "./send-error.js";
import type { AccessControl } from "../access/access-control.js";
import { authenticate, sameOriginWrites } from "./authenticate.js";
import { authRoutes } from "./auth-routes.js";
import { accessRoutes, type DisplayPresence } from "./access-routes.js";
import { registerRoutes } from "./register-routes.js";
import { callListRoutes } from "./call-list-routes.js";
import { historyRoutes } from "./history-routes.js";
import { letterRoutes } from "./letter-routes.js";

/** A booking is well under 4 KB; anything near this limit is a mistake or an attack. */
export const BODY_LIMIT = "64kb";

export function apiRouter(board: Board, access: AccessControl, live: HealthSource & DisplayPresence): Router {
  const api = Router();
  // names, plates and phones must not stay in a shared reception PC's browser cache or a proxy's;
  // first, so refusals and errors carry it too
  api.use((_req, res, next) => {
    res.set("cache-control", "no-store");
    next();
  });
  api.use(sameOriginWrites);
  api.use(express.json({ limit: BODY_LIMIT, strict: false }));
  api.use(authenticate(access));
  api.use("/auth", authRoutes(board, access));
  api.use(accessRoutes(board, live));
  api.use(historyRoutes(board));
  api.use(boardRoutes(board, live));
  api.use(receptionRoutes(board));
  api.use(reportRoutes(board));
  api.use("/appointments", appointmentRoutes(board));
  api.use("/advisors", advisorRoutes(board));
  api.use("/bays", bayRoutes(board));
  api.use("/settings", settingsRoutes(board));
  api.use("/register", registerRoutes(board));
  api.use("/call-lists", callListRoutes(board));
  api.use("/letters", letterRoutes(board));
  api.use((_req, res) => sendError(res, { code: "not_found", message: "no such API route" }));
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const type = (err as { type?: string }).type;
    if (type === "entity.too.large") return sendError(res, { code: "payload_too_large", message: `the body is larger than ${BODY_LIMIT}` });
    if (type === "entity.parse.failed") return sendError(res, { code: "invalid_payload", message: "the body is not valid JSON", field: "(body)" });
    if (type === "encoding.unsupported" || type === "charset.unsupported") {
      return sendError(res, { code: "invalid_payload", message: "the body must be UTF-8 JSON", field: "(body)" });
    }
    // the board says what a failure means to the caller (a database that cannot be reached, or a fault), and logs it
    sendError(res, board.refusalOf(err));
  };
  api.use(onError);
  return api;
}

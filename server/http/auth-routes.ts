import { Router, type Request, type Response } from "express";
import { LoginRequestSchema, PasswordChangeSchema } from "../../shared/schemas/access.js";
import { CommandSchema } from "../../shared/schemas/commands.js";
import type { AccessControl } from "../access/access-control.js";
import { clearedSessionCookie, sessionCookie } from "../access/cookies.js";
import type { Board } from "../board/board.js";
import { DomainError } from "../board/domain-error.js";
import { validate } from "../board/validate.js";
import { sendError } from "./send-error.js";

/** Sign-in, sign-out, who am I, and changing one's own password. */
export function authRoutes(board: Board, access: AccessControl): Router {
  const r = Router();

  const startSession = (req: Request, res: Response, sessionId: string) => {
    // Secure whenever the browser reached us over HTTPS (directly, or through a proxy trusted via MAGBOARD_TRUST_PROXY)
    res.append("set-cookie", sessionCookie(access.cookieName, sessionId, { secure: req.secure, maxAgeSeconds: Math.floor(access.maxMs / 1000) }));
  };

  r.post("/login", async (req, res, next) => {
    try {
      const body = LoginRequestSchema.safeParse(req.body ?? {});
      if (!body.success) return sendError(res, DomainError.fromZod(body.error).toBody());
      const result = await access.login(body.data.username, body.data.password, req.ip ?? "unknown");
      if (!result.ok) {
        if (result.code === "rate_limited") {
          const seconds = Math.ceil((result.retryAfterMs ?? 0) / 1000);
          res.set("retry-after", String(seconds));
          return sendError(res, { code: "rate_limited", message: `too many failed sign-ins; try again in ${seconds} s` });
        }
        return sendError(res, { code: "unauthorized", message: "wrong username or password" });
      }
      startSession(req, res, result.sessionId);
      res.json({ account: result.account, mustChangePassword: result.account.mustChangePassword, expiresAt: result.expiresAt });
    } catch (err) {
      next(err);
    }
  });

  r.post("/logout", async (req, res) => {
    const sessionId = access.sessionIn(req.get("cookie"));
    if (sessionId) board.endConnections([await access.logout(sessionId)]);
    res.append("set-cookie", clearedSessionCookie(access.cookieName, req.secure));
    res.status(204).end();
  });

  r.get("/session", (req, res) => {
    const p = req.principal;
    if (!p) return sendError(res, { code: "unauthorized", message: "not signed in" });
    res.json({ actor: p.actor, account: p.account ?? null, mustChangePassword: p.mustChangePassword });
  });

  /** The one thing an account with a one-time password may do; then it gets a fresh session. */
  r.post("/password", async (req, res) => {
    const p = req.principal;
    if (!p?.account) return sendError(res, { code: "unauthorized", message: "sign in first: POST /api/auth/login" });
    const body = PasswordChangeSchema.safeParse(req.body ?? {});
    if (!body.success) return sendError(res, DomainError.fromZod(body.error).toBody());
    const account = p.account;
    const cmd = validate(CommandSchema, { type: "account.set_password", id: account.id, password: body.data.newPassword, currentPassword: body.data.currentPassword });
    const done = cmd.ok ? await board.execute(cmd.data, p.actor) : cmd;
    if (!done.ok) return sendError(res, done.error);
    // every session of the account ended with the change; this one continues under a new id
    startSession(req, res, (await access.newSession(account.id)).sessionId);
    res.json({ account: done.data.record, mustChangePassword: false });
  });

  return r;
}

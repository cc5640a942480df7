import type { NextFunction, Request, RequestHandler, Response } from "express";
import { mayRead, type ReadScope } from "../../shared/rules/permissions.js";
import type { AccessControl, Principal } from "../access/access-control.js";
import { sendError } from "./send-error.js";
import { sameOrigin } from "../access/same-origin.js";
import { cookieValues } from "../access/cookies.js";

declare module "express-serve-static-core" {
  interface Request {
    /** Who sent this request; absent when nobody signed in. Set by `authenticate`. */
    principal?: Principal;
  }
}

export function authenticate(access: AccessControl): RequestHandler {
  return async (req, res, next) => {
    if (cookieValues(req.get("cookie"), access.cookieName).length > 1) {
      // not even sign-in: a new cookie would not replace a planted one of another path or domain
      return sendError(res, {
        code: "unauthorized",
        message: `the request carries more than one ${access.cookieName} cookie; clear this site's cookies, then sign in again`,
        field: "cookie",
      });
    }
    const principal = await access.fromHeaders(req.get("cookie"), req.get("authorization"));
    if (principal) req.principal = principal;
    else if (req.get("authorization") !== undefined) {
      // a caller that sent credentials wants to know at once that they are no good
      return sendError(res, { code: "unauthorized", message: "the Bearer token is unknown or revoked" });
    }
    next();
  };
}

/**
 * The one gate before anything but sign-in: nobody → 401, a password still to change → 403.
 * Returns the principal, or null after answering.
 */
export function signedIn(req: Request, res: Response): Principal | null {
  const p = req.principal;
  if (!p) {
    sendError(res, { code: "unauthorized", message: "sign in first: POST /api/auth/login" });
    return null;
  }
  if (p.mustChangePassword) {
    sendError(res, { code: "forbidden", message: "change your one-time password first: POST /api/auth/password", field: "password" });
    return null;
  }
  return p;
}

/** Reads beyond the public display need a role that may see them. */
export function requireRead(scope: ReadScope): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const p = signedIn(req, res);
    if (!p) return;
    if (!mayRead(p.actor.role, scope)) return sendError(res, { code: "forbidden", message: `the ${p.actor.role} role may not read this` });
    next();
  };
}

/**
 * Browsers send Origin on cross-site writes; with SameSite=Strict cookies such a request carries
 * no session anyway, but refusing it outright also stops it reaching the pipeline at all.
 */
export const sameOriginWrites: RequestHandler = (req, res, next) => {
  // req.host is Host, or X-Forwarded-Host when a proxy is trusted
  if (req.method === "GET" || req.method === "HEAD" || sameOrigin(req.get("origin"), [req.get("host"), req.host])) return next();
  sendError(res, { code: "forbidden", message: "cross-origin requests are refused" });
};

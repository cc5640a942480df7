import express, { Router } from "express";
import { LoginRequestSchema } from "../../shared/schemas/access.js";
import { siteDay } from "../../shared/rules/site-day.js";
import { DomainError } from "../board/domain-error.js";
import { clearedSessionCookie, sessionCookie } from "../access/cookies.js";
import { sameOriginWrites } from "../http/authenticate.js";
import { sendError } from "../http/send-error.js";
import { BODY_LIMIT } from "../http/api-router.js";
import { GROUP_COOKIE, type GroupAccess } from "./group-access.js";
import type { SiteRegistry } from "./site-registry.js";

/**
 * `/group/api`: the group director's sign-in, and every store's day at a glance. What they read of
 * one store beyond that, they read at the store's own API (`/s/<slug>/api`), as its staff would.
 */
export function groupRoutes(access: GroupAccess, sites: SiteRegistry): Router {
  const r = Router();
  r.use((_req, res, next) => {
    res.set("cache-control", "no-store");
    next();
  });
  r.use(sameOriginWrites);
  r.use(express.json({ limit: BODY_LIMIT, strict: false }));

  r.post("/auth/login", async (req, res, next) => {
    try {
      const body = LoginRequestSchema.safeParse(req.body ?? {});
      if (!body.success) return sendError(res, DomainError.fromZod(body.error).toBody());
      const result = await access.login(body.data.username, body.data.password, req.ip ?? "unknown");
      if (!result.ok) {
        if (result.retryAfterMs !== undefined) {
          const seconds = Math.ceil(result.retryAfterMs / 1000);
          res.set("retry-after", String(seconds));
          return sendError(res, { code: "rate_limited", message: `too many failed sign-ins; try again in ${seconds} s` });
        }
        return sendError(res, { code: "unauthorized", message: "wrong username or password" });
      }
      res.append("set-cookie", sessionCookie(GROUP_COOKIE, result.sessionId, { secure: req.secure, maxAgeSeconds: Math.floor(access.maxMs / 1000) }));
      res.json(result.member);
    } catch (err) {
      next(err);
    }
  });

  r.post("/auth/logout", async (req, res, next) => {
    try {
      const ended = await access.logout(req.get("cookie"));
      // the director's staff screens on every store this node has open close now
      if (ended) for (const site of await sites.opened()) site.runtime.board.endConnections([ended]);
      res.append("set-cookie", clearedSessionCookie(GROUP_COOKIE, req.secure));
      res.status(204).end();
    } catch (err) {
      next(err);
    }
  });

  r.get("/me", async (req, res, next) => {
    try {
      const p = await access.fromCookie(req.get("cookie"));
      if (!p) return sendError(res, { code: "unauthorized", message: "sign in first: POST /group/api/auth/login" });
      res.json(p.member);
    } catch (err) {
      next(err);
    }
  });

  r.get("/sites", async (req, res, next) => {
    try {
      const p = await access.fromCookie(req.get("cookie"));
      if (!p) return sendError(res, { code: "unauthorized", message: "sign in first: POST /group/api/auth/login" });
      const out = [];
      for (const row of await sites.list()) {
        const site = await sites.open(row.slug);
        if (!site) continue;
        const board = site.runtime.board;
        const { settings } = await board.records.settings();
        const date = await board.today();
        out.push({ slug: row.slug, name: settings.siteName, timeZone: settings.timeZone, date, ...siteDay((await board.records.day(date)).appointments) });
      }
      res.json({ sites: out });
    } catch (err) {
      next(err);
    }
  });

  r.use((_req, res) => sendError(res, { code: "not_found", message: "no such API route" }));
  return r;
}

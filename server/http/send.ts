import type { Request, Response } from "express";
import * as z from "zod";
import type { ErrorBody } from "../../shared/errors.js";
import { CommandSchema, RequestIdSchema } from "../../shared/schemas/commands.js";
import type { Board } from "../board/board.js";
import { validate } from "../board/validate.js";
import { signedIn } from "./authenticate.js";
import { sendError } from "./send-error.js";

/**
 * REST bodies are the command's `input` or `changes` themselves, so a field is named as the
 * caller wrote it: `startTime`, not `input.startTime`.
 */
function relativeToBody(error: ErrorBody): ErrorBody {
  const strip = (f: string) => f.replace(/^(input|changes)\./, "");
  const out: ErrorBody = { ...error };
  if (error.field) {
    out.field = strip(error.field);
    out.message = error.message.replace(error.field, out.field);
  }
  if (error.fields) out.fields = Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [strip(k), v]));
  return out;
}

/** An optional `Idempotency-Key` header, in the socket's request-id format, makes a retried request apply once. */
function requestIdOf(req: Request): string | undefined {
  const key = RequestIdSchema.safeParse(req.get("idempotency-key"));
  return key.success ? key.data : undefined;
}

/**
 * Runs one command for a REST request; the response goes out before the change is broadcast.
 * `replayable: false` ignores an Idempotency-Key, for commands whose answer holds a secret shown once.
 */
export function runCommand(board: Board, req: Request, res: Response, command: unknown, created = false, replayable = true): void {
  const principal = signedIn(req, res);
  if (!principal) return;
  const parsed = validate(CommandSchema, command);
  if (!parsed.ok) return sendError(res, relativeToBody(parsed.error));
  board.submit(parsed.data, principal.actor, replayable ? requestIdOf(req) : undefined, (done) => {
    if (done.ok) res.status(created ? 201 : 200).json(done.data);
    else sendError(res, relativeToBody(done.error));
  });
}

const VersionOnlySchema = z.strictObject({ version: z.unknown().optional() }, { error: "must be a JSON object" });

/**
 * For routes whose body carries at most the version seen (status actions, deactivation,
 * revocation): anything else in it is refused, not ignored. Null after answering 400.
 */
export function versionOnly(req: Request, res: Response): { version: unknown } | null {
  const parsed = validate(VersionOnlySchema, req.body ?? {});
  if (!parsed.ok) {
    sendError(res, parsed.error);
    return null;
  }
  return { version: parsed.data.version };
}

/** Parses a numeric path id; anything else is a 404, as no such resource can exist. */
export function idParam(req: Request, res: Response): number | null {
  const raw = req.params.id;
  const id = typeof raw === "string" && /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) {
    sendError(res, { code: "not_found", message: `no such id: ${String(raw).slice(0, 40)}` });
    return null;
  }
  return id;
}

/**
 * Splits a PATCH body into the version it was based on and the changes; a body that is not an object
 * gives no changes, so the command's own validation names what is missing.
 */
export function splitVersion(body: unknown): { version: unknown; rest: Record<string, unknown> } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { version: undefined, rest: {} };
  const { version, ...rest } = body as Record<string, unknown>;
  return { version, rest };
}

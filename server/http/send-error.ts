import type { Response } from "express";
import { HTTP_STATUS, type ErrorBody } from "../../shared/errors.js";

export function sendError(res: Response, error: ErrorBody): void {
  res.status(HTTP_STATUS[error.code]).json({ error });
}

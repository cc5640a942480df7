import type { ErrorBody } from "../../shared/errors.js";
import { databaseUnreachable } from "../db/store-errors.js";
import type { Logger } from "../logger.js";
import { DomainError } from "./domain-error.js";

/**
 * What the sender of a failed command or read is told: a DomainError as it is, a database that
 * cannot be reached as `unavailable`, anything else as `internal`; the last two are logged.
 */
export function refusalOf(err: unknown, log: Logger): ErrorBody {
  if (err instanceof DomainError) return err.toBody();
  if (databaseUnreachable(err)) {
    log.error("the database cannot be reached", err);
    return { code: "unavailable", message: "the database cannot be reached just now; nothing was changed, try again in a moment" };
  }
  log.error("command failed", err);
  return { code: "internal", message: "the server could not complete this; nothing was changed" };
}

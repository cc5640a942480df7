import type * as z from "zod";
import type { ErrorBody, ErrorCode } from "../../shared/errors.js";

/** An error the user caused or may see; anything else is a bug and reaches clients only as `internal`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly current?: unknown,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message };
    if (this.field !== undefined) body.field = this.field;
    if (this.fields !== undefined) body.fields = this.fields;
    if (this.current !== undefined) body.current = this.current;
    return body;
  }

  static fromZod(error: z.ZodError): DomainError {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) {
      const path = issue.path.map(String).join(".") || "(body)";
      fields[path] ??= issue.message;
    }
    const [field, message] = Object.entries(fields)[0] ?? ["(body)", "is invalid"];
    return new DomainError("invalid_payload", `${field} ${message}`, field, undefined, fields);
  }
}

export const notFound = (what: string, id: number) => new DomainError("not_found", `${what} ${id} does not exist`);

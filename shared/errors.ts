/** The closed set of error codes any client may see, on REST and socket alike. */
export const ERROR_CODES = [
  "invalid_payload",
  "not_found",
  "version_conflict",
  "invalid_transition",
  "payload_too_large",
  "unauthorized",
  "forbidden",
  "protocol_mismatch",
  "rate_limited",
  "unavailable",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Dotted path of the first offending field, e.g. `input.startTime`. */
  field?: string;
  /** Every offending field with its message, for forms. */
  fields?: Record<string, string>;
  /** On version_conflict: the record as it is now. */
  current?: unknown;
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_payload: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  version_conflict: 409,
  invalid_transition: 409,
  payload_too_large: 413,
  protocol_mismatch: 426,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

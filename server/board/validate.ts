import type * as z from "zod";
import type { Ack } from "../../shared/protocol.js";
import { DomainError } from "./domain-error.js";

/**
 * Parses what a transport received with a shared schema: the data as the schema outputs it, or a
 * refusal naming the first bad field. For a command this is the only validation it gets (the board
 * takes only what CommandSchema produced).
 */
export function validate<S extends z.ZodType>(schema: S, raw: unknown): Ack<z.output<S>> {
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, error: DomainError.fromZod(parsed.error).toBody() };
}

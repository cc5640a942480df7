import { config } from "zod";

/**
 * Imported first by the staff pages, before any module builds a schema: zod checks whether it may
 * compile parsers with `new Function` when a schema is built, and the content security policy
 * forbids eval, so that check would only be refused and reported as a violation.
 */
config({ jitless: true });

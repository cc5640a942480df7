import * as z from "zod";
import { IdSchema } from "./common.js";
import { ContactBatchInputSchema, LetterSettingsPatchSchema } from "./letters.js";

const Version = z.number().int().min(1, { error: "must be the version you saw (1 or more)" });

/** Letters and texts (issue 14, point 4); shared/schemas/commands.ts joins them to the board's union. */
export const LETTER_COMMANDS = [
  /** The manager's templates, hotline, signature and the SMS gateway's hook. */
  z.strictObject({ type: z.literal("letters.settings"), version: Version, changes: LetterSettingsPatchSchema }),
  /** Letters or texts to these list entries' customers: recorded on each entry, whose follow-up call comes about two weeks later. */
  z.strictObject({ type: z.literal("letters.send"), ...ContactBatchInputSchema.shape }),
  /** A text the gateway refused after every retry, queued for the hook again. */
  z.strictObject({ type: z.literal("letters.retry_text"), id: IdSchema }),
] as const;

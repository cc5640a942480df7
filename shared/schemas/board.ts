import * as z from "zod";
import { AppointmentSchema } from "./appointment.js";
import { AdvisorSchema } from "./advisor.js";
import { BaySchema } from "./bay.js";
import { SettingsSchema } from "./settings.js";
import { LocalDateSchema } from "./common.js";

export const SiteSettingsSchema = z.object({ settings: SettingsSchema, version: z.number().int() });

/** One piece of a change. Appointments are upserted; a card whose date is not the followed one leaves that board. */
export const ChangeOpSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("appointment"), appointment: AppointmentSchema }),
  z.object({ kind: z.literal("advisor"), advisor: AdvisorSchema }),
  z.object({ kind: z.literal("bay"), bay: BaySchema }),
  z.object({ kind: z.literal("settings"), settings: SettingsSchema, version: z.number().int() }),
  /** A bulk change (sample data removed, an import): take a fresh snapshot rather than patch. */
  z.object({ kind: z.literal("resync") }),
]);
export type ChangeOp = z.infer<typeof ChangeOpSchema>;

/**
 * What a follower of one date receives for every committed change, in commit order. Revisions are
 * global and consecutive: a change to another date arrives with no ops, so a gap always means loss.
 */
export const BoardPatchSchema = z.object({
  revision: z.number().int(),
  /** Server clock (ms since epoch) when sent, for the screens' clock offset. */
  serverTime: z.number(),
  ops: z.array(ChangeOpSchema),
});
export type BoardPatch = z.infer<typeof BoardPatchSchema>;

export const BoardSnapshotSchema = z.object({
  revision: z.number().int(),
  date: LocalDateSchema,
  serverTime: z.number(),
  settings: SettingsSchema,
  settingsVersion: z.number().int(),
  advisors: z.array(AdvisorSchema),
  bays: z.array(BaySchema),
  appointments: z.array(AppointmentSchema),
});
export type BoardSnapshot = z.infer<typeof BoardSnapshotSchema>;

import * as z from "zod";

/**
 * Days a site can be filled with to try magboard (`npm run sample`, POST /api/sample): the
 * hand-made sample, and busy days at the densities a real reception has.
 */
export const FIXTURE_NAMES = ["sample", "busy", "busy-30", "full", "big"] as const;
export const FixtureNameSchema = z.enum(FIXTURE_NAMES);
export type FixtureName = z.infer<typeof FixtureNameSchema>;

/** POST /api/sample: load a fixture in place of whatever sample is on the board. */
export const SampleLoadSchema = z.strictObject({ fixture: FixtureNameSchema.default("sample") });

import type { Appointment } from "../../../shared/schemas/appointment.js";
import type { Command } from "../../../shared/schemas/commands.js";
import type { CommandContext, HandlerOutput } from "../command-context.js";
import { checkReferences, createAppointment } from "./appointment-commands.js";

type ImportCommand = Extract<Command, { type: "appointment.import" }>;

/**
 * Creates every row as a booking. All rows are checked before the first is written, and the
 * pipeline's transaction makes the whole import one change: a file half imported never exists.
 */
export async function importAppointments(ctx: CommandContext, cmd: ImportCommand): Promise<HandlerOutput> {
  for (const [i, row] of cmd.rows.entries()) await checkReferences(ctx, row, `rows.${i}.`);
  const imported: Appointment[] = [];
  const out: HandlerOutput = { record: { imported }, ops: [], dates: [], audit: [] };
  for (const row of cmd.rows) {
    const one = await createAppointment(ctx, { type: "appointment.create", input: row });
    imported.push(one.record as Appointment);
    out.ops.push(...one.ops);
    out.audit.push(...one.audit.map((a) => ({ ...a, action: "appointment.import" })));
  }
  out.dates = [...new Set(imported.map((a) => a.date))];
  return out;
}

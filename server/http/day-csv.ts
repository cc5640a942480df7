import { csvCell as cell } from "../../shared/csv-formula.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import type { Advisor } from "../../shared/schemas/advisor.js";
import type { Bay } from "../../shared/schemas/bay.js";

const COLUMNS: [string, (a: Appointment, ctx: Names) => string | number | null][] = [
  ["id", (a) => a.id],
  ["date", (a) => a.date],
  ["startTime", (a) => a.startTime],
  ["durationMinutes", (a) => a.durationMinutes],
  ["advisor", (a, n) => n.advisors.get(a.advisorId) ?? a.advisorId],
  ["bay", (a, n) => (a.bayId === null ? "" : (n.bays.get(a.bayId) ?? a.bayId))],
  ["customerName", (a) => a.customerName],
  ["customerTitle", (a) => a.customerTitle],
  ["phone", (a) => a.phone],
  ["plate", (a) => a.plate],
  ["vehicleModel", (a) => a.vehicleModel],
  ["mileageKm", (a) => a.mileageKm],
  ["workRequested", (a) => a.workRequested],
  ["source", (a) => a.source],
  ["initiatedBy", (a) => a.initiatedBy],
  ["estimatedMinutes", (a) => a.estimatedMinutes],
  ["estimatedAmount", (a) => a.estimatedAmount],
  ["status", (a) => a.status],
  ["arrivedAt", (a) => a.arrivedAt],
  ["arrivedLateMinutes", (a) => a.arrivedLateMinutes],
  ["confirmedAt", (a) => a.confirmedAt],
  ["partsNeeded", (a) => Number(a.preparation.partsNeeded)],
  ["partsReady", (a) => Number(a.preparation.partsReady)],
  ["repeatRepair", (a) => Number(a.preparation.repeatRepair)],
  ["complaint", (a) => Number(a.preparation.complaint)],
  ["needsRoadTest", (a) => Number(a.preparation.needsRoadTest)],
  ["notes", (a) => a.notes],
];

interface Names {
  advisors: Map<number, string>;
  bays: Map<number, string>;
}

/** A day as a CSV file a spreadsheet opens with Chinese intact (UTF-8 with BOM). */
export function dayCsv(appointments: Appointment[], advisors: Advisor[], bays: Bay[]): string {
  const names: Names = {
    advisors: new Map(advisors.map((a) => [a.id, a.name])),
    bays: new Map(bays.map((b) => [b.id, b.name])),
  };
  const lines = [COLUMNS.map(([h]) => h).join(",")];
  for (const a of appointments) lines.push(COLUMNS.map(([, get]) => cell(get(a, names))).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

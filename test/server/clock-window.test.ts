import { describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/open-database.js";
import { AppointmentRepo } from "../../server/db/appointment-repo.js";
import { sqliteSql } from "../../server/db/sql.js";
import { clockWatches } from "../../shared/rules/lateness.js";
import { APPOINTMENT_STATUSES, type Appointment, type AppointmentStatus } from "../../shared/schemas/appointment.js";

const card: Appointment = {
  id: 0, date: "2026-12-03", startTime: "09:30", durationMinutes: 60, advisorId: 1, bayId: null, customerName: "张伟", customerTitle: "mr",
  phone: "13810245567", plate: "京A·12345", vehicleModel: "帕萨特", mileageKm: null, workRequested: "保养", source: "regular_maintenance",
  initiatedBy: "dealer", estimatedMinutes: null, estimatedAmount: null, notes: "", preparation: { partsNeeded: false, partsReady: false, repeatRepair: false, complaint: false, needsRoadTest: false },
  status: "booked", lateAt: null, arrivedAt: null, arrivedLateMinutes: null, jobCategory: null, walkIn: false, queueNumber: null, greetedAt: null, greetingOverdueAt: null,
  expectedAt: null, noShowDelayMinutes: 0, alertAcknowledgedAt: null, alertAcknowledgedBy: "", confirmedAt: null, startedAt: null, completedAt: null,
  cancelledAt: null, version: 1, createdAt: "2026-12-01T01:00:00.000Z", createdBy: "前台", updatedAt: "2026-12-01T01:00:00.000Z", updatedBy: "前台",
};

/**
 * The server's clock reads the cards it watches in SQL when it sweeps, and after a change judges the
 * changed card from the change itself by `clockWatches` (issue 16: no read back on every move). If the
 * two disagreed, a card would be marked late by one path and forgotten by the other; here every kind
 * of card the clock could meet, on every side of the window, gets the same answer from both.
 */
describe("the cards the server's clock watches", () => {
  it("are the same whether read in SQL or judged from a change", async () => {
    const db = openDatabase(":memory:");
    db.exec(`INSERT INTO advisors (id, name, color, display_order, active, days_on_duty, job_categories, version, created_at, updated_at, is_sample)
             VALUES (1, '王磊', '#2563eb', 1, 1, '[]', '[]', 1, '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z', 0)`);
    const repo = new AppointmentRepo(sqliteSql(db));
    const window = { until: "2026-12-04", arrivedFrom: "2026-12-02" };
    const statuses: readonly AppointmentStatus[] = APPOINTMENT_STATUSES;
    const cards: Appointment[] = [];
    for (const date of ["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05"]) {
      for (const status of statuses) {
        for (const walkIn of [false, true]) {
          for (const greeting of ["none", "greeted", "overdue"] as const) {
            const arrived = status !== "booked" && status !== "confirmed" && status !== "cancelled" && status !== "no_show";
            cards.push(
              await repo.insert({
                ...card,
                date,
                status,
                walkIn,
                queueNumber: walkIn ? cards.length + 1 : null,
                lateAt: walkIn ? null : status === "confirmed" ? `${date}T01:45:00.000Z` : null,
                arrivedAt: arrived ? `${date}T01:20:00.000Z` : null,
                greetedAt: arrived && greeting === "greeted" ? `${date}T01:22:00.000Z` : null,
                greetingOverdueAt: arrived && greeting === "overdue" ? `${date}T01:23:00.000Z` : null,
              }),
            );
          }
        }
      }
    }
    const read = (await repo.clockTimings(window.until, window.arrivedFrom)).map((c) => c.id).sort((a, b) => a - b);
    const judged = cards.filter((c) => clockWatches(c, window)).map((c) => c.id);
    expect(judged.length).toBeGreaterThan(10);
    expect(judged.length).toBeLessThan(cards.length / 2);
    expect(read).toEqual(judged);
    db.close();
  });
});

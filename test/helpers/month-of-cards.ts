import type Database from "better-sqlite3";
import { AppointmentRepo } from "../../server/db/appointment-repo.js";
import { sqliteSql } from "../../server/db/sql.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import { addDays, weekdayOf, zonedInstant } from "../../shared/rules/zoned-time.js";

const INSTANTS = ["lateAt", "arrivedAt", "greetedAt", "greetingOverdueAt", "expectedAt", "alertAcknowledgedAt", "confirmedAt", "startedAt", "completedAt", "cancelledAt", "createdAt", "updatedAt"] as const;

/**
 * A month behind a fixture's day, for the reports: the cards of `day` (a loaded busy day) copied
 * onto every earlier day of its month but Sundays, each day a little different (some cards left
 * out, some customers not coming), every copy finished as a past day is. Written straight into
 * the database as sample rows, as `npm run sample` writes its days.
 */
export async function fillMonthBefore(db: Database.Database, day: string, timeZone: string): Promise<number> {
  const repo = new AppointmentRepo(sqliteSql(db));
  const source = await repo.forDate(day);
  let made = 0;
  for (let d = `${day.slice(0, 7)}-01`; d < day; d = addDays(d, 1)) {
    if (weekdayOf(d) === 0) continue;
    const n = Number(d.slice(8));
    const shift = zonedInstant(d, "00:00", timeZone).getTime() - zonedInstant(day, "00:00", timeZone).getTime();
    for (const [i, card] of source.entries()) {
      if ((i + n) % 6 === 0) continue;
      const copy: Appointment = { ...card, date: d };
      for (const k of INSTANTS) {
        const v = card[k];
        if (v !== null) (copy as Record<string, unknown>)[k] = new Date(Date.parse(v) + shift).toISOString();
      }
      const start = zonedInstant(d, card.startTime, timeZone).getTime();
      if ((card.status === "booked" || card.status === "confirmed") && (i * 3 + n) % 9 === 0) {
        Object.assign(copy, { status: "no_show", lateAt: new Date(start + 15 * 60_000).toISOString() });
      } else if (card.status === "booked" || card.status === "confirmed" || card.status === "arrived" || card.status === "in_service") {
        const arrived = copy.arrivedAt ?? new Date(start - (n % 4) * 60_000 + ((i + n) % 7 === 0 ? 25 * 60_000 : 0)).toISOString();
        const late = Date.parse(arrived) > start + 15 * 60_000 ? Math.floor((Date.parse(arrived) - start) / 60_000) : null;
        Object.assign(copy, {
          status: "completed",
          arrivedAt: arrived,
          arrivedLateMinutes: copy.arrivedAt === null ? late : copy.arrivedLateMinutes,
          greetedAt: copy.greetedAt ?? new Date(Date.parse(arrived) + 2 * 60_000).toISOString(),
          completedAt: new Date(start + card.durationMinutes * 60_000).toISOString(),
        });
      }
      await repo.insert(copy, true);
      made++;
    }
  }
  return made;
}

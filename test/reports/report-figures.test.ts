import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../helpers/manual-clock.js";
import { booking, seedBasics, startTestServer, type TestServer } from "../helpers/test-server.js";
import { reportFigures } from "../../shared/rules/report-figures.js";
import { periodRange } from "../../shared/rules/report-period.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import type { Advisor } from "../../shared/schemas/advisor.js";

/** hh:mm in Shanghai on a day of November 2026 as an instant. */
const at = (day: number, hhmm: string) => Date.parse(`2026-11-${String(day).padStart(2, "0")}T${hhmm}:00+08:00`);

describe("the manager's report, against a day built by hand", () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function step(clock: ManualClock, when: number, id: number, action: string) {
    clock.set(when);
    const v = (await server!.api(`/api/appointments/${id}`)).body.version;
    const res = await server!.api(`/api/appointments/${id}/${action}`, { method: "POST", json: { version: v } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  it("counts show, no-show and late on one base, bookings by source and initiator, the day-before confirmations and the load by hour", async () => {
    const clock = new ManualClock(at(26, "21:00"));
    server = await startTestServer({ clock });
    const { advisors, bay } = await seedBasics(server);
    const [A, B] = advisors as [number, number];
    const book = async (advisor: number, startTime: string, plate: string, source: string, initiatedBy: string, bayId: number | null = null) => {
      const res = await server!.api("/api/appointments", { method: "POST", json: booking(advisor, { startTime, plate, source, initiatedBy, bayId }) });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.record.id as number;
    };
    const a1 = await book(A, "09:00", "京A11111", "regular_maintenance", "dealer", bay);
    const a2 = await book(A, "10:00", "京A22222", "recall", "dealer");
    await book(A, "11:00", "京A33333", "customer_inquiry", "customer"); // never comes: no-show at 12:00
    const b1 = await book(B, "09:00", "京B11111", "customer_inquiry", "customer");
    const b2 = await book(B, "10:00", "京B22222", "parts_arrived", "dealer");
    await book(B, "13:00", "京B33333", "service_campaign", "customer"); // still to come at 12:30

    await step(clock, at(26, "21:30"), a1, "confirm"); // the day before
    await step(clock, at(26, "23:50"), a2, "confirm");
    await step(clock, at(27, "08:00"), b1, "confirm"); // on the day: not a day-before confirmation
    await step(clock, at(27, "08:58"), a1, "arrive");
    await step(clock, at(27, "09:20"), b1, "arrive"); // 20 minutes late, past the 15-minute grace
    await step(clock, at(27, "09:40"), b2, "cancel");
    await step(clock, at(27, "10:05"), a2, "arrive"); // within the grace
    clock.set(at(27, "11:30"));
    const walkIn = await server.api("/api/appointments/walk-in", { method: "POST", json: { plate: "京C12345", jobCategory: "wash", workRequested: "洗车", advisorId: A, bayId: null, durationMinutes: 30 } });
    expect(walkIn.status, JSON.stringify(walkIn.body)).toBe(201);
    clock.set(at(27, "12:30"));

    const res = await server.api("/api/reports/figures?period=day&date=2026-11-27");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const f = res.body;
    expect(f).toMatchObject({ from: "2026-11-27", to: "2026-11-27", days: 1, daysWithCards: 1 });
    expect(f.outcomes.total).toEqual({
      key: "total", label: "", bookings: 5, cancelled: 1, arrived: 3, late: 1, noShows: 1, open: 1, showRate: 3 / 4, noShowRate: 1 / 4, lateRate: 1 / 4,
    });
    expect(f.outcomes.advisors).toEqual([
      { key: String(A), label: "服务顾问 A", bookings: 3, cancelled: 0, arrived: 2, late: 0, noShows: 1, open: 0, showRate: 2 / 3, noShowRate: 1 / 3, lateRate: 0 },
      { key: String(B), label: "服务顾问 B", bookings: 2, cancelled: 1, arrived: 1, late: 1, noShows: 0, open: 1, showRate: 1, noShowRate: 0, lateRate: 1 },
    ]);
    expect(f.outcomes.days).toEqual([{ ...f.outcomes.total, key: "2026-11-27", label: "2026-11-27" }]);
    expect(f.sources).toEqual([
      { key: "regular_maintenance", bookings: 1, share: 0.2 },
      { key: "service_campaign", bookings: 1, share: 0.2 },
      { key: "parts_arrived", bookings: 0, share: 0 },
      { key: "unresolved_fault", bookings: 0, share: 0 },
      { key: "customer_inquiry", bookings: 2, share: 0.4 },
      { key: "recall", bookings: 1, share: 0.2 },
    ]);
    expect(f.initiators).toEqual([
      { key: "dealer", bookings: 2, share: 0.4 },
      { key: "customer", bookings: 3, share: 0.6 },
    ]);
    expect(f.confirmation.total).toEqual({ key: "total", bookings: 5, confirmedDayBefore: 2, rate: 0.4 });
    expect(f.load.hours).toEqual(["08:00", "09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00", "17:00", "18:00", "19:00"]);
    // A: 09:00 and 10:00 came, the walk-in at 11:30; the no-show freed 11:00. B: 09:00 came late, 13:00 expected; 10:00 cancelled
    expect(f.load.advisors).toEqual([
      { id: A, name: "服务顾问 A", cells: [0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0], total: 3 },
      { id: B, name: "服务顾问 B", cells: [0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0], total: 2 },
    ]);
    expect(f.load.bays).toEqual([{ id: bay, name: "1号工位", cells: [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], total: 1 }]);

    // the same day asked as a range, and the week around it, count the same cards
    expect((await server.api("/api/reports/figures?from=2026-11-27&to=2026-11-27")).body).toEqual(f);
    const week = (await server.api("/api/reports/figures?period=week&date=2026-11-27")).body;
    expect(week).toMatchObject({ from: "2026-11-23", to: "2026-11-29", days: 7, daysWithCards: 1 });
    expect(week.outcomes.total).toEqual(f.outcomes.total);
    expect(week.outcomes.days.map((d: { key: string; bookings: number }) => [d.key, d.bookings])).toEqual([
      ["2026-11-23", 0], ["2026-11-24", 0], ["2026-11-25", 0], ["2026-11-26", 0], ["2026-11-27", 5], ["2026-11-28", 0], ["2026-11-29", 0],
    ]);
  });

  it("answers an empty range with zeros and no rates, and refuses a bad range naming the field; only the manager may read it", async () => {
    server = await startTestServer({ clock: new ManualClock(at(27, "12:00")) });
    await seedBasics(server);
    const empty = await server.api("/api/reports/figures?period=month&date=2026-02-14");
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ from: "2026-02-01", to: "2026-02-28", days: 28, daysWithCards: 0 });
    expect(empty.body.outcomes.total).toEqual({ key: "total", label: "", bookings: 0, cancelled: 0, arrived: 0, late: 0, noShows: 0, open: 0, showRate: null, noShowRate: null, lateRate: null });
    expect(empty.body.outcomes.advisors).toEqual([]);
    expect(empty.body.outcomes.days).toHaveLength(28);
    expect(empty.body.confirmation.total.rate).toBeNull();
    expect(empty.body.sources.every((s: { bookings: number; share: number | null }) => s.bookings === 0 && s.share === null)).toBe(true);
    expect(empty.body.load).toEqual({ hours: ["08:00", "09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00", "17:00", "18:00", "19:00"], advisors: [], bays: [] });

    // today in the site's zone when no date is given
    expect((await server.api("/api/reports/figures")).body).toMatchObject({ from: "2026-11-27", to: "2026-11-27" });

    for (const [query, field] of [
      ["period=year", "period"],
      ["date=2026-02-30", "date"],
      ["from=2026-11-27&to=2026-11-01", "to"],
      ["from=2026-11-01", "to"],
      ["from=2025-01-01&to=2026-11-01", "to"],
      ["from=2026-11-01&to=2026-11-02&period=week", "period"],
    ] as const) {
      const bad = await server.api(`/api/reports/figures?${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.body.error.field, query).toBe(field);
    }
    const desk = await server.sessionAs("desk");
    expect((await server.api("/api/reports/figures", { as: desk })).status).toBe(403);
    expect((await server.api("/api/reports/figures", { as: "anonymous" })).status).toBe(401);
  });
});

const ADVISORS: Advisor[] = [
  { id: 1, name: "甲", color: "#000", displayOrder: 2, active: true, daysOnDuty: [1, 2, 3, 4, 5], jobCategories: [], version: 1 },
  { id: 2, name: "乙", color: "#000", displayOrder: 1, active: true, daysOnDuty: [1, 2, 3, 4, 5], jobCategories: [], version: 1 },
  { id: 3, name: "丙", color: "#000", displayOrder: 3, active: true, daysOnDuty: [1, 2, 3, 4, 5], jobCategories: [], version: 1 },
];

let nextId = 1;
/** A card as the pipeline leaves it; `came` at minutes after the start (null: never), `late` when past the grace. */
function card(date: string, advisorId: number, over: Partial<Appointment> = {}): Appointment {
  return {
    id: nextId++, date, startTime: "09:00", durationMinutes: 60, advisorId, bayId: null, customerName: "王", customerTitle: "mr", phone: "", plate: "京A12345",
    vehicleModel: "", mileageKm: null, workRequested: "保养", jobCategory: null, source: "regular_maintenance", initiatedBy: "dealer", estimatedMinutes: null,
    estimatedAmount: null, notes: "", preparation: { partsNeeded: false, partsReady: false, repeatRepair: false, complaint: false, needsRoadTest: false },
    status: "completed", lateAt: null, arrivedAt: `${date}T00:55:00.000Z`, arrivedLateMinutes: null, walkIn: false, greetedAt: null, greetingOverdueAt: null,
    expectedAt: null, noShowDelayMinutes: 0, alertAcknowledgedAt: null, alertAcknowledgedBy: "", confirmedAt: null, startedAt: null, completedAt: null,
    cancelledAt: null, queueNumber: null, version: 1, createdAt: "2026-10-01T00:00:00.000Z", createdBy: "t", updatedAt: "2026-10-01T00:00:00.000Z", updatedBy: "t", ...over,
  };
}
const noShow = { status: "no_show", arrivedAt: null, lateAt: "2026-11-01T01:15:00.000Z" } as const;

describe("the report over a month, from cards built by hand", () => {
  const settings = { timeZone: "Asia/Shanghai", openTime: "08:00", closeTime: "18:00" };

  it("covers every day of the month, counts only the month's cards and orders advisors as the board does", () => {
    const cards = [
      // 3 November: 甲 two came (one late), one no-show; 乙 one came
      card("2026-11-03", 1, { confirmedAt: "2026-11-02T08:00:00.000Z" }),
      card("2026-11-03", 1, { arrivedLateMinutes: 25, startTime: "10:00", source: "recall" }),
      card("2026-11-03", 1, { ...noShow, startTime: "11:00", initiatedBy: "customer" }),
      card("2026-11-03", 2, { confirmedAt: "2026-11-03T01:00:00.000Z" }), // confirmed on the day (09:00 in Shanghai)
      // 17 November: 乙 one came, one cancelled, one walk-in; 甲 one still expected
      card("2026-11-17", 2, { startTime: "14:30", durationMinutes: 90, bayId: 7 }),
      card("2026-11-17", 2, { status: "cancelled", arrivedAt: null, cancelledAt: "2026-11-16T02:00:00.000Z" }),
      card("2026-11-17", 2, { walkIn: true, source: "customer_inquiry", initiatedBy: "customer", startTime: "07:30", durationMinutes: 30 }),
      card("2026-11-17", 1, { status: "booked", arrivedAt: null, confirmedAt: "2026-11-16T10:00:00.000Z" }),
      // 30 November, late evening in Shanghai still: confirmed 2026-11-29 23:59 local
      card("2026-11-30", 3, { confirmedAt: "2026-11-29T15:59:00.000Z" }),
      // outside the month
      card("2026-10-31", 1),
      card("2026-12-01", 2, noShow),
    ];
    const f = reportFigures({ range: periodRange("month", "2026-11-17"), cards, advisors: ADVISORS, bays: [{ id: 7, name: "7号", kind: "general_repair", active: true, version: 1 }], settings });
    expect(f).toMatchObject({ from: "2026-11-01", to: "2026-11-30", days: 30, daysWithCards: 3 });
    expect(f.outcomes.days).toHaveLength(30);
    expect(f.outcomes.total).toMatchObject({ bookings: 7, cancelled: 1, arrived: 5, late: 1, noShows: 1, open: 1, showRate: 5 / 6, noShowRate: 1 / 6, lateRate: 1 / 6 });
    expect(f.outcomes.advisors.map((r) => [r.label, r.bookings, r.arrived, r.noShows, r.open])).toEqual([
      ["乙", 2, 2, 0, 0],
      ["甲", 4, 2, 1, 1],
      ["丙", 1, 1, 0, 0],
    ]);
    expect(f.outcomes.days.find((d) => d.key === "2026-11-03")).toMatchObject({ bookings: 4, arrived: 3, late: 1, noShows: 1, showRate: 3 / 4 });
    expect(f.outcomes.days.find((d) => d.key === "2026-11-10")).toMatchObject({ bookings: 0, showRate: null });
    expect(f.sources.find((s) => s.key === "recall")).toEqual({ key: "recall", bookings: 1, share: 1 / 7 });
    expect(f.initiators).toEqual([
      { key: "dealer", bookings: 6, share: 6 / 7 },
      { key: "customer", bookings: 1, share: 1 / 7 },
    ]);
    // 3 Nov: one of four confirmed the day before; 17 Nov: the expected one; 30 Nov: one minute before midnight counts
    expect(f.confirmation.total).toEqual({ key: "total", bookings: 7, confirmedDayBefore: 3, rate: 3 / 7 });
    expect(f.confirmation.days.find((d) => d.key === "2026-11-03")).toEqual({ key: "2026-11-03", bookings: 4, confirmedDayBefore: 1, rate: 0.25 });
    // the walk-in at 07:30 widens the hours to 07:00; the 14:30 card of 90 minutes stands in 14:00 and 15:00
    expect(f.load.hours[0]).toBe("07:00");
    expect(f.load.hours.at(-1)).toBe("17:00");
    const yi = f.load.advisors.find((r) => r.name === "乙")!;
    expect(yi.cells).toEqual([1, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0]);
    expect(f.load.bays).toEqual([{ id: 7, name: "7号", cells: [0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0], total: 1 }]);
    // the no-show freed its slot: 甲's 11:00 is empty
    expect(f.load.advisors.find((r) => r.name === "甲")!.cells[4]).toBe(0);
  });

  it("knows the weeks and months of the calendar", () => {
    expect(periodRange("week", "2026-11-27")).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    expect(periodRange("week", "2026-11-23")).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    expect(periodRange("week", "2026-11-29")).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    expect(periodRange("week", "2026-12-31")).toEqual({ from: "2026-12-28", to: "2027-01-03" });
    expect(periodRange("month", "2026-12-31")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(periodRange("month", "2028-02-10")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(periodRange("day", "2026-11-27")).toEqual({ from: "2026-11-27", to: "2026-11-27" });
  });
});

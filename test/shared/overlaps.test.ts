import { describe, expect, it } from "vitest";
import { boardOverlaps, overlapsOf, type Placement } from "../../shared/rules/overlaps.js";
import type { Advisor } from "../../shared/schemas/advisor.js";

const rules = { openTime: "08:00", closeTime: "20:00", slotMinutes: 60 as const, advisorCapacityPerSlot: 2 };

const advisor = (id: number, over: Partial<Advisor> = {}): Advisor => ({
  id,
  name: `A${id}`,
  color: "#4f8cff",
  displayOrder: id,
  active: true,
  daysOnDuty: [0, 1, 2, 3, 4, 5, 6],
  version: 1,
  ...over,
});

// 2026-11-27 is a Friday (weekday 5)
const card = (id: number, over: Partial<Placement> = {}): Placement => ({
  id,
  date: "2026-11-27",
  startTime: "10:00",
  durationMinutes: 60,
  advisorId: 1,
  bayId: null,
  status: "booked",
  ...over,
});

const kinds = (p: Placement, others: Placement[], advisors = [advisor(1), advisor(2)]) => overlapsOf(p, others, advisors, rules).map((o) => o.kind);

describe("overlaps", () => {
  it("finds a bay booked twice at overlapping times and names the other card", () => {
    const a = card(1, { bayId: 7, startTime: "10:00", durationMinutes: 90 });
    const b = card(2, { bayId: 7, startTime: "11:00", advisorId: 2 });
    expect(overlapsOf(a, [a, b], [advisor(1), advisor(2)], rules)).toEqual([{ kind: "bay_double_booked", with: [2] }]);
  });

  it("does not call back-to-back bookings of one bay an overlap", () => {
    const a = card(1, { bayId: 7, startTime: "10:00", durationMinutes: 60 });
    const b = card(2, { bayId: 7, startTime: "11:00", advisorId: 2 });
    expect(kinds(a, [a, b])).toEqual([]);
  });

  it("ignores cancelled and completed cards, which no longer hold a bay or a slot", () => {
    const a = card(1, { bayId: 7 });
    const b = card(2, { bayId: 7, status: "cancelled" });
    const c = card(3, { status: "completed" });
    const d = card(4, { status: "no_show" });
    expect(kinds(a, [a, b, c, d])).toEqual([]);
  });

  it("marks an advisor over capacity when a slot holds more cards than allowed", () => {
    const a = card(1, { startTime: "10:00" });
    const b = card(2, { startTime: "10:15" });
    expect(kinds(a, [a, b])).toEqual([]);
    const c = card(3, { startTime: "10:45" });
    expect(overlapsOf(a, [a, b, c], [advisor(1)], rules)).toEqual([{ kind: "advisor_over_capacity", with: [2, 3] }]);
    // another advisor's cards in the same hour do not count
    expect(kinds(card(4, { advisorId: 2 }), [a, b, c, card(4, { advisorId: 2 })])).toEqual([]);
  });

  it("marks a card that starts before opening or runs past closing", () => {
    expect(kinds(card(1, { startTime: "07:30" }), [])).toEqual(["outside_opening_hours"]);
    expect(kinds(card(1, { startTime: "19:30", durationMinutes: 60 }), [])).toEqual(["outside_opening_hours"]);
    expect(kinds(card(1, { startTime: "19:00", durationMinutes: 60 }), [])).toEqual([]);
  });

  it("marks a card on the advisor's day off or with an advisor no longer active", () => {
    expect(kinds(card(1), [], [advisor(1, { daysOnDuty: [1, 2, 3, 4] })])).toEqual(["advisor_off_duty"]);
    expect(kinds(card(1), [], [advisor(1, { active: false })])).toEqual(["advisor_off_duty"]);
    expect(kinds(card(1, { date: "2026-11-26" }), [], [advisor(1, { daysOnDuty: [1, 2, 3, 4] })])).toEqual([]);
  });

  it("checks a booking not yet saved (id 0) against the saved ones, for the form's warning", () => {
    const saved = card(5, { bayId: 3 });
    expect(kinds(card(0, { bayId: 3, startTime: "10:30" }), [saved])).toEqual(["bay_double_booked"]);
  });

  it("lists every card of a board that has an overlap, and only those", () => {
    const a = card(1, { bayId: 7 });
    const b = card(2, { bayId: 7, advisorId: 2 });
    const c = card(3, { startTime: "15:00" });
    const map = boardOverlaps([a, b, c], [advisor(1), advisor(2)], rules);
    expect([...map.keys()].sort()).toEqual([1, 2]);
    expect(map.get(2)).toEqual([{ kind: "bay_double_booked", with: [1] }]);
  });
});

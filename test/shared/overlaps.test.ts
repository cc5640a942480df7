import { describe, expect, it } from "vitest";
import { boardOverlaps, capacityKey, dayOverlaps, overlapsOf, type Placement } from "../../shared/rules/overlaps.js";
import type { Advisor } from "../../shared/schemas/advisor.js";
import { APPOINTMENT_STATUSES } from "../../shared/schemas/appointment.js";
import { mayMove } from "../../shared/rules/status.js";
import { changesPlacement, moveCard } from "../../shared/rules/move.js";

const rules = { openTime: "08:00", closeTime: "20:00", slotMinutes: 60 as const, advisorCapacityPerSlot: 2 };

const advisor = (id: number, over: Partial<Advisor> = {}): Advisor => ({
  id,
  name: `A${id}`,
  color: "#4f8cff",
  displayOrder: id,
  active: true,
  daysOnDuty: [0, 1, 2, 3, 4, 5, 6],
  jobCategories: [],
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

  it("lets only open cards hold a bay: a completed car has left it, a no-show never came, a cancelled card is gone", () => {
    const a = card(1, { bayId: 7 });
    const others = (["cancelled", "completed", "no_show"] as const).map((status, i) => card(i + 2, { bayId: 7, advisorId: 2, status }));
    expect(kinds(a, [a, ...others])).toEqual([]);
    expect(kinds(a, [a, card(9, { bayId: 7, advisorId: 2, status: "in_service" })])).toEqual(["bay_double_booked"]);
  });

  it("counts a completed card against the advisor's slot (it used it), but not a no-show or a cancelled one", () => {
    const one = { ...rules, advisorCapacityPerSlot: 1 };
    const a = card(1, { startTime: "10:30" });
    expect(overlapsOf(a, [a, card(2, { status: "completed" })], [advisor(1)], one)).toEqual([{ kind: "advisor_over_capacity", with: [2] }]);
    expect(overlapsOf(a, [a, card(2, { status: "no_show" }), card(3, { status: "cancelled" })], [advisor(1)], one)).toEqual([]);
  });

  it("puts no mark on a closed card, however it overlaps: nothing is left to do about it", () => {
    const done = card(1, { status: "completed", startTime: "07:00", bayId: 7 });
    expect(kinds(done, [done, card(2, { bayId: 7, startTime: "07:00" })])).toEqual([]);
    expect(kinds(card(1, { status: "no_show", startTime: "19:30" }), [])).toEqual([]);
  });

  it("does not count a card outside opening hours in the edge slot it is drawn in", () => {
    const one = { ...rules, advisorCapacityPerSlot: 1 };
    const early = card(1, { startTime: "07:30" });
    const first = card(2, { startTime: "08:00" });
    expect(overlapsOf(first, [early, first], [advisor(1)], one)).toEqual([]);
    expect(overlapsOf(early, [early, first], [advisor(1)], one)).toEqual([{ kind: "outside_opening_hours", with: [] }]);
  });

  it("reports which advisor slots are over capacity, for the cells that show it", () => {
    const one = { ...rules, advisorCapacityPerSlot: 1 };
    const day = dayOverlaps([card(1, { status: "completed" }), card(2, { status: "completed", startTime: "10:30" }), card(3, { startTime: "12:00" })], [advisor(1)], one);
    expect([...day.overCapacity]).toEqual([[capacityKey("2026-11-27", 1, 2), { date: "2026-11-27", advisorId: 1, slot: 2 }]]);
    expect(day.byCard.size).toBe(0);
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

describe("moving a card", () => {
  const settings = { timeZone: "Asia/Shanghai", lateGraceMinutes: 15, noShowAfterMinutes: 60 };
  const at = (hhmm: string) => Date.parse(`2026-11-27T${hhmm}:00+08:00`);
  const full = (over: Partial<Placement & { lateAt: string | null }>) => ({ ...card(1), lateAt: null, ...over });

  it("moves every card but a completed or cancelled one, which stays where it happened", () => {
    const allowed = APPOINTMENT_STATUSES.filter((status) => mayMove(status));
    expect(allowed).toEqual(["booked", "confirmed", "arrived", "in_service", "no_show"]);
    for (const status of APPOINTMENT_STATUSES) {
      expect(moveCard(full({ status }), { startTime: "15:00" }, settings, at("11:00")) !== null, status).toBe(mayMove(status));
    }
  });

  it("books a no-show again when it is moved: the customer called to rebook", () => {
    const noShow = full({ status: "no_show", lateAt: "2026-11-27T02:15:00.000Z" });
    expect(moveCard(noShow, { startTime: "15:00" }, settings, at("11:10"))).toMatchObject({ status: "booked", startTime: "15:00", lateAt: null });
  });

  it("keeps a late mark only when the new time's grace has passed as well", () => {
    const late = full({ lateAt: "2026-11-27T02:15:00.000Z" });
    expect(moveCard(late, { startTime: "10:30" }, settings, at("11:00"))!.lateAt).toBe(late.lateAt);
    expect(moveCard(late, { startTime: "11:30" }, settings, at("11:00"))!.lateAt).toBeNull();
    expect(moveCard(late, { advisorId: 2 }, settings, at("11:00"))!.lateAt).toBe(late.lateAt);
  });

  it("knows a drop onto the card's own place from a move", () => {
    const a = card(1, { bayId: 3 });
    expect(changesPlacement(a, { startTime: "10:00", advisorId: 1 })).toBe(false);
    expect(changesPlacement(a, { bayId: null })).toBe(true);
    expect(changesPlacement(a, { date: "2026-11-28" })).toBe(true);
  });
});

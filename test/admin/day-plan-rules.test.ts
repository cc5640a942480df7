import { describe, expect, it } from "vitest";
import { callsToMake, partsToPrepare, readiness, toReport } from "../../admin/day-before.js";
import { isNoMove, moveFor } from "../../admin/board-lanes.js";
import { NO_BAY_LANE } from "../../display/board-layout.js";
import type { Advisor } from "../../shared/schemas/advisor.js";
import type { Appointment } from "../../shared/schemas/appointment.js";

const advisor = (id: number, name: string): Advisor => ({ id, name, color: "#4f8cff", displayOrder: id, active: true, daysOnDuty: [0, 1, 2, 3, 4, 5, 6], jobCategories: [], version: 1 });
const prep = { partsNeeded: false, partsReady: false, repeatRepair: false, complaint: false, needsRoadTest: false };
let nextId = 1;
const card = (over: Partial<Appointment> = {}): Appointment => ({
  id: nextId++, date: "2026-11-28", startTime: "10:00", durationMinutes: 60, advisorId: 1, bayId: null, customerName: "张伟", customerTitle: "mr",
  phone: "138", plate: "京A·12345", vehicleModel: "", mileageKm: null, workRequested: "保养", source: "regular_maintenance", initiatedBy: "dealer",
  estimatedMinutes: null, estimatedAmount: null, notes: "", preparation: prep, status: "booked", lateAt: null, arrivedAt: null, arrivedLateMinutes: null,
  jobCategory: null, walkIn: false, queueNumber: null, greetedAt: null, greetingOverdueAt: null, expectedAt: null, noShowDelayMinutes: 0, alertAcknowledgedAt: null, alertAcknowledgedBy: "",
  confirmedAt: null, startedAt: null, completedAt: null, cancelledAt: null, version: 1, createdAt: "", createdBy: "", updatedAt: "", updatedBy: "", ...over,
});

describe("day-before lists", () => {
  const cards = [
    card({ startTime: "11:00" }),
    card({ startTime: "09:00", status: "confirmed", bayId: 3, preparation: { ...prep, partsNeeded: true, partsReady: true } }),
    card({ startTime: "08:30", advisorId: 2, preparation: { ...prep, partsNeeded: true, repeatRepair: true } }),
    card({ status: "cancelled", preparation: { ...prep, partsNeeded: true, complaint: true } }),
    card({ advisorId: 2, status: "confirmed", preparation: { ...prep, complaint: true }, bayId: 4 }),
  ];

  it("lists the calls still to make in time order, leaving out confirmed and cancelled cards", () => {
    expect(callsToMake(cards).map((a) => a.startTime)).toEqual(["08:30", "11:00"]);
  });

  it("lists parts to prepare, ready or not, but not for cancelled cards", () => {
    expect(partsToPrepare(cards).map((a) => a.startTime)).toEqual(["08:30", "09:00"]);
  });

  it("lists repeat-repair and complaint customers to report", () => {
    const r = toReport(cards);
    expect(r.repeatRepair.map((a) => a.startTime)).toEqual(["08:30"]);
    expect(r.complaint.map((a) => a.advisorId)).toEqual([2]);
  });

  it("sums readiness per advisor and in total", () => {
    expect(readiness(cards, [advisor(2, "B"), advisor(1, "A")], "合计")).toEqual([
      { label: "A", total: 2, confirmed: 1, partsNeeded: 1, partsReady: 1, bayReserved: 1 },
      { label: "B", total: 2, confirmed: 1, partsNeeded: 1, partsReady: 0, bayReserved: 1 },
      { label: "合计", total: 4, confirmed: 2, partsNeeded: 2, partsReady: 1, bayReserved: 2 },
    ]);
  });
});

describe("board lanes", () => {
  const settings = { openTime: "08:00", closeTime: "20:00", slotMinutes: 60 as const, advisorCapacityPerSlot: 1 };

  it("keeps a card's minutes within its slot when it is dropped on another hour", () => {
    expect(moveFor("advisors", { startTime: "10:30" }, { laneId: 2, slot: "14:00" }, settings)).toEqual({ startTime: "14:30", advisorId: 2 });
    expect(moveFor("bays", { startTime: "10:00" }, { laneId: NO_BAY_LANE, slot: "09:00" }, settings)).toEqual({ startTime: "09:00", bayId: null });
  });

  it("sends nothing for a drop back onto the card's own cell", () => {
    const a = card({ startTime: "10:15", advisorId: 1 });
    expect(isNoMove(a, moveFor("advisors", a, { laneId: 1, slot: "10:00" }, settings))).toBe(true);
    expect(isNoMove(a, moveFor("advisors", a, { laneId: 2, slot: "10:00" }, settings))).toBe(false);
  });
});

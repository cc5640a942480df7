import { describe, expect, it } from "vitest";
import { normalizePlate, plateSearchKey } from "../../shared/rules/plate.js";
import { maskAppointment, maskName, maskPlate } from "../../shared/rules/mask.js";
import { columnOf, isOutsideOpeningHours, slotIndexOf, slotStarts } from "../../shared/rules/time-of-day.js";
import { graceMinutesLeft, nextTransition } from "../../shared/rules/lateness.js";
import { localParts, zonedInstant } from "../../shared/rules/zoned-time.js";
import { advisorsForDay } from "../../shared/rules/day-plan.js";
import type { Appointment } from "../../shared/schemas/appointment.js";

const rules = { timeZone: "Asia/Shanghai", lateGraceMinutes: 15, noShowAfterMinutes: 60, greetingLimitMinutes: 3 };

describe("plates", () => {
  it.each([
    ["京a 12345", "京A·12345"],
    ["京A12345", "京A·12345"],
    ["沪B·D1234", "沪B·D1234"],
    ["京B-D12345", "京B·D12345"],
    ["ABC123", "ABC123"],
  ])("normalises %s to %s", (raw, plate) => expect(normalizePlate(raw)).toBe(plate));

  it("reduces every typed form to the same search key", () => {
    const key = plateSearchKey("京A·12345");
    for (const typed of ["京A12345", "a12345", "12345", "A·12345"]) expect(key).toContain(plateSearchKey(typed));
  });
});

describe("privacy masking", () => {
  it("masks names and plates the way the paper board's public copy would", () => {
    expect(maskName("张伟")).toBe("张**");
    expect(maskName("欧阳娜娜")).toBe("欧**");
    expect(maskPlate("京A·12345")).toBe("京A·***45");
    expect(maskPlate("京B·D12345")).toBe("京B·***45");
  });

  it("removes phone, notes and the staff-only marks from a public card", () => {
    const card = { customerName: "张伟", plate: "京A·12345", phone: "138", notes: "投诉", mileageKm: 5, estimatedAmount: 9,
      createdBy: "x", updatedBy: "y", preparation: { partsNeeded: true, partsReady: false, repeatRepair: true, complaint: true, needsRoadTest: false } } as Appointment;
    const masked = maskAppointment(card);
    expect(JSON.stringify(masked)).not.toMatch(/张伟|12345|138|投诉/);
    expect(masked.preparation).toMatchObject({ repeatRepair: false, complaint: false, partsNeeded: true });
  });
});

describe("slots", () => {
  const hours = { openTime: "08:00", closeTime: "20:00", slotMinutes: 60 };

  it("lays out the paper board's hours", () => {
    expect(slotStarts(hours)).toHaveLength(12);
    expect(slotStarts({ ...hours, slotMinutes: 30 })[1]).toBe("08:30");
  });

  it("puts a time in its slot, and a time outside opening hours in none but at the board's edge", () => {
    expect(slotIndexOf("08:00", hours)).toBe(0);
    expect(slotIndexOf("10:40", hours)).toBe(2);
    expect(slotIndexOf("19:59", hours)).toBe(11);
    expect(slotIndexOf("07:59", hours)).toBeNull();
    expect(slotIndexOf("20:00", hours)).toBeNull();
    expect(slotIndexOf("10:40", { ...hours, slotMinutes: 30 })).toBe(5);
    expect(columnOf("07:30", hours)).toBe(0);
    expect(columnOf("20:30", hours)).toBe(11);
    expect(columnOf("10:40", hours)).toBe(2);
  });

  it("calls a card outside opening hours when it starts before opening or ends after closing", () => {
    expect(isOutsideOpeningHours({ startTime: "07:45", durationMinutes: 30 }, hours)).toBe(true);
    expect(isOutsideOpeningHours({ startTime: "08:00", durationMinutes: 30 }, hours)).toBe(false);
    expect(isOutsideOpeningHours({ startTime: "19:00", durationMinutes: 60 }, hours)).toBe(false);
    expect(isOutsideOpeningHours({ startTime: "19:30", durationMinutes: 60 }, hours)).toBe(true);
    expect(isOutsideOpeningHours({ startTime: "20:00", durationMinutes: 5 }, hours)).toBe(true);
  });
});

describe("zoned time and lateness", () => {
  it("puts a local time at the right instant in the site's zone, whatever the machine's", () => {
    expect(zonedInstant("2026-11-27", "10:00", "Asia/Shanghai").toISOString()).toBe("2026-11-27T02:00:00.000Z");
    expect(localParts(Date.parse("2026-11-27T16:30:00Z"), "Asia/Shanghai")).toMatchObject({ date: "2026-11-28", time: "00:30", weekday: 6 });
  });

  it("reads the wall clock right when the same instant is asked in another zone, or another instant in the same zone", () => {
    const at = Date.parse("2026-11-27T16:30:00Z");
    expect(localParts(at, "Asia/Shanghai").time).toBe("00:30");
    expect(localParts(at, "Asia/Shanghai").time).toBe("00:30");
    expect(localParts(at, "Europe/Berlin")).toMatchObject({ date: "2026-11-27", time: "17:30", weekday: 5 });
    expect(localParts(at + 60_000, "Europe/Berlin").time).toBe("17:31");
    expect(localParts(new Date(at), "Asia/Shanghai").date).toBe("2026-11-28");
  });

  it("counts the grace down before the card turns late", () => {
    const card = {
      date: "2026-11-27", startTime: "10:00", status: "booked", lateAt: null, walkIn: false, noShowDelayMinutes: 0,
      arrivedAt: null, greetedAt: null, greetingOverdueAt: null,
    } as const;
    expect(graceMinutesLeft(card, rules, Date.parse("2026-11-27T01:59:00Z"))).toBeNull();
    expect(graceMinutesLeft(card, rules, Date.parse("2026-11-27T02:01:00Z"))).toBe(14);
    expect(graceMinutesLeft(card, rules, Date.parse("2026-11-27T02:15:00Z"))).toBeNull();
    expect(nextTransition(card, rules)).toEqual({ kind: "late", at: Date.parse("2026-11-27T02:15:00Z") });
    expect(nextTransition({ ...card, status: "arrived" }, rules)).toBeNull();
  });

  it("shows advisors on duty that weekday, and anyone who has a card that day", () => {
    const base = { color: "#000000", active: true, jobCategories: [], version: 1 };
    const advisors = [
      { ...base, id: 1, name: "A", displayOrder: 2, daysOnDuty: [5] },
      { ...base, id: 2, name: "B", displayOrder: 1, daysOnDuty: [5] },
      { ...base, id: 3, name: "C", displayOrder: 3, daysOnDuty: [1] },
      { ...base, id: 4, name: "D", displayOrder: 4, daysOnDuty: [1] },
    ];
    // 2026-11-27 is a Friday (5)
    const rows = advisorsForDay(advisors, "2026-11-27", [{ advisorId: 4, status: "booked" } as Appointment]);
    expect(rows.map((a) => a.name)).toEqual(["B", "A", "D"]);
  });
});

import { describe, expect, it } from "vitest";
import { normalizePlate, plateSearchKey } from "../../shared/rules/plate.js";
import { maskAppointment, maskName } from "../../shared/rules/mask.js";
import { slotOf, slotStarts } from "../../shared/rules/time-of-day.js";
import { graceMinutesLeft, nextTransition } from "../../shared/rules/lateness.js";
import { localParts, zonedInstant } from "../../shared/rules/zoned-time.js";
import { advisorsForDay } from "../../shared/rules/day-plan.js";
import type { Appointment } from "../../shared/schemas/appointment.js";

const rules = { timeZone: "Asia/Shanghai", lateGraceMinutes: 15, noShowAfterMinutes: 60 };

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
  it("masks names the way the paper board's public copy would (plates: test/security/plate-masking.test.ts)", () => {
    expect(maskName("张伟")).toBe("张**");
    expect(maskName("欧阳娜娜")).toBe("欧**");
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
  it("lays out the paper board's hours", () => {
    expect(slotStarts("08:00", "20:00", 60)).toHaveLength(12);
    expect(slotStarts("08:00", "20:00", 30)[1]).toBe("08:30");
    expect(slotOf("10:40", "08:00", "20:00", 60)).toBe("10:00");
    expect(slotOf("20:00", "08:00", "20:00", 60)).toBeNull();
  });
});

describe("zoned time and lateness", () => {
  it("puts a local time at the right instant in the site's zone, whatever the machine's", () => {
    expect(zonedInstant("2026-11-27", "10:00", "Asia/Shanghai").toISOString()).toBe("2026-11-27T02:00:00.000Z");
    expect(localParts(Date.parse("2026-11-27T16:30:00Z"), "Asia/Shanghai")).toMatchObject({ date: "2026-11-28", time: "00:30", weekday: 6 });
  });

  it("counts the grace down before the card turns late", () => {
    const card = { date: "2026-11-27", startTime: "10:00", status: "booked", lateAt: null } as const;
    expect(graceMinutesLeft(card, rules, Date.parse("2026-11-27T01:59:00Z"))).toBeNull();
    expect(graceMinutesLeft(card, rules, Date.parse("2026-11-27T02:01:00Z"))).toBe(14);
    expect(graceMinutesLeft(card, rules, Date.parse("2026-11-27T02:15:00Z"))).toBeNull();
    expect(nextTransition(card, rules)).toEqual({ kind: "late", at: Date.parse("2026-11-27T02:15:00Z") });
    expect(nextTransition({ ...card, status: "arrived" }, rules)).toBeNull();
  });

  it("shows advisors on duty that weekday, and anyone who has a card that day", () => {
    const base = { color: "#000000", active: true, version: 1 };
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

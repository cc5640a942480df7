import { describe, expect, it } from "vitest";
import { applyPatch, type BoardState } from "../../shared/board-state.js";
import type { Appointment } from "../../shared/schemas/appointment.js";

const card = (id: number, date: string) => ({ id, date, startTime: "10:00" }) as Appointment;
const state = (): BoardState => ({
  revision: 10,
  date: "2026-11-27",
  serverTime: 0,
  settings: {} as BoardState["settings"],
  settingsVersion: 1,
  advisors: [],
  bays: [],
  appointments: [card(1, "2026-11-27")],
});

describe("applying patches", () => {
  it("applies the next revision and upserts the card", () => {
    const r = applyPatch(state(), { revision: 11, serverTime: 5, ops: [{ kind: "appointment", appointment: { ...card(1, "2026-11-27"), startTime: "11:00" } }] });
    expect(r.kind).toBe("applied");
    if (r.kind === "applied") {
      expect(r.state.revision).toBe(11);
      expect(r.state.appointments[0]!.startTime).toBe("11:00");
    }
  });

  it("drops a card moved to another date", () => {
    const r = applyPatch(state(), { revision: 11, serverTime: 5, ops: [{ kind: "appointment", appointment: card(1, "2026-11-28") }] });
    expect(r.kind === "applied" && r.state.appointments).toEqual([]);
  });

  it("reports a gap, ignores a patch it already has, and asks for a resync on a bulk change", () => {
    expect(applyPatch(state(), { revision: 12, serverTime: 0, ops: [] })).toEqual({ kind: "gap", expected: 11 });
    expect(applyPatch(state(), { revision: 10, serverTime: 0, ops: [] })).toEqual({ kind: "stale" });
    expect(applyPatch(state(), { revision: 11, serverTime: 0, ops: [{ kind: "resync" }] })).toEqual({ kind: "resync" });
  });
});

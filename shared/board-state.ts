import type { BoardPatch, BoardSnapshot, ChangeOp } from "./schemas/board.js";

/**
 * A board for one date as a screen holds it: the snapshot it was given plus every patch since.
 * Pure, so the display, the admin editor and the tests apply changes the same way.
 */
export type BoardState = BoardSnapshot;

export type ApplyResult =
  | { kind: "applied"; state: BoardState }
  | { kind: "stale" }
  | { kind: "gap"; expected: number }
  | { kind: "resync" };

export function applyPatch(state: BoardState, patch: BoardPatch): ApplyResult {
  if (patch.revision <= state.revision) return { kind: "stale" };
  if (patch.revision !== state.revision + 1) return { kind: "gap", expected: state.revision + 1 };
  if (patch.ops.some((op) => op.kind === "resync")) return { kind: "resync" };
  let next: BoardState = { ...state, revision: patch.revision, serverTime: patch.serverTime };
  for (const op of patch.ops) next = applyOp(next, op);
  return { kind: "applied", state: next };
}

function upsertById<T extends { id: number }>(list: readonly T[], item: T): T[] {
  const i = list.findIndex((x) => x.id === item.id);
  if (i === -1) return [...list, item];
  const copy = list.slice();
  copy[i] = item;
  return copy;
}

export function applyOp(state: BoardState, op: ChangeOp): BoardState {
  switch (op.kind) {
    case "appointment": {
      const a = op.appointment;
      if (a.date === state.date) return { ...state, appointments: upsertById(state.appointments, a) };
      return { ...state, appointments: state.appointments.filter((x) => x.id !== a.id) };
    }
    case "advisor":
      return { ...state, advisors: upsertById(state.advisors, op.advisor) };
    case "bay":
      return { ...state, bays: upsertById(state.bays, op.bay) };
    case "settings":
      return { ...state, settings: op.settings, settingsVersion: op.version };
    case "resync":
      return state;
  }
}

/** The ids of the cards a patch touched on this board, for the brief highlight a screen gives them. */
export function touchedAppointmentIds(patch: BoardPatch): number[] {
  return patch.ops.flatMap((op) => (op.kind === "appointment" ? [op.appointment.id] : []));
}

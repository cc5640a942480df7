import type { CommandInput } from "../shared/schemas/commands.js";
import { fetchHistory } from "./staff-api.js";

/** The last change this browser made, kept across reloads so it can be undone later from the audit log. */
export interface ChangeRef {
  appointmentId: number;
  revision: number;
}

const KEY = "magboard.admin.lastChange";

export function rememberChange(ref: ChangeRef): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(ref));
  } catch {
    // private mode or full storage: the undo toast still works for this session
  }
}

export function lastChange(): ChangeRef | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const v: unknown = JSON.parse(raw);
    if (typeof v !== "object" || v === null) return null;
    const r = v as Record<string, unknown>;
    if (typeof r.appointmentId !== "number" || typeof r.revision !== "number") return null;
    return { appointmentId: r.appointmentId, revision: r.revision };
  } catch {
    return null;
  }
}

export function forgetChange(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}

/**
 * The command that undoes a change, from the card's audit log: a new booking is cancelled, anything
 * else restored to the entry's "before". Both carry the version the change produced, so the server
 * refuses the undo if anyone changed the card since. Null when the change is not in the log.
 */
export async function undoCommand(ref: ChangeRef): Promise<CommandInput | null> {
  const history = await fetchHistory(ref.appointmentId);
  const entry = history?.find((h) => h.revision === ref.revision);
  if (!entry?.after) return null;
  const { id, version } = entry.after;
  return entry.before === null ? { type: "appointment.status", id, version, action: "cancel" } : { type: "appointment.restore", id, version, auditId: entry.id };
}

/** The card's latest change, whoever made it, as something to undo. */
export async function latestChangeOf(appointmentId: number): Promise<ChangeRef | null> {
  const latest = (await fetchHistory(appointmentId))?.at(-1);
  return latest ? { appointmentId, revision: latest.revision } : null;
}

/** The last change this browser made, kept across reloads so it can be undone later from the audit log. */
export interface ChangeRef {
  appointmentId: number;
  revision: number;
  /** A new booking is undone by cancelling it; everything else by restoring the card. */
  created: boolean;
  at: number;
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
    return { appointmentId: r.appointmentId, revision: r.revision, created: r.created === true, at: Number(r.at) || 0 };
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

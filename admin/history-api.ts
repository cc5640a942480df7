import type { Retention } from "../shared/schemas/retention.js";
import type { CommandResult } from "../shared/protocol.js";
import { call } from "../login/staff-api.js";
import { apiUrl } from "../display/site-path.js";

/** One audit entry as GET /api/history answers it. */
export interface HistoryItem {
  id: number;
  at: string;
  actorId: string;
  actor: string;
  action: string;
  entity: string;
  entityId: number | null;
  date: string | null;
  before: unknown;
  after: unknown;
}

export interface HistoryAnswer {
  entries: HistoryItem[];
  archivedMonths: string[];
  onlineFrom: string;
  retention: Retention;
}

export const readHistory = (query: URLSearchParams) => call<HistoryAnswer>(apiUrl(`/history?${query.toString()}`));

export const setRetention = (r: Retention, auditDays: number) =>
  call<CommandResult>(apiUrl("/retention"), { method: "PATCH", body: JSON.stringify({ version: r.version, auditDays }) });

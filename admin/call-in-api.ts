import type { ErrorBody } from "../shared/errors.js";
import type { CallEntry, CallList } from "../shared/schemas/call-lists.js";
import type { Customer, RegisterEntry, RegisterImportReport, Vehicle } from "../shared/schemas/register.js";
import { getJson } from "./staff-api.js";
import { apiUrl } from "../display/site-path.js";

/** A list entry as GET /api/call-lists/:list answers it. */
export interface CallEntryView extends CallEntry {
  customer: Customer | null;
  vehicle: Vehicle | null;
  taken: boolean;
  dueToday: boolean;
  /** When the last letter and text went to this customer (issue 14, point 4). */
  letterAt: string | null;
  textAt: string | null;
}

export type ImportPreview = Omit<RegisterImportReport, "refused"> & { refused: RegisterImportReport["refused"]; unknownColumns: string[] };

export const fetchCallList = (list: CallList) => getJson<CallEntryView[]>(apiUrl(`/call-lists/${list}`));

export const searchRegister = (q: string, offset = 0) =>
  getJson<{ total: number; entries: RegisterEntry[] }>(apiUrl(`/register/vehicles?q=${encodeURIComponent(q)}&limit=50&offset=${offset}`));

export const fetchConfirmations = (date: string) =>
  getJson<{ calls: import("../shared/rules/confirmation.js").ConfirmationCall[]; unconfirmed: number }>(apiUrl(`/call-lists/confirmations?date=${encodeURIComponent(date)}`));

export const lookupRegister = (q: string) => getJson<RegisterEntry[]>(apiUrl(`/register/lookup?q=${encodeURIComponent(q)}`));

/** Sends a register file as it is (its bytes, so the server can tell GBK from UTF-8): a preview, or the import itself. */
export async function uploadRegister(file: Blob, preview: boolean): Promise<{ ok: true; data: ImportPreview | { record: RegisterImportReport } } | { ok: false; error: ErrorBody }> {
  try {
    const res = await fetch(apiUrl(`/register/import${preview ? "?preview=1" : ""}`), { method: "POST", headers: { "content-type": "text/csv" }, body: file });
    const body = (await res.json()) as { error?: ErrorBody };
    return res.ok ? { ok: true, data: body as ImportPreview } : { ok: false, error: body.error ?? { code: "internal", message: "" } };
  } catch {
    return { ok: false, error: { code: "internal", message: "no answer from the server" } };
  }
}

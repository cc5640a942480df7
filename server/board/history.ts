import { kindActions, type AuditQuery, type Retention } from "../../shared/schemas/retention.js";
import { plateSearchKey } from "../../shared/rules/plate.js";
import { addDays, localParts, zonedInstant } from "../../shared/rules/zoned-time.js";
import type { Repositories } from "../db/repositories.js";
import type { ArchiveFiles } from "../db/archive-files.js";
import { auditFromRow, type AuditEntry, type AuditRow, type AuditSearch } from "../db/audit-repo.js";

export interface HistoryPage {
  entries: AuditEntry[];
  /** Months whose archive files were read for this answer. */
  archivedMonths: string[];
  /** Entries made before this instant have left the database for the archive files. */
  onlineFrom: string;
  retention: Retention;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The site's month of an instant, which names the archive file it goes to. */
export function monthOf(iso: string, timeZone: string): string {
  return localParts(new Date(iso), timeZone).date.slice(0, 7);
}

/** The instant before which audit entries are archived. */
export function onlineFrom(now: number, retention: Retention): string {
  return new Date(now - retention.auditDays * DAY_MS).toISOString();
}

function plateOf(v: unknown): string {
  const plate = (v as { plate?: unknown } | null)?.plate;
  return typeof plate === "string" ? plateSearchKey(plate) : "";
}

/** The same filter as AuditRepo.search, for rows read back from the archive. */
function matches(e: AuditEntry, f: AuditSearch): boolean {
  if (f.fromIso !== undefined && e.at < f.fromIso) return false;
  if (f.toIso !== undefined && e.at >= f.toIso) return false;
  if (f.cardId !== undefined && !(e.entity === "appointment" && e.entityId === f.cardId)) return false;
  if (f.plateKey !== undefined && !(e.entity === "appointment" && [plateOf(e.before), plateOf(e.after)].some((k) => k.endsWith(f.plateKey!)))) return false;
  if (f.person !== undefined && !e.actor.toLowerCase().includes(f.person.toLowerCase())) return false;
  if (f.kind !== undefined && !(e.action === f.kind || e.action.startsWith(`${f.kind}.`))) return false;
  if (f.actions !== undefined && !f.actions.includes(e.action)) return false;
  return true;
}

/**
 * The history viewer's answer: the database's entries, and the archive's when asked for or when
 * the day asked for is older than the retention, merged newest first.
 */
export async function readHistory(repos: Repositories, archive: ArchiveFiles | null, q: AuditQuery, timeZone: string, now: number): Promise<HistoryPage> {
  const retention = await repos.retention.get();
  const from = onlineFrom(now, retention);
  const f: AuditSearch = { limit: q.limit };
  if (q.day !== undefined) {
    f.fromIso = zonedInstant(q.day, "00:00", timeZone).toISOString();
    f.toIso = zonedInstant(addDays(q.day, 1), "00:00", timeZone).toISOString();
  }
  if (q.card !== undefined) f.cardId = q.card;
  if (q.plate !== undefined) f.plateKey = plateSearchKey(q.plate);
  if (q.person !== undefined) f.person = q.person;
  if (q.kind !== undefined) {
    const k = kindActions(q.kind);
    if ("actions" in k) f.actions = k.actions;
    else f.kind = k.prefix;
  }
  const entries = await repos.audit.search(f);
  const wantArchive = archive !== null && (q.archive === "1" || (f.fromIso !== undefined && f.fromIso < from));
  if (!wantArchive) return { entries, archivedMonths: [], onlineFrom: from, retention };
  const all = archive.months("audit");
  const months = q.day !== undefined ? all.filter((m) => m === q.day!.slice(0, 7)) : all;
  const seen = new Set(entries.map((e) => e.id));
  const merged = [...entries];
  for (const month of months) {
    for (const row of archive.read("audit", month)) {
      const e = auditFromRow(row as unknown as AuditRow);
      if (!seen.has(e.id) && matches(e, f)) {
        seen.add(e.id);
        merged.push(e);
      }
    }
  }
  merged.sort((a, b) => b.id - a.id);
  return { entries: merged.slice(0, q.limit), archivedMonths: months, onlineFrom: from, retention };
}

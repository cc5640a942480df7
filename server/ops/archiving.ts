import type { Store } from "../db/store.js";
import type { ArchiveFiles, ArchiveKind } from "../db/archive-files.js";
import type { StoredRow } from "../db/retention-repo.js";
import { CHANGE_LOG_KEEP } from "../db/change-log-repo.js";
import type { Clock } from "../board/clock.js";
import { monthOf, onlineFrom } from "../board/history.js";
import type { Logger } from "../logger.js";

/** Rows moved per transaction, so a large first run never holds the write lock for long. */
const BATCH = 2_000;
const CHECK_EVERY_MS = 60 * 60 * 1000;

export interface Archived {
  audit: number;
  changes: number;
}

function byMonth(rows: readonly StoredRow[], timeZone: string): Map<string, StoredRow[]> {
  const out = new Map<string, StoredRow[]>();
  for (const r of rows) {
    const month = monthOf(String(r.at), timeZone);
    const list = out.get(month) ?? [];
    list.push(r);
    out.set(month, list);
  }
  return out;
}

function write(archive: ArchiveFiles, kind: ArchiveKind, rows: readonly StoredRow[], timeZone: string): void {
  for (const [month, list] of byMonth(rows, timeZone)) archive.append(kind, month, list);
}

/**
 * Moves audit entries older than the retention, and change-log rows further back than the replay
 * keeps, to the monthly archive files: written and synced to disk first, deleted after, batch by
 * batch. The database then holds a steady number of days, whatever its age.
 */
export async function archiveOnce(store: Store, archive: ArchiveFiles, now: number): Promise<Archived> {
  const { repos } = store;
  const timeZone = (await repos.settings.require()).settings.timeZone;
  const cut = onlineFrom(now, await repos.retention.get());
  const done: Archived = { audit: 0, changes: 0 };
  for (;;) {
    const rows = await repos.retention.auditBefore(cut, BATCH);
    if (rows.length === 0) break;
    write(archive, "audit", rows, timeZone);
    await store.transaction((tx) => tx.retention.removeAuditThrough(Number(rows.at(-1)!.id), cut));
    done.audit += rows.length;
  }
  const keepFrom = await repos.changes.revision() - CHANGE_LOG_KEEP;
  for (;;) {
    const rows = await repos.retention.changesThrough(keepFrom, BATCH);
    if (rows.length === 0) break;
    write(archive, "changes", rows, timeZone);
    await store.transaction((tx) => tx.retention.removeChangesThrough(Number(rows.at(-1)!.revision)));
    done.changes += rows.length;
  }
  return done;
}

/** The archiving job on the server's clock: at start, then every hour, like the daily backup. */
export class Archiving {
  private timer: { cancel(): void } | null = null;

  constructor(
    private readonly store: Store,
    readonly archive: ArchiveFiles,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    await this.check();
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = null;
  }

  /** One run now; what it moved. */
  async runNow(): Promise<Archived> {
    const done = await archiveOnce(this.store, this.archive, this.clock.now());
    if (done.audit + done.changes > 0) this.log.info(`archived ${done.audit} audit entries and ${done.changes} change-log rows to ${this.archive.dir}`);
    return done;
  }

  private async check(): Promise<void> {
    try {
      await this.runNow();
    } catch (err) {
      this.log.error("archiving failed; the rows stay in the database and are tried again in an hour", err);
    }
    this.timer = this.clock.setTimer(CHECK_EVERY_MS, () => void this.check());
  }
}

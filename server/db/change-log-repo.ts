import type { Sql } from "./sql.js";
import type { ChangeOp } from "../../shared/schemas/board.js";

export interface LoggedChange {
  revision: number;
  at: number;
  /** Local dates whose boards the change touches; null = every date (settings, advisors, bays). */
  dates: string[] | null;
  ops: ChangeOp[];
}

interface ChangeRow {
  revision: number;
  at: string;
  dates: string;
  ops: string;
}

/** How many recent changes are kept for replay; a screen further behind takes a fresh snapshot. */
export const CHANGE_LOG_KEEP = 5_000;
/** Rows further back than this are deleted even if never archived (a server without an archive folder). */
export const CHANGE_LOG_BACKSTOP = 4 * CHANGE_LOG_KEEP;

/** The board revision and the recent changes behind it, so a screen that missed some can replay them. */
export class ChangeLogRepo {
  private readonly revisionStmt;
  private readonly insertStmt;
  private readonly sinceStmt;
  private readonly oldestStmt;
  private readonly trimStmt;
  private readonly clearStmt;

  constructor(sql: Sql) {
    // the newest change is the revision; a database an older magboard wrote also kept it in meta, which only it updated
    // (the greater of the two is taken here: SQLite's two-argument max() is PostgreSQL's greatest())
    this.revisionStmt = sql.prepare<{ logged: number; meta: number }>(
      `SELECT coalesce((SELECT max(revision) FROM change_log), 0) AS logged,
              coalesce((SELECT CAST(value AS BIGINT) FROM meta WHERE key = 'revision'), 0) AS meta`,
    );
    this.insertStmt = sql.prepare("INSERT INTO change_log (revision, at, dates, ops) VALUES (@revision, @at, @dates, @ops)");
    this.sinceStmt = sql.prepare<ChangeRow>("SELECT * FROM change_log WHERE revision > ? ORDER BY revision LIMIT ?");
    this.oldestStmt = sql.prepare<{ revision: number | null }>("SELECT min(revision) AS revision FROM change_log");
    this.trimStmt = sql.prepare("DELETE FROM change_log WHERE revision <= ?");
    this.clearStmt = sql.prepare("DELETE FROM change_log");
  }

  async revision(): Promise<number> {
    const r = await this.revisionStmt.get();
    return r ? Math.max(r.logged, r.meta) : 0;
  }

  /**
   * Records the next revision; call inside the command's transaction. The row is the revision: a
   * separate counter was one more page written and synced with every command (issue 16, point 2).
   */
  async append(change: LoggedChange): Promise<void> {
    await this.insertStmt.run({
      revision: change.revision,
      at: new Date(change.at).toISOString(),
      dates: JSON.stringify(change.dates),
      ops: JSON.stringify(change.ops),
    });
    // the archiving job moves rows past CHANGE_LOG_KEEP to the archive every hour; this only bounds the table should it not run
    if (change.revision % 500 === 0) await this.trimStmt.run([change.revision - CHANGE_LOG_BACKSTOP]);
  }

  /**
   * After a restore: forget the replayable history and record one change telling every screen to take a
   * fresh snapshot, at a revision above any a screen can hold, so no screen mistakes the restored
   * history for the one it saw.
   */
  async restartWithResync(revision: number, at: number): Promise<void> {
    await this.clearStmt.run();
    await this.append({ revision, at, dates: null, ops: [{ kind: "resync" }] });
  }

  /** The changes after `since`, or null when some of them are no longer kept. */
  async since(since: number, limit: number): Promise<LoggedChange[] | null> {
    const current = await this.revision();
    // ahead of the database: it was restored from a backup, so what the screen holds is another history
    if (since > current) return null;
    if (since === current) return [];
    if (current - since > limit) return null;
    const oldest = (await this.oldestStmt.get())?.revision ?? null;
    if (oldest === null || oldest > since + 1) return null;
    return (await this.sinceStmt.all([since, limit])).map((r) => ({
      revision: r.revision,
      at: Date.parse(r.at),
      dates: JSON.parse(r.dates) as string[] | null,
      ops: JSON.parse(r.ops) as ChangeOp[],
    }));
  }
}

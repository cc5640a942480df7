import type { Db } from "../db/open-database.js";
import { backupDatabase, backupInstant, listBackups, pruneAutomaticBackups } from "../db/backup.js";
import type { Clock } from "../board/clock.js";
import type { Logger } from "../logger.js";

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often to look whether a day has passed; a sleeping PC's timers are late, so never sleep a whole day. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

export interface DailyBackupOptions {
  dir: string;
  /** How many automatic backups to keep; the oldest beyond this are deleted. */
  keep: number;
}

/**
 * One automatic backup a day: at start-up when the newest automatic one is a day old (or missing),
 * then whenever a day has passed since. Runs on the server's own connection, which SQLite's backup
 * API allows while it keeps writing.
 */
export class DailyBackups {
  private timer: { cancel(): void } | null = null;
  private running: Promise<void> | null = null;
  private last: number;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly opts: DailyBackupOptions,
  ) {
    // the newest automatic backup's file time survives restarts, so a restart loop is not a backup loop
    const newest = listBackups(opts.dir).filter((b) => b.automatic).at(-1);
    this.last = newest ? backupInstant(newest.file) : Number.NEGATIVE_INFINITY;
  }

  start(): void {
    this.check();
  }

  /** Resolves once a backup that is under way has finished, so the database can be closed. */
  async stop(): Promise<void> {
    this.timer?.cancel();
    this.timer = null;
    await this.running;
  }

  private check(): void {
    if (this.clock.now() - this.last >= DAY_MS && !this.running) {
      this.running = this.run().finally(() => (this.running = null));
    }
    this.timer = this.clock.setTimer(CHECK_EVERY_MS, () => this.check());
  }

  private async run(): Promise<void> {
    const at = this.clock.now();
    try {
      const file = await backupDatabase(this.db, this.opts.dir, new Date(at), true);
      this.last = at;
      const removed = pruneAutomaticBackups(this.opts.dir, this.opts.keep);
      this.log.info(`daily backup ${file}${removed.length ? ` (removed ${removed.length} older)` : ""}`);
    } catch (err) {
      this.log.error("daily backup failed", err);
    }
  }
}

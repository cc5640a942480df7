import pg from "pg";
import type { Logger } from "../../logger.js";

/** The first half of every site's clock lock ("mbck"); the second half is the site's id. */
const CLOCK_LOCK = 0x6d62636b;
/** How often a follower asks for the lock, and a leader checks that its session is still alive. */
export const LEADER_POLL_MS = 2_000;

/**
 * One node of a site leads: it holds `pg_try_advisory_lock` on a session of its own, and runs the
 * site's clock (late, no-show, greeting), its call lists' scheduler and its text hook. A session
 * lock dies with its session, so when the leading node dies, or loses PostgreSQL, the lock is free
 * and the next node to ask takes it, within one poll. A leader whose session fails stops leading at
 * once: two leaders at a time only while PostgreSQL itself has not yet seen the old session end,
 * and the old one cannot commit then. It is a Leadership (server/ops/leadership.ts) by its shape: db/
 * knows nothing above it.
 */
export class PgLeaderLock {
  private client: pg.Client | null = null;
  private leading = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private tell: (leader: boolean) => void = () => {};

  constructor(
    private readonly url: string,
    private readonly siteId: number,
    private readonly log: Logger,
    private readonly pollMs = LEADER_POLL_MS,
  ) {}

  start(onChange: (leader: boolean) => void): void {
    this.tell = onChange;
    void this.poll();
  }

  get leader(): boolean {
    return this.leading;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    this.set(false);
    // ending the session frees the lock for the next node at once, not after a timeout
    await client?.end().catch(() => undefined);
  }

  private async poll(): Promise<void> {
    if (this.stopped) return;
    try {
      const client = await this.session();
      if (this.leading) await client.query("SELECT 1");
      else {
        const got = await client.query<{ got: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS got", [CLOCK_LOCK, this.siteId]);
        if (got.rows[0]?.got) this.set(true);
      }
    } catch (err) {
      this.lose(err);
    }
    if (!this.stopped) this.timer = setTimeout(() => void this.poll(), this.pollMs);
  }

  private async session(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({ connectionString: this.url, application_name: "magboard clock leader" });
    client.on("error", (err) => this.lose(err));
    this.client = client;
    await client.connect();
    return client;
  }

  /** The session failed: whatever lock it held is gone with it. */
  private lose(err: unknown): void {
    const client = this.client;
    this.client = null;
    void client?.end().catch(() => undefined);
    if (this.leading) this.log.error(`site ${this.siteId}: lost the clock's lock with the database session; another node takes it over`, err);
    this.set(false);
  }

  private set(leader: boolean): void {
    if (leader === this.leading) return;
    this.leading = leader;
    if (!this.stopped || !leader) this.tell(leader);
  }
}

import pg from "pg";
import type { Logger } from "../../logger.js";

/** The first half of every site's clock lock ("mbck"); the second half is the site's id. */
const CLOCK_LOCK = 0x6d62636b;
/** How often a follower asks for the lock, and a leader checks that its session is still alive. */
export const LEADER_POLL_MS = 2_000;

interface SiteLead {
  leading: boolean;
  tell: (leader: boolean) => void;
}

/**
 * One node of a site leads: it holds `pg_try_advisory_lock` on a session of its own, and runs the
 * site's clock (late, no-show, greeting), its call lists' scheduler and its text hook. A session
 * lock dies with its session, so when the leading node dies, or loses PostgreSQL, the lock is free
 * and the next node to ask takes it, within one poll. A leader whose session fails stops leading at
 * once: two leaders at a time only while PostgreSQL itself has not yet seen the old session end,
 * and the old one cannot commit then.
 *
 * A node of a group holds the locks of every site it has opened on this one session, so the
 * connections it needs for leading do not grow with its sites. Each site's part is a Leadership
 * (server/ops/leadership.ts) by its shape: db/ knows nothing above it.
 */
export class PgLeaderLocks {
  private client: pg.Client | null = null;
  private readonly sites = new Map<number, SiteLead>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private polling: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly log: Logger,
    private readonly pollMs = LEADER_POLL_MS,
  ) {}

  /** Site `siteId`'s leadership on this node. */
  forSite(siteId: number): { start(onChange: (leader: boolean) => void): void; stop(): Promise<void>; readonly leader: boolean } {
    const sites = this.sites;
    return {
      start: (onChange) => {
        sites.set(siteId, { leading: false, tell: onChange });
        this.pollSoon();
      },
      stop: () => this.release(siteId),
      get leader() {
        return sites.get(siteId)?.leading ?? false;
      },
    };
  }

  /** Ends the session: every site's lock is free for the next node at once, not after a timeout. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.polling;
    const client = this.client;
    this.client = null;
    for (const lead of this.sites.values()) this.set(lead, false);
    await client?.end().catch(() => undefined);
  }

  private async release(siteId: number): Promise<void> {
    const lead = this.sites.get(siteId);
    if (!lead) return;
    this.sites.delete(siteId);
    const was = lead.leading;
    this.set(lead, false);
    if (was && this.client) await this.client.query("SELECT pg_advisory_unlock($1, $2)", [CLOCK_LOCK, siteId]).catch(() => undefined);
  }

  private pollSoon(): void {
    if (this.stopped || this.polling) return;
    if (this.timer) clearTimeout(this.timer);
    this.polling = this.poll().finally(() => {
      this.polling = null;
      if (!this.stopped) this.timer = setTimeout(() => this.pollSoon(), this.pollMs);
    });
  }

  private async poll(): Promise<void> {
    try {
      const client = await this.session();
      // one round trip shows the session is alive for every site this node leads
      if ([...this.sites.values()].some((l) => l.leading)) await client.query("SELECT 1");
      for (const [siteId, lead] of [...this.sites]) {
        if (lead.leading || this.stopped) continue;
        const got = await client.query<{ got: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS got", [CLOCK_LOCK, siteId]);
        // the site may have been closed while the lock was asked for
        if (got.rows[0]?.got && this.sites.get(siteId) === lead) this.set(lead, true);
        else if (got.rows[0]?.got) await client.query("SELECT pg_advisory_unlock($1, $2)", [CLOCK_LOCK, siteId]);
      }
    } catch (err) {
      this.lose(err);
    }
  }

  private async session(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({ connectionString: this.url, application_name: "magboard clock leader" });
    client.on("error", (err) => this.lose(err));
    this.client = client;
    await client.connect();
    return client;
  }

  /** The session failed: whatever locks it held are gone with it. */
  private lose(err: unknown): void {
    const client = this.client;
    this.client = null;
    void client?.end().catch(() => undefined);
    for (const [siteId, lead] of this.sites) {
      if (lead.leading) this.log.error(`site ${siteId}: lost the clock's lock with the database session; another node takes it over`, err);
      this.set(lead, false);
    }
  }

  private set(lead: SiteLead, leader: boolean): void {
    if (leader === lead.leading) return;
    lead.leading = leader;
    if (!this.stopped || !leader) lead.tell(leader);
  }
}

/** One site's leadership on a session of its own: a node that serves one site. */
export class PgLeaderLock {
  private readonly locks: PgLeaderLocks;
  private readonly site: ReturnType<PgLeaderLocks["forSite"]>;

  constructor(url: string, siteId: number, log: Logger, pollMs = LEADER_POLL_MS) {
    this.locks = new PgLeaderLocks(url, log, pollMs);
    this.site = this.locks.forSite(siteId);
  }

  start(onChange: (leader: boolean) => void): void {
    this.site.start(onChange);
  }

  get leader(): boolean {
    return this.site.leader;
  }

  async stop(): Promise<void> {
    await this.locks.stop();
  }
}

import pg from "pg";
import { GROUP_SCHEMA } from "./group-schema.js";
import { migrateGroup } from "./import-sqlite.js";
import { createSite, findSite, type SiteRow } from "./sites.js";

/** A person of the group (集团售后总监), not of any site. */
export interface GroupAccount {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  active: boolean;
}

export interface GroupSession {
  idHash: string;
  accountId: number;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

type Row = { id: string | number; username: string; display_name: string; password_hash: string; active: boolean };
const account = (r: Row): GroupAccount => ({ id: Number(r.id), username: r.username, displayName: r.display_name, passwordHash: r.password_hash, active: r.active });

/** A new group account, or its password and name replaced when the username exists (the command line's "set"). */
export async function saveGroupAccount(client: pg.ClientBase, a: { username: string; displayName: string; passwordHash: string }, now = new Date()): Promise<GroupAccount> {
  await migrateGroup(client);
  const saved = await client.query<Row>(
    `INSERT INTO ${GROUP_SCHEMA}.accounts (username, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name, password_hash = EXCLUDED.password_hash, active = true
     RETURNING id, username, display_name, password_hash, active`,
    [a.username, a.displayName, a.passwordHash, now.toISOString()],
  );
  // a new password ends every session the account had
  await client.query(`DELETE FROM ${GROUP_SCHEMA}.sessions WHERE account_id = $1`, [saved.rows[0]!.id]);
  return account(saved.rows[0]!);
}

/** `saveGroupAccount` on the group's database at `url`, for the command line. */
export async function saveGroupAccountAt(url: string, a: { username: string; displayName: string; passwordHash: string }): Promise<GroupAccount> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await saveGroupAccount(client, a);
  } finally {
    await client.end();
  }
}

/** A new, empty store on the group's database at `url`; "taken" when its slug is. */
export async function addSiteAt(url: string, site: { slug: string; name: string }): Promise<SiteRow | "taken"> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (await findSite(client, site.slug)) return "taken";
    return await createSite(client, site);
  } finally {
    await client.end();
  }
}

/** What a group's nodes read of the group itself: its sites, and its own accounts and their sessions. */
export class GroupRecords {
  private constructor(private readonly pool: pg.Pool) {}

  /** The group's records on a few connections of their own; a database made by an older version gets the group's accounts tables first. */
  static async open(url: string): Promise<GroupRecords> {
    const pool = new pg.Pool({ connectionString: url, max: 3, connectionTimeoutMillis: 5_000, application_name: "magboard group" });
    // an idle connection the server dropped is discarded by the pool; without a listener the process would exit
    pool.on("error", () => {});
    const setup = await pool.connect();
    try {
      await migrateGroup(setup);
    } finally {
      setup.release();
    }
    return new GroupRecords(pool);
  }

  /** Whether the group's database answers now. */
  async reachable(): Promise<boolean> {
    return this.pool.query("SELECT 1").then(
      () => true,
      () => false,
    );
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  async byUsername(username: string): Promise<GroupAccount | undefined> {
    const r = await this.pool.query<Row>(`SELECT id, username, display_name, password_hash, active FROM ${GROUP_SCHEMA}.accounts WHERE username = $1`, [username]);
    return r.rows[0] && account(r.rows[0]);
  }

  async get(id: number): Promise<GroupAccount | undefined> {
    const r = await this.pool.query<Row>(`SELECT id, username, display_name, password_hash, active FROM ${GROUP_SCHEMA}.accounts WHERE id = $1`, [id]);
    return r.rows[0] && account(r.rows[0]);
  }

  async startSession(s: GroupSession): Promise<void> {
    await this.pool.query(`INSERT INTO ${GROUP_SCHEMA}.sessions (id_hash, account_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
      s.idHash,
      s.accountId,
      s.createdAt,
      s.lastSeenAt,
      s.expiresAt,
    ]);
  }

  async session(idHash: string): Promise<GroupSession | undefined> {
    const r = await this.pool.query<{ id_hash: string; account_id: string; created_at: string; last_seen_at: string; expires_at: string }>(
      `SELECT id_hash, account_id, created_at, last_seen_at, expires_at FROM ${GROUP_SCHEMA}.sessions WHERE id_hash = $1`,
      [idHash],
    );
    const row = r.rows[0];
    return row && { idHash: row.id_hash, accountId: Number(row.account_id), createdAt: Number(row.created_at), lastSeenAt: Number(row.last_seen_at), expiresAt: Number(row.expires_at) };
  }

  async touchSession(idHash: string, now: number): Promise<void> {
    await this.pool.query(`UPDATE ${GROUP_SCHEMA}.sessions SET last_seen_at = $2 WHERE id_hash = $1`, [idHash, now]);
  }

  async endSession(idHash: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${GROUP_SCHEMA}.sessions WHERE id_hash = $1`, [idHash]);
  }

  /** Sessions past their limit or idle too long, so the table does not grow with every sign-in. */
  async removeEndedSessions(now: number, idleBefore: number): Promise<void> {
    await this.pool.query(`DELETE FROM ${GROUP_SCHEMA}.sessions WHERE expires_at <= $1 OR last_seen_at <= $2`, [now, idleBefore]);
  }

  /** The site of that slug, when registered. */
  async site(slug: string): Promise<{ id: number; slug: string; name: string } | undefined> {
    const r = await this.pool.query<{ id: string; slug: string; name: string }>(`SELECT id, slug, name FROM ${GROUP_SCHEMA}.sites WHERE slug = $1`, [slug]);
    const row = r.rows[0];
    return row && { id: Number(row.id), slug: row.slug, name: row.name };
  }

  /** Every registered site, in the order they were made. */
  async sites(): Promise<{ id: number; slug: string; name: string }[]> {
    const r = await this.pool.query<{ id: string; slug: string; name: string }>(`SELECT id, slug, name FROM ${GROUP_SCHEMA}.sites ORDER BY id`);
    return r.rows.map((s) => ({ id: Number(s.id), slug: s.slug, name: s.name }));
  }
}

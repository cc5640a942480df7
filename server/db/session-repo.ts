import type { Sql } from "./sql.js";

export interface StoredSession {
  idHash: string;
  accountId: number;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

interface SessionRow {
  id_hash: string;
  account_id: number;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

/** Sessions by the SHA-256 of their id; times are ms since epoch from the server's clock. */
export class SessionRepo {
  private readonly getStmt;
  private readonly insertStmt;
  private readonly touchStmt;
  private readonly deleteStmt;
  private readonly deleteForAccount;
  private readonly deleteExpired;

  constructor(sql: Sql) {
    this.getStmt = sql.prepare<SessionRow>("SELECT * FROM sessions WHERE id_hash = ?");
    this.insertStmt = sql.prepare("INSERT INTO sessions (id_hash, account_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)");
    this.touchStmt = sql.prepare("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?");
    this.deleteStmt = sql.prepare("DELETE FROM sessions WHERE id_hash = ?");
    this.deleteForAccount = sql.prepare("DELETE FROM sessions WHERE account_id = ?");
    this.deleteExpired = sql.prepare("DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?");
  }

  async get(idHash: string): Promise<StoredSession | undefined> {
    const r = await this.getStmt.get([idHash]);
    return r && { idHash: r.id_hash, accountId: r.account_id, createdAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at };
  }

  async insert(s: StoredSession): Promise<void> {
    await this.insertStmt.run([s.idHash, s.accountId, s.createdAt, s.lastSeenAt, s.expiresAt]);
  }

  async touch(idHash: string, at: number): Promise<void> {
    await this.touchStmt.run([at, idHash]);
  }

  async remove(idHash: string): Promise<void> {
    await this.deleteStmt.run([idHash]);
  }

  async removeForAccount(accountId: number): Promise<void> {
    await this.deleteForAccount.run([accountId]);
  }

  /** Ended sessions: past their absolute end, or idle since before `idleBefore`. */
  async removeEnded(now: number, idleBefore: number): Promise<void> {
    await this.deleteExpired.run([now, idleBefore]);
  }
}

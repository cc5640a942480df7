import type { Account, AccountRole } from "../../shared/schemas/access.js";
import type { Sql } from "./sql.js";

interface AccountRow {
  id: number;
  username: string;
  display_name: string;
  role: AccountRole;
  advisor_id: number | null;
  password_hash: string;
  must_change_password: number;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** The stored account: the public view plus its password hash, which never leaves the server. */
export interface StoredAccount extends Account {
  passwordHash: string;
}

const fromRow = (r: AccountRow): StoredAccount => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  advisorId: r.advisor_id,
  active: r.active === 1,
  mustChangePassword: r.must_change_password === 1,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  passwordHash: r.password_hash,
});

export function publicAccount(a: StoredAccount): Account {
  const { passwordHash: _hash, ...rest } = a;
  return rest;
}

export class AccountRepo {
  private readonly byId;
  private readonly byName;
  private readonly allStmt;
  private readonly countStmt;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly signInStmt;
  private readonly signInsStmt;

  constructor(sql: Sql) {
    this.byId = sql.prepare<AccountRow>("SELECT * FROM accounts WHERE id = ?");
    this.byName = sql.prepare<AccountRow>("SELECT * FROM accounts WHERE username = ?");
    this.allStmt = sql.prepare<AccountRow>("SELECT * FROM accounts ORDER BY id");
    this.countStmt = sql.prepare<{ n: number }>("SELECT count(*) AS n FROM accounts");
    this.insertStmt = sql.prepare<{ id: number }>(
      `INSERT INTO accounts (username, display_name, role, advisor_id, password_hash, must_change_password, active, version, created_at, updated_at)
       VALUES (@username, @display_name, @role, @advisor_id, @password_hash, @must_change_password, @active, @version, @created_at, @updated_at) RETURNING id`,
    );
    this.updateStmt = sql.prepare(
      `UPDATE accounts SET display_name = @display_name, role = @role, advisor_id = @advisor_id, password_hash = @password_hash,
         must_change_password = @must_change_password, active = @active, version = @version, updated_at = @updated_at WHERE id = @id`,
    );
    this.signInStmt = sql.prepare("UPDATE accounts SET last_sign_in_at = ? WHERE id = ?");
    this.signInsStmt = sql.prepare<{ id: number; last_sign_in_at: string }>("SELECT id, last_sign_in_at FROM accounts WHERE last_sign_in_at IS NOT NULL");
  }

  /** Bookkeeping of a sign-in: not part of the account's version or audit. */
  async markSignedIn(id: number, atIso: string): Promise<void> {
    await this.signInStmt.run([atIso, id]);
  }

  /** When each account last signed in (absent: never). */
  async lastSignIns(): Promise<Map<number, string>> {
    return new Map((await this.signInsStmt.all()).map((r) => [r.id, r.last_sign_in_at]));
  }

  async get(id: number): Promise<StoredAccount | undefined> {
    const r = await this.byId.get([id]);
    return r && fromRow(r);
  }

  async byUsername(username: string): Promise<StoredAccount | undefined> {
    const r = await this.byName.get([username]);
    return r && fromRow(r);
  }

  async all(): Promise<StoredAccount[]> {
    return (await this.allStmt.all()).map(fromRow);
  }

  async count(): Promise<number> {
    return (await this.countStmt.get())!.n;
  }

  async insert(a: Omit<StoredAccount, "id">): Promise<StoredAccount> {
    const { id: _ignored, ...values } = toRow({ ...a, id: 0 });
    const row = await this.insertStmt.get(values);
    return (await this.get(row!.id))!;
  }

  async update(a: StoredAccount): Promise<void> {
    await this.updateStmt.run(toRow(a));
  }
}

function toRow(a: StoredAccount): AccountRow {
  return {
    id: a.id,
    username: a.username,
    display_name: a.displayName,
    role: a.role,
    advisor_id: a.advisorId,
    password_hash: a.passwordHash,
    must_change_password: a.mustChangePassword ? 1 : 0,
    active: a.active ? 1 : 0,
    version: a.version,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
  };
}

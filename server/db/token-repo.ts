import type { AccountRole, ApiToken } from "../../shared/schemas/access.js";
import type { Db } from "./open-database.js";

interface TokenRow {
  id: number;
  name: string;
  role: AccountRole;
  advisor_id: number | null;
  token_hash: string;
  revoked: number;
  created_at: string;
  created_by: string;
  last_used_at: string | null;
}

const fromRow = (r: TokenRow): ApiToken => ({
  id: r.id,
  name: r.name,
  role: r.role,
  advisorId: r.advisor_id,
  revoked: r.revoked === 1,
  createdAt: r.created_at,
  createdBy: r.created_by,
  lastUsedAt: r.last_used_at,
});

export class TokenRepo {
  private readonly byId;
  private readonly byHash;
  private readonly allStmt;
  private readonly insertStmt;
  private readonly revokeStmt;
  private readonly usedStmt;

  constructor(db: Db) {
    this.byId = db.prepare<[number], TokenRow>("SELECT * FROM api_tokens WHERE id = ?");
    this.byHash = db.prepare<[string], TokenRow>("SELECT * FROM api_tokens WHERE token_hash = ? AND revoked = 0");
    this.allStmt = db.prepare<[], TokenRow>("SELECT * FROM api_tokens ORDER BY id");
    this.insertStmt = db.prepare(
      "INSERT INTO api_tokens (name, role, advisor_id, token_hash, revoked, created_at, created_by, last_used_at) VALUES (?, ?, ?, ?, 0, ?, ?, NULL)",
    );
    this.revokeStmt = db.prepare("UPDATE api_tokens SET revoked = 1 WHERE id = ?");
    this.usedStmt = db.prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?");
  }

  async get(id: number): Promise<ApiToken | undefined> {
    const r = this.byId.get(id);
    return r && fromRow(r);
  }

  async byTokenHash(hash: string): Promise<ApiToken | undefined> {
    const r = this.byHash.get(hash);
    return r && fromRow(r);
  }

  async all(): Promise<ApiToken[]> {
    return this.allStmt.all().map(fromRow);
  }

  async insert(t: Pick<ApiToken, "name" | "role" | "advisorId" | "createdAt" | "createdBy">, hash: string): Promise<ApiToken> {
    const info = this.insertStmt.run(t.name, t.role, t.advisorId, hash, t.createdAt, t.createdBy);
    return (await this.get(Number(info.lastInsertRowid)))!;
  }

  async revoke(id: number): Promise<void> {
    this.revokeStmt.run(id);
  }

  async markUsed(id: number, at: string): Promise<void> {
    this.usedStmt.run(at, id);
  }
}

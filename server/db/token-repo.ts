import type { AccountRole, ApiToken } from "../../shared/schemas/access.js";
import type { Sql } from "./sql.js";

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

  constructor(sql: Sql) {
    this.byId = sql.prepare<TokenRow>("SELECT * FROM api_tokens WHERE id = ?");
    this.byHash = sql.prepare<TokenRow>("SELECT * FROM api_tokens WHERE token_hash = ? AND revoked = 0");
    this.allStmt = sql.prepare<TokenRow>("SELECT * FROM api_tokens ORDER BY id");
    this.insertStmt = sql.prepare<{ id: number }>(
      "INSERT INTO api_tokens (name, role, advisor_id, token_hash, revoked, created_at, created_by, last_used_at) VALUES (?, ?, ?, ?, 0, ?, ?, NULL) RETURNING id",
    );
    this.revokeStmt = sql.prepare("UPDATE api_tokens SET revoked = 1 WHERE id = ?");
    this.usedStmt = sql.prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?");
  }

  async get(id: number): Promise<ApiToken | undefined> {
    const r = await this.byId.get([id]);
    return r && fromRow(r);
  }

  async byTokenHash(hash: string): Promise<ApiToken | undefined> {
    const r = await this.byHash.get([hash]);
    return r && fromRow(r);
  }

  async all(): Promise<ApiToken[]> {
    return (await this.allStmt.all()).map(fromRow);
  }

  async insert(t: Pick<ApiToken, "name" | "role" | "advisorId" | "createdAt" | "createdBy">, hash: string): Promise<ApiToken> {
    const row = await this.insertStmt.get([t.name, t.role, t.advisorId, hash, t.createdAt, t.createdBy]);
    return (await this.get(row!.id))!;
  }

  async revoke(id: number): Promise<void> {
    await this.revokeStmt.run([id]);
  }

  async markUsed(id: number, at: string): Promise<void> {
    await this.usedStmt.run([at, id]);
  }
}

import type { PairedDisplay } from "../../shared/schemas/access.js";
import type { Sql } from "./sql.js";

interface DisplayRow {
  id: number;
  name: string;
  visibility: PairedDisplay["visibility"];
  language: PairedDisplay["language"];
  advisor_ids: string;
  layout: PairedDisplay["layout"];
  window_before: number;
  window_after: number;
  key_hash: string;
  revoked: number;
  version: number;
  created_at: string;
  last_seen_at: string | null;
}

const fromRow = (r: DisplayRow): PairedDisplay => ({
  id: r.id,
  name: r.name,
  visibility: r.visibility,
  language: r.language,
  advisorIds: JSON.parse(r.advisor_ids) as number[],
  layout: r.layout,
  windowBefore: r.window_before,
  windowAfter: r.window_after,
  revoked: r.revoked === 1,
  version: r.version,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
});

export class DisplayRepo {
  private readonly byId;
  private readonly byKey;
  private readonly allStmt;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly seenStmt;

  constructor(sql: Sql) {
    this.byId = sql.prepare<DisplayRow>("SELECT * FROM displays WHERE id = ?");
    this.byKey = sql.prepare<DisplayRow>("SELECT * FROM displays WHERE key_hash = ? AND revoked = 0");
    this.allStmt = sql.prepare<DisplayRow>("SELECT * FROM displays ORDER BY id");
    this.insertStmt = sql.prepare<{ id: number }>(
      `INSERT INTO displays (name, visibility, language, advisor_ids, layout, window_before, window_after, key_hash, revoked, version, created_at, last_seen_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 1, ?, NULL) RETURNING id`,
    );
    this.updateStmt = sql.prepare("UPDATE displays SET name = ?, visibility = ?, language = ?, advisor_ids = ?, layout = ?, window_before = ?, window_after = ?, revoked = ?, version = ? WHERE id = ?");
    this.seenStmt = sql.prepare("UPDATE displays SET last_seen_at = ? WHERE id = ?");
  }

  async get(id: number): Promise<PairedDisplay | undefined> {
    const r = await this.byId.get([id]);
    return r && fromRow(r);
  }

  /** The live (not revoked) display holding this key hash. */
  async byKeyHash(keyHash: string): Promise<PairedDisplay | undefined> {
    const r = await this.byKey.get([keyHash]);
    return r && fromRow(r);
  }

  async all(): Promise<PairedDisplay[]> {
    return (await this.allStmt.all()).map(fromRow);
  }

  async insert(d: Pick<PairedDisplay, "name" | "visibility" | "language" | "advisorIds" | "layout" | "windowBefore" | "windowAfter" | "createdAt">, keyHash: string): Promise<PairedDisplay> {
    const row = await this.insertStmt.get([d.name, d.visibility, d.language, JSON.stringify(d.advisorIds), d.layout, d.windowBefore, d.windowAfter, keyHash, d.createdAt]);
    return (await this.get(row!.id))!;
  }

  async update(d: PairedDisplay): Promise<void> {
    await this.updateStmt.run([d.name, d.visibility, d.language, JSON.stringify(d.advisorIds), d.layout, d.windowBefore, d.windowAfter, d.revoked ? 1 : 0, d.version, d.id]);
  }

  /** When the screen was last connected: status for the manager, not part of the board. */
  async markSeen(id: number, at: string): Promise<void> {
    await this.seenStmt.run([at, id]);
  }
}

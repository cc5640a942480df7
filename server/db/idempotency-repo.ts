import type { Sql } from "./sql.js";

const storedKey = (actorId: string, requestId: string): string => JSON.stringify([actorId, requestId]);

/** Answers already given to tagged commands, so a retry after a lost ack gets the same answer. */
export class IdempotencyRepo {
  private readonly getStmt;
  private readonly putStmt;
  private readonly trimStmt;

  constructor(sql: Sql) {
    this.getStmt = sql.prepare<{ response: string }>("SELECT response FROM idempotency WHERE request_id = ?");
    this.putStmt = sql.prepare("INSERT INTO idempotency (request_id, actor_id, response, at) VALUES (?, ?, ?, ?)");
    this.trimStmt = sql.prepare("DELETE FROM idempotency WHERE at < ?");
  }

  // keys are per actor: two clients that happen to pick the same key never see each other's answers
  // (as JSON, not joined by NUL: PostgreSQL's text cannot hold a NUL)
  async get(requestId: string, actorId: string): Promise<unknown> {
    const r = await this.getStmt.get([storedKey(actorId, requestId)]);
    return r ? JSON.parse(r.response) : undefined;
  }

  async put(requestId: string, actorId: string, response: unknown, at: Date): Promise<void> {
    await this.putStmt.run([storedKey(actorId, requestId), actorId, JSON.stringify(response), at.toISOString()]);
  }

  /** A retry comes within seconds; a day is far more than any client waits. */
  async trimOlderThan(at: Date): Promise<void> {
    await this.trimStmt.run([at.toISOString()]);
  }
}

import type { Sql } from "./sql.js";

/**
 * The roof sign's queue numbers: a counter per day and series (appointments, walk-ins) that only
 * goes up, so a number is never handed out twice on one day, whatever became of its first card.
 */
export class QueueNumberRepo {
  private readonly nextStmt;

  constructor(sql: Sql) {
    this.nextStmt = sql.prepare<{ last: number }>(
      `INSERT INTO queue_numbers (date, walk_in, last) VALUES (@date, @walkIn, 1)
         ON CONFLICT (date, walk_in) DO UPDATE SET last = queue_numbers.last + 1 RETURNING last`,
    );
  }

  /** The next number of the day's series; call it inside the write that stores the card. */
  async next(date: string, walkIn: boolean): Promise<number> {
    const row = await this.nextStmt.get({ date, walkIn: Number(walkIn) });
    if (!row) throw new Error("queue number counter returned no row");
    return row.last;
  }
}

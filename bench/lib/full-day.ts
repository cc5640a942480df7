import type { Board } from "../../server/board/board.js";
import { isAwaited } from "../../shared/rules/lateness.js";
import { formatMinutesOfDay } from "../../shared/rules/time-of-day.js";
import type { FixtureName } from "../../shared/schemas/sample.js";

/** The bench server's first manager, whom the editor signs in as (the staff namespace wants a session). */
export const BENCH_ADMIN_PASSWORD = "bench-admin-password";

export interface BenchCard {
  id: number;
  version: number;
  startTime: string;
}

/**
 * The benchmark's day is the fixture every test and `npm run sample -- --full` use too
 * (server/sample/fixture-plan.ts): 12 advisors × 25 cards, 08:00–21:00, two to a 60-minute slot,
 * seeded through the pipeline (the browser section also seeds the busy and big days). Returns the cards a move may be made on (still expected; the
 * day's few cancelled cards stay put).
 */
export async function seedFullDay(board: Board, date: string, fixture: FixtureName = "full"): Promise<BenchCard[]> {
  await board.executeSystem({ type: "sample.seed", date, fixture }, { id: "bench", name: "bench", role: "system" });
  return (await board
    .snapshot(date))
    .appointments.filter((a) => isAwaited(a.status))
    .map(({ id, version, startTime }) => ({ id, version, startTime }));
}

/** The other half hour of the same cell: a move that keeps the card on the same row and column. */
export function otherHalf(startTime: string): string {
  const [h, m] = startTime.split(":").map(Number) as [number, number];
  return formatMinutesOfDay(h * 60 + (m === 0 ? 30 : 0));
}

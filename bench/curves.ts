// How cost grows (issue 16, point 6): last-display latency from 1 to 2,000 displays, magboard beside
// bare Socket.IO, and the server's time per move from the sample's day to the big site's 900 cards.
import { openServerPair } from "./lib/server-pair.js";
import { measureFanout, type FanoutOptions } from "./fanout.js";
import { measurePipeline } from "./pipeline-cost.js";
import type { Summary } from "./lib/stats.js";
import type { FixtureName } from "../shared/schemas/sample.js";

export const CURVE_DISPLAYS = [1, 50, 200, 500, 1_000, 2_000];
/** Days from small to large: the sample, the busy day, the full day, the big site. */
const CURVE_FIXTURES: FixtureName[] = ["sample", "busy", "full", "big"];

export interface DisplayPoint {
  n: number;
  ours: Summary;
  bare: Summary;
  lost: number;
}

export interface MovePoint {
  cards: number;
  fixture: FixtureName;
  move: Summary;
  bareCommit: Summary;
}

export interface CurvesResult {
  displays: DisplayPoint[];
  moveCost: MovePoint[];
  fanoutOpts: FanoutOptions;
}

interface CurveOptions {
  tmp: string;
  date: string;
  quick: boolean;
  synchronous: "FULL" | "NORMAL";
  log: (msg: string) => void;
}

export async function measureCurves(o: CurveOptions): Promise<CurvesResult> {
  const moveCost: MovePoint[] = [];
  for (const fixture of CURVE_FIXTURES) {
    o.log(`curves: server time per move on the ${fixture} day`);
    const r = await measurePipeline(o.tmp, o.date, o.quick ? 2 : 3, o.quick ? 300 : 600, fixture);
    moveCost.push({ cards: r.cards, fixture, move: r.move, bareCommit: r.bareCommit });
  }

  // fewer changes per point than the fan-out section: the curve's shape is the point, and 2,000 displays take a while
  const fanoutOpts: FanoutOptions = o.quick ? { repeats: 1, samples: 50, warmup: 5, pauseMs: 10 } : { repeats: 2, samples: 100, warmup: 10, pauseMs: 10 };
  const displays: DisplayPoint[] = [];
  const pair = await openServerPair(o.tmp, o.date, o.synchronous);
  const { ours, bare } = pair;
  try {
    for (const n of CURVE_DISPLAYS) {
      o.log(`curves: ${n} displays on each server`);
      await ours.connectDisplays(n);
      await bare.connectDisplays(n);
      const f = await measureFanout(n, ours, bare, fanoutOpts);
      displays.push({ n, ours: f.ours.last, bare: f.bare.last, lost: f.ours.lost + f.bare.lost });
      await ours.disconnectDisplays();
      await bare.disconnectDisplays();
    }
    if (ours.errors.length) throw new Error(`magboard refused ${ours.errors.length} commands, e.g. ${ours.errors[0]}`);
  } finally {
    await pair.close();
  }
  return { displays, moveCost, fanoutOpts };
}

import path from "node:path";
import { buildPages, hasDisplayPage } from "./bundle-size.js";
import { measureDisplay, type DisplayRun } from "./lib/display-run.js";
import type { FixtureName } from "../shared/schemas/sample.js";

export type BrowserResult = DisplayRun;

/** The days the page is measured on, each in the layout it takes by itself: the busy day as the grid, the full and big ones as the list. */
const DAYS: readonly FixtureName[] = ["busy", "full", "big"];

export interface BrowserOptions {
  quick: boolean;
  date: string;
  log: (msg: string) => void;
}

/** Builds the pages once for every section that shows them in Chromium. */
export function builtPages(tmp: string): string | { missing: string } {
  if (!hasDisplayPage()) return { missing: "display/index.html does not exist on this branch" };
  const dist = path.join(tmp, "dist");
  buildPages(dist);
  return dist;
}

/** A real headless Chromium showing the built display page at 1920×1080, on each busy day in its own layout, at this machine's speed. */
export async function measureBrowser(tmp: string, dist: string, opt: BrowserOptions): Promise<BrowserResult[]> {
  const results: BrowserResult[] = [];
  for (const [i, fixture] of DAYS.entries()) {
    results.push(
      await measureDisplay({
        tmp,
        dist,
        date: opt.date,
        fixture,
        viewport: { width: 1920, height: 1080 },
        cpuSlowdown: 1,
        loads: opt.quick ? 5 : 10,
        coldLoads: 0,
        patchRuns: opt.quick ? 2 : 3,
        patchesPerRun: 200,
        // the page, not the day, must not grow: measured on the first (busy) day only
        heap: i === 0 ? { warmUp: 2_000, total: opt.quick ? 5_000 : 20_000, every: opt.quick ? 1_500 : 6_000 } : null,
        pageTurns: 0,
        log: opt.log,
      }),
    );
  }
  return results;
}

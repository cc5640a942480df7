import { measureDisplay, type DisplayRun } from "./lib/display-run.js";

/** Chromium's CPU throttling: a smart-TV browser or an Android stick, several times slower than this machine. */
export const TV_SLOWDOWN = 6;

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const;

export interface TvCheapOptions {
  quick: boolean;
  date: string;
  log: (msg: string) => void;
}

/**
 * The cheap TV: the busy day as the grid (the heaviest page the TV draws by itself) with the CPU
 * slowed six times, at 1080p and 4K: full board painted, patch painted, heap over 20,000 patches
 * (5,000 in quick mode) and the cold load, from the navigation's start with an empty cache.
 */
export async function measureCheapTv(tmp: string, dist: string, opt: TvCheapOptions): Promise<DisplayRun[]> {
  const runs: DisplayRun[] = [];
  for (const viewport of SIZES) {
    runs.push(
      await measureDisplay({
        tmp,
        dist,
        date: opt.date,
        fixture: "busy",
        viewport,
        cpuSlowdown: TV_SLOWDOWN,
        loads: opt.quick ? 3 : 10,
        coldLoads: opt.quick ? 2 : 5,
        patchRuns: opt.quick ? 1 : 3,
        patchesPerRun: opt.quick ? 100 : 200,
        heap: { warmUp: 2_000, total: opt.quick ? 5_000 : 20_000, every: opt.quick ? 1_500 : 3_000 },
        pageTurns: 0,
        log: opt.log,
      }),
    );
  }
  return runs;
}

import { measureDisplay, type DisplayRun } from "./lib/display-run.js";
import { measureEditorDrag, type DragResult } from "./editor-drag.js";
import { measurePipeline, type PipelineResult } from "./pipeline-cost.js";

export interface BigSiteResult {
  /** The TV at normal speed, 1920×1080: as it chooses (the list) and with the grid asked for (advisors paged). */
  tv: DisplayRun[];
  drag: DragResult;
  /** The server's move on the 900-card day, beside the same on the 300-card day (same run). */
  move: PipelineResult;
  moveFull: PipelineResult;
}

export interface BigSiteOptions {
  quick: boolean;
  date: string;
  log: (msg: string) => void;
}

/** A big dealership: 30 advisors × 900 cards a day (`npm run sample -- --big`). */
export async function measureBigSite(tmp: string, dist: string, opt: BigSiteOptions): Promise<BigSiteResult> {
  const tv: DisplayRun[] = [];
  for (const query of ["", "layout=grid"]) {
    tv.push(
      await measureDisplay({
        tmp,
        dist,
        date: opt.date,
        fixture: "big",
        viewport: { width: 1920, height: 1080 },
        cpuSlowdown: 1,
        loads: opt.quick ? 5 : 10,
        coldLoads: opt.quick ? 2 : 5,
        patchRuns: opt.quick ? 1 : 3,
        patchesPerRun: opt.quick ? 100 : 200,
        heap: null,
        pageTurns: opt.quick ? 5 : 20,
        query,
        log: opt.log,
      }),
    );
  }
  const drag = await measureEditorDrag(tmp, dist, opt.date, "big", opt.quick, opt.log);
  opt.log("server move cost on the 900-card day and the 300-card day");
  const repeats = opt.quick ? 2 : 3;
  const samples = opt.quick ? 500 : 1_000;
  const move = await measurePipeline(tmp, opt.date, repeats, samples, "big");
  const moveFull = await measurePipeline(tmp, opt.date, repeats, samples, "full");
  return { tv, drag, move, moveFull };
}

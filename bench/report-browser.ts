import type { DisplayRun } from "./lib/display-run.js";
import type { BigSiteResult } from "./big-site.js";
import { mb, ms, ms2, table, verdict } from "./lib/markdown.js";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : "–");
const size = (r: DisplayRun) => `${r.viewport.width}×${r.viewport.height}`;

/** The rows every display run has, with the targets of the section it is in (ms). */
export function browserRows(b: DisplayRun, target: { full: number; patch: number; cold?: number }): (string | number)[][] {
  const thing = b.layout === "grid" ? "card" : "line";
  const rows: (string | number)[][] = [
    [`snapshot received → first page painted at full size (ms, ${b.fullBoard.n} page loads, ${b.cardsShown} ${thing}s on it)`, ms(b.fullBoard.p50), ms(b.fullBoard.p99), ms(b.fullBoard.max), `< ${target.full} ms`, verdict(b.fullBoard.p99 < target.full)],
  ];
  if (b.coldLoad) {
    const cold = target.cold ?? Infinity;
    rows.push([`cold load: navigation start, cache empty → first page painted (ms, ${b.coldLoad.n} loads)`, ms(b.coldLoad.p50), ms(b.coldLoad.p99), ms(b.coldLoad.max), Number.isFinite(cold) ? `< ${cold} ms` : "", Number.isFinite(cold) ? verdict(b.coldLoad.p99 < cold) : ""]);
  }
  rows.push(
    [`patch received → the changed ${thing} painted (ms, ${b.patchPaint.n} patches, each on the page shown)`, ms(b.patchPaint.p50), ms(b.patchPaint.p99), ms(b.patchPaint.max), `< ${target.patch} ms`, verdict(b.patchPaint.p99 < target.patch)],
    [`… painted in the first frame after it arrived`, pct(b.firstFrameShare), "", "", "every patch", verdict(b.firstFrameShare === 1)],
    ["of which the page's own work (its task and its render in the frame, ms)", ms2(b.patchWork.p50), ms2(b.patchWork.p99), ms2(b.patchWork.max), b.cpuSlowdown === 1 ? "p99 ≤ 3 ms" : "", b.cpuSlowdown === 1 ? verdict(b.patchWork.p99 <= 3) : ""],
  );
  // the wall clock above also counts the time the page's thread waited for a core (the server and the editor share this machine's)
  if (b.patchWorkCpu) {
    const c = b.patchWorkCpu;
    rows.push([`… the same in the page thread's CPU time (a traced run of ${c.n} patches, ms)`, ms2(c.p50), ms2(c.p99), ms2(c.max), "p99 ≤ 3 ms", verdict(c.p99 <= 3)]);
  }
  if (b.pageTurn) rows.push([`→ pressed → the next of ${b.pages} pages painted (ms, ${b.pageTurn.n} turns)`, ms(b.pageTurn.p50), ms(b.pageTurn.p99), ms(b.pageTurn.max), "", ""]);
  if (b.heap) {
    const h = b.heap;
    rows.push([
      `JS heap after GC: after ${h.warmUp} → after ${h.patches} patches (MB); slope over ${h.samples.length} readings`,
      `${mb(h.before)} → ${mb(h.after)}`,
      `${(h.slopePer1000 / 1024).toFixed(1)} KB per 1,000 patches`,
      "",
      "flat",
      verdict(h.after - h.before < 1024 * 1024),
    ]);
  }
  return rows;
}

export function renderCheapTv(runs: DisplayRun[] | { missing: string }): string {
  let out = `### A cheap TV: the display page with the CPU slowed six times (CDP Emulation.setCPUThrottlingRate)\n\n`;
  if ("missing" in runs) return out + `not measured: ${runs.missing}\n\n`;
  for (const r of runs) {
    out += `**${r.fixture}** day (${r.totalCards} movable cards) at ${size(r)}, ${r.cpuSlowdown}× slower, shown as the ${r.layout}:\n\n`;
    out += table(["measure", "p50", "p99", "max", "target", ""], browserRows(r, { full: 500, patch: 50, cold: 2_000 }));
  }
  return out;
}

export function renderBigSite(b: BigSiteResult | { missing: string }): string {
  let out = `### A big dealership: 30 advisors × 900 cards\n\n`;
  if ("missing" in b) return out + `not measured: ${b.missing}\n\n`;
  const tv = b.tv[0]!;
  out += table(
    ["measure", "figure", "target", ""],
    [
      ["snapshot a display receives (one WebSocket frame, masked)", `${kb(tv.snapshotBytes)} (gzip ${kb(tv.snapshotGzipBytes)})`, "≤ 200 KB", verdict(tv.snapshotBytes <= 200 * 1024)],
      [
        "snapshot the editor loads (`GET /api/board`, staff): raw, and on the wire to a browser asking gzip",
        b.drag.staffSnapshotWireBytes === undefined ? kb(b.drag.staffSnapshotBytes) : `${kb(b.drag.staffSnapshotBytes)} (wire ${kb(b.drag.staffSnapshotWireBytes)}${b.drag.staffSnapshotEncoding ? `, ${b.drag.staffSnapshotEncoding}` : ", not compressed"})`,
        "",
        "",
      ],
      [`editor: frame to frame while a card is carried across the day (ms, ${b.drag.frames.n} frames) p50 / p99 / max`, `${ms(b.drag.frames.p50)} / ${ms(b.drag.frames.p99)} / ${ms(b.drag.frames.max)}`, "p99 < 20 ms", verdict(b.drag.frames.p99 < 20)],
      ["server: `board.execute` of a move, 900-card day, p50 / p99 (ms)", `${ms2(b.move.move.p50)} / ${ms2(b.move.move.p99)}`, "", ""],
      ["… the same on the 300-card day, same run", `${ms2(b.moveFull.move.p50)} / ${ms2(b.moveFull.move.p99)}`, "", ""],
    ],
  );
  for (const r of b.tv) {
    out += `The TV at ${size(r)}, normal speed, as the ${r.layout}${r.layout === "grid" ? " (asked for with layout=grid)" : " (its own choice)"}, ${r.pages} pages:\n\n`;
    out += table(["measure", "p50", "p99", "max", "target", ""], browserRows(r, { full: 300, patch: 16 }));
  }
  return out;
}

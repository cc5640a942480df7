import type { Machine } from "./lib/machine.js";
import { round } from "./lib/stats.js";
import { mb, ms, ms2, table, verdict } from "./lib/markdown.js";
import type { FanoutOptions, FanoutResult, ThroughputResult } from "./fanout.js";
import type { ColdStartResult } from "./cold-start.js";
import type { BundleResult } from "./bundle-size.js";
import type { BrowserResult } from "./browser.js";
import type { BigSiteResult } from "./big-site.js";
import { browserRows, renderBigSite, renderCheapTv } from "./report-browser.js";
import type { PipelineResult } from "./pipeline-cost.js";

import type { MemoryRow } from "./memory.js";
import type { StormResult } from "./storm.js";
import type { CurvesResult } from "./curves.js";
import type { ClusterResult } from "./cluster.js";
import { renderCluster } from "./report-cluster.js";

export interface Results {
  machine: Machine;
  mode: "quick" | "full";
  settings: { fanoutOpts: FanoutOptions; throughputOpts: { stepMs: number; repeats: number }; displayCounts: number[]; date: string; synchronous: "FULL" | "NORMAL" };
  pipeline?: PipelineResult;
  payloadBytes?: number;
  fanout?: FanoutResult[];
  throughput?: ThroughputResult[];
  memory?: MemoryRow[];
  storm?: StormResult;
  coldStart?: ColdStartResult;
  bundle?: BundleResult | { missing: string };
  browser?: BrowserResult[] | { missing: string };
  tvCheap?: BrowserResult[] | { missing: string };
  bigSite?: BigSiteResult | { missing: string };
  curves?: CurvesResult;
  cluster?: ClusterResult | { missing: string };
  durationSeconds?: number;
}

/** Markdown, so the same text goes to the terminal and into the README's Performance section. */
export function renderReport(r: Results): string {
  const m = r.machine;
  let out = `## magboard bench (${r.mode}), ${m.date}\n\n`;
  out += `${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, load average at start ${m.loadAverage.join(" / ")}; temp dir on ${m.tempDisk}.\n`;
  out += `Every figure is the median over the runs; every latency has its baseline from the same run.\n\n`;

  if (r.pipeline) {
    const p = r.pipeline;
    out += `### Server time per move (in process, ms; ${p.move.n} moves of cards on a 300-card day)\n\n`;
    out += table(
      ["", "p50", "p99", "max"],
      [
        ["magboard `board.execute` of a move (validate, version, FULL commit with audit, ack, publish, clock re-check)", ms2(p.move.p50), ms2(p.move.p99), ms2(p.move.max)],
        ["baseline: one-row UPDATE committed alone, same file, synchronous=FULL", ms2(p.bareCommit.p50), ms2(p.bareCommit.p99), ms2(p.bareCommit.max)],
      ],
    );
  }

  if (r.fanout) {
    // the targets: within 1.25× of bare Socket.IO at 200 displays, 1.15× at 500 and more
    const fanoutTarget = (n: number) => (n >= 500 ? 1.15 : n >= 200 ? 1.25 : null);
    const o = r.settings.fanoutOpts;
    out += `### Change to every screen (emit → last display, ms; ${o.repeats} runs × ${o.samples} changes, payload ${r.payloadBytes} B, magboard on synchronous=${r.settings.synchronous})\n\n`;
    out += table(
      ["displays", "magboard p50 / p99 / max", "bare Socket.IO p50 / p99 / max", "p99 ratio", "target (issue 16): ≤ 1.25× at 200, ≤ 1.15× at 500", "magboard ack p50", "lost"],
      r.fanout.map((f) => {
        const target = fanoutTarget(f.n);
        return [
        f.n,
        `${ms(f.ours.last.p50)} / ${ms(f.ours.last.p99)} / ${ms(f.ours.last.max)}`,
        `${ms(f.bare.last.p50)} / ${ms(f.bare.last.p99)} / ${ms(f.bare.last.max)}`,
        `${round(f.p99Ratio, 2)}×`,
        target === null ? "–" : `${verdict(f.p99Ratio <= target)} (≤ ${target}×)`,
        ms(f.ours.ack.p50),
        f.ours.lost + f.bare.lost,
      ];
      }),
    );
  }

  if (r.throughput) {
    out += `### Throughput (open loop, ${r.settings.throughputOpts.stepMs} ms per rate, ${r.settings.throughputOpts.repeats} runs)\n\n`;
    out += table(
      ["server", "displays", "sustained commands/s (p99 ≤ 2× closed-loop p99, none lost)", "closed-loop p99 (ms)", "rate:p99 per step, per run"],
      r.throughput.map((t) => [
        t.target,
        t.displays === 0 ? "0 (emit → ack)" : t.displays,
        t.sustained,
        ms(t.baselineP99),
        t.runs.map((run) => run.steps.map((s) => `${s.rate}:${ms(s.latency.p99)}`).join(" ")).join(" ‖ "),
      ]),
    );
  }

  if (r.memory) {
    out += `### Server memory (fresh servers per run, displays following the full day, read after a full GC; per display = median of each run's growth)\n\n`;
    out += table(
      [
        "displays",
        "magboard RSS (MB)",
        "RSS KB per display (from 0)",
        "RSS KB per display added (from the row above)",
        "target ≤ 60 KB",
        "JS heap KB per display",
        "bare RSS (MB)",
        "bare RSS KB per display (from 0 / added)",
        "bare heap KB per display",
      ],
      r.memory.map((x) => [
        x.displays,
        mb(x.oursRss),
        ms(x.oursRssPerDisplay),
        ms(x.oursRssPerAdded),
        x.displays ? verdict(Math.max(x.oursRssPerDisplay, x.oursRssPerAdded) <= 60) : "–",
        ms(x.oursHeapPerDisplay),
        mb(x.bareRss),
        `${ms(x.bareRssPerDisplay)} / ${ms(x.bareRssPerAdded)}`,
        ms(x.bareHeapPerDisplay),
      ]),
    );
  }

  if (r.storm) out += renderStorm(r.storm);

  if (r.coldStart) {
    out += `### Cold start\n\n`;
    out += `\`node --import tsx server/main.ts\` on an empty DATA_DIR until /api/health answers: **${ms(r.coldStart.ms)} ms** (runs: ${r.coldStart.runs.map(ms).join(", ")}).\n\n`;
  }

  if (r.bundle) {
    out += `### Display page bundle\n\n`;
    if ("missing" in r.bundle) out += `not measured: ${r.bundle.missing}\n\n`;
    else {
      out += `${(r.bundle.gzipBytes / 1024).toFixed(1)} KB gzip (${(r.bundle.rawBytes / 1024).toFixed(1)} KB raw); target ≤ 60 KB: ${verdict(r.bundle.gzipBytes <= 60 * 1024)}.\n\n`;
      out += table(["file", "raw (KB)", "gzip (KB)"], r.bundle.files.map((f) => [f.file, (f.raw / 1024).toFixed(1), (f.gzip / 1024).toFixed(1)]));
    }
  }

  if (r.browser) {
    out += `### Display page in headless Chromium\n\n`;
    if ("missing" in r.browser) out += `not measured: ${r.browser.missing}\n\n`;
    else for (const b of r.browser) out += `**${b.fixture}** day (${b.totalCards} movable cards), shown as the ${b.layout}:\n\n${renderBrowser(b)}`;
  }
  if (r.tvCheap) out += renderCheapTv(r.tvCheap);
  if (r.bigSite) out += renderBigSite(r.bigSite);
  if (r.curves) out += renderCurves(r.curves);
  if (r.cluster) out += "missing" in r.cluster ? `### A dealer group on one machine\n\nnot measured: ${r.cluster.missing}\n\n` : renderCluster(r.cluster);
  return out;
}

function renderCurves(c: CurvesResult): string {
  const o = c.fanoutOpts;
  let out = `### How cost grows (charts: docs/perf/curve-displays.svg, docs/perf/curve-move-cost.svg)\n\n`;
  out += `Change → last display (ms; ${o.repeats} runs × ${o.samples} changes per point, interleaved with the baseline):\n\n`;
  out += table(
    ["displays", "magboard p50 / p99", "bare Socket.IO p50 / p99", "p99 ratio", "lost"],
    c.displays.map((d) => [d.n, `${ms(d.ours.p50)} / ${ms(d.ours.p99)}`, `${ms(d.bare.p50)} / ${ms(d.bare.p99)}`, `${round(d.ours.p99 / d.bare.p99, 2)}×`, d.lost]),
  );
  out += `Server time per move by the size of the day (in process, ms):\n\n`;
  out += table(
    ["day", "cards", "move p50 / p99", "bare commit p50", "move ÷ commit (p50)"],
    c.moveCost.map((m) => [m.fixture, m.cards, `${ms2(m.move.p50)} / ${ms2(m.move.p99)}`, ms2(m.bareCommit.p50), `${round(m.move.p50 / m.bareCommit.p50, 2)}×`]),
  );
  return out;
}

function renderStorm(s: StormResult): string {
  const sec = (x: number) => (Number.isFinite(x) ? (x / 1000).toFixed(2) : "–");
  const ratio = (x: number) => `${round(x, 2)}×`;
  let out = `### Reconnect storm (${s.displays} displays following the full day; the server SIGKILLed and listening again ${sec(s.downMs)} s later (or once started, if that takes longer), then ${s.changes} changes; the display's own sync core and backoff, the same jitter for both servers; ${s.ours.runs.length} runs)\n\n`;
  out += table(
    ["server", "kill → listening again (s)", "kill → each display back, live at the newest revision: p50 / p99 / last (s)", "listening → last back (s)", "target: last ≤ 10 s", "JS heap after ÷ calm", "RSS after ÷ calm", "target: heap ≤ 1.25×", "JS heap / RSS after (MB)"],
    [s.ours, s.bare].map((x) => [
      x.target,
      sec(x.downMs),
      `${sec(x.back.p50)} / ${sec(x.back.p99)} / ${sec(x.back.max)}`,
      sec(x.lastFromUpMs),
      x === s.ours ? verdict(x.back.max <= 10_000) : "–",
      ratio(x.heapRatio),
      ratio(x.rssRatio),
      x === s.ours ? verdict(x.heapRatio <= 1.25) : "–",
      `${mb(x.after.heapUsed)} / ${mb(x.after.rss)}`,
    ]),
  );
  out += `Last display back, magboard ÷ bare Socket.IO: **${ratio(s.lastRatio)}**. "Calm" is the same server with the same displays following before the kill; "after" is the restarted server once all are back, both after a full GC.\n\n`;
  return out;
}

function renderBrowser(b: BrowserResult): string {
  return table(["measure", "p50", "p99", "max", "target", ""], browserRows(b, { full: 200, patch: 16 }));
}

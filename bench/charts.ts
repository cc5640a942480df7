// The curves as SVG line charts for the README, drawn from bench/results.json by code, never by hand.
// `npm run bench:charts` redraws them from the last results; `npm run bench -- --only=curves` measures and draws.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { CurvesResult } from "./curves.js";

export interface Series {
  name: string;
  colour: string;
  dashed?: boolean;
  points: { x: number; y: number }[];
}

interface Chart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
}

const W = 720;
const H = 400;
const PAD = { left: 64, right: 180, top: 40, bottom: 56 };

/** Round numbers for the axis: 1, 2 or 5 times a power of ten, about five of them. */
function ticks(max: number): number[] {
  if (!(max > 0)) return [0];
  const raw = max / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? mag * 10;
  const out: number[] = [];
  for (let v = 0; v <= max + step / 2; v += step) out.push(Number(v.toPrecision(6)));
  return out;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function lineChart(c: Chart): string {
  const xs = c.series.flatMap((s) => s.points.map((p) => p.x));
  const ys = c.series.flatMap((s) => s.points.map((p) => p.y)).filter(Number.isFinite);
  const xTicks = ticks(Math.max(...xs, 1));
  const yTicks = ticks(Math.max(...ys, 0) * 1.05);
  const xMax = xTicks[xTicks.length - 1]!;
  const yMax = yTicks[yTicks.length - 1]!;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const X = (x: number) => PAD.left + (x / xMax) * plotW;
  const Y = (y: number) => PAD.top + plotH - (y / yMax) * plotH;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="12" role="img" aria-label="${esc(c.title)}">`);
  parts.push(`<title>${esc(c.title)}</title>`);
  parts.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  parts.push(`<text x="${PAD.left}" y="22" font-size="14" font-weight="bold">${esc(c.title)}</text>`);
  for (const t of yTicks) {
    parts.push(`<line x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${Y(t)}" y2="${Y(t)}" stroke="#ddd"/>`);
    parts.push(`<text x="${PAD.left - 8}" y="${Y(t) + 4}" text-anchor="end">${t}</text>`);
  }
  for (const t of xTicks) {
    parts.push(`<line x1="${X(t)}" x2="${X(t)}" y1="${PAD.top + plotH}" y2="${PAD.top + plotH + 5}" stroke="#333"/>`);
    parts.push(`<text x="${X(t)}" y="${PAD.top + plotH + 20}" text-anchor="middle">${t}</text>`);
  }
  parts.push(`<line x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${PAD.top + plotH}" y2="${PAD.top + plotH}" stroke="#333"/>`);
  parts.push(`<line x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${PAD.top + plotH}" stroke="#333"/>`);
  parts.push(`<text x="${PAD.left + plotW / 2}" y="${H - 12}" text-anchor="middle">${esc(c.xLabel)}</text>`);
  parts.push(`<text transform="translate(16 ${PAD.top + plotH / 2}) rotate(-90)" text-anchor="middle">${esc(c.yLabel)}</text>`);
  c.series.forEach((s, i) => {
    const pts = s.points.filter((p) => Number.isFinite(p.y));
    const dash = s.dashed ? ` stroke-dasharray="6 4"` : "";
    parts.push(`<polyline fill="none" stroke="${s.colour}" stroke-width="2"${dash} points="${pts.map((p) => `${X(p.x).toFixed(1)},${Y(p.y).toFixed(1)}`).join(" ")}"/>`);
    for (const p of pts) parts.push(`<circle cx="${X(p.x).toFixed(1)}" cy="${Y(p.y).toFixed(1)}" r="3" fill="${s.colour}"><title>${esc(`${s.name}: ${p.x} → ${p.y.toFixed(2)}`)}</title></circle>`);
    const ly = PAD.top + 10 + i * 20;
    const lx = W - PAD.right + 16;
    parts.push(`<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${s.colour}" stroke-width="2"${dash}/>`);
    parts.push(`<text x="${lx + 30}" y="${ly + 4}">${esc(s.name)}</text>`);
  });
  parts.push(`</svg>`);
  return parts.join("\n") + "\n";
}

const OURS = "#b00020";
const BARE = "#1a5fb4";

/** The two charts of point 6, written next to the README's Performance section. */
export function writeCurveCharts(c: CurvesResult, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const displays = lineChart({
    title: "Change → last display (ms) by displays following, magboard beside bare Socket.IO",
    xLabel: "displays following the day",
    yLabel: "ms, emit → last display",
    series: [
      { name: "magboard p99", colour: OURS, points: c.displays.map((d) => ({ x: d.n, y: d.ours.p99 })) },
      { name: "magboard p50", colour: OURS, dashed: true, points: c.displays.map((d) => ({ x: d.n, y: d.ours.p50 })) },
      { name: "bare p99", colour: BARE, points: c.displays.map((d) => ({ x: d.n, y: d.bare.p99 })) },
      { name: "bare p50", colour: BARE, dashed: true, points: c.displays.map((d) => ({ x: d.n, y: d.bare.p50 })) },
    ],
  });
  const moves = lineChart({
    title: "Server time per move (ms) by cards on the day",
    xLabel: "cards on the day",
    yLabel: "ms per move, in process",
    series: [
      { name: "move p99", colour: OURS, points: c.moveCost.map((m) => ({ x: m.cards, y: m.move.p99 })) },
      { name: "move p50", colour: OURS, dashed: true, points: c.moveCost.map((m) => ({ x: m.cards, y: m.move.p50 })) },
      { name: "bare commit p50", colour: BARE, dashed: true, points: c.moveCost.map((m) => ({ x: m.cards, y: m.bareCommit.p50 })) },
    ],
  });
  const files = [path.join(dir, "curve-displays.svg"), path.join(dir, "curve-move-cost.svg")];
  writeFileSync(files[0]!, displays);
  writeFileSync(files[1]!, moves);
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
  const results = JSON.parse(readFileSync(path.join(root, "bench", "results.json"), "utf8")) as { curves?: CurvesResult };
  if (!results.curves) throw new Error("bench/results.json has no curves: run `npm run bench -- --only=curves` first");
  for (const f of writeCurveCharts(results.curves, path.join(root, "docs", "perf"))) process.stdout.write(`wrote ${path.relative(root, f)}\n`);
}

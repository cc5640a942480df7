import { LitElement, css, html } from "lit";
import { customElement, property, query } from "lit/decorators.js";
import uPlot from "uplot";
import type { ChartSpec, Tone } from "./report-tables.js";
import { uplotStyles } from "./uplot-styles.js";

declare global {
  interface HTMLElementTagNameMap {
    "report-chart": ReportChart;
  }
}

const TONE_TOKEN: Record<Tone, string> = {
  ok: "--mb-arrived",
  bad: "--mb-late",
  warn: "--mb-grace",
  info: "--mb-confirmed",
  muted: "--mb-no-show",
};

const HEIGHT = 240;

/**
 * Bars of one group side by side around each category: uPlot draws the canvas, this only says
 * where each rectangle goes (its own bars builder spaces bars of different series on top of each other).
 */
function groupedBars(index: number, count: number): uPlot.Series.PathBuilder {
  return (u, seriesIdx, idx0, idx1) => {
    const fill = new Path2D();
    const xs = u.data[0];
    const ys = u.data[seriesIdx]!;
    const slot = Math.abs(u.valToPos(1, "x", true) - u.valToPos(0, "x", true));
    const width = (slot * 0.76) / count;
    const zero = u.valToPos(0, "y", true);
    for (let i = idx0; i <= idx1; i++) {
      const v = ys[i];
      if (v === null || v === undefined) continue;
      const left = u.valToPos(xs[i]!, "x", true) - slot * 0.38 + index * width;
      const top = u.valToPos(v, "y", true);
      fill.rect(left, Math.min(top, zero), width * 0.92, Math.max(1, Math.abs(zero - top)));
    }
    return { stroke: fill, fill };
  };
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

/**
 * A category's name as it fits under its bar: whole when there is room, else the part after the
 * last " · " (服务顾问 A · 王磊 → A · 王磊), else cut with an ellipsis; the table beside has it whole.
 */
export function fitLabel(label: string, px: number): string {
  const max = Math.max(2, Math.floor(px / 13));
  if (label.length <= max) return label;
  const tail = label.split(" · ").at(-1) ?? label;
  return tail.length <= max ? tail : `${tail.slice(0, max - 1)}…`;
}

/**
 * One chart of the manager's reports, drawn by uPlot on a canvas: bars per category or a line per
 * series over the days. The numbers are in the table beside it (report-panel); this is the picture.
 */
@customElement("report-chart")
export class ReportChart extends LitElement {
  @property({ attribute: false }) spec: ChartSpec | null = null;
  /** What the chart shows, for screen readers (the table beside it has the numbers). */
  @property() label = "";
  /** Said instead of an empty chart when there is nothing in the period. */
  @property() empty = "";

  @query(".plot") private plotEl?: HTMLElement;
  private plot: uPlot | null = null;
  private readonly resize = new ResizeObserver(() => this.plot?.setSize(this.size()));

  static override styles = [
    uplotStyles,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      .plot {
        min-height: ${HEIGHT}px;
      }
      .none {
        color: var(--mb-text-muted);
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    this.plot?.destroy();
    this.plot = null;
  }

  /** The series uPlot drew, for a reader that checks the picture against the table. */
  get drawnSeries(): { label: string; values: (number | null)[] }[] {
    const u = this.plot;
    if (!u) return [];
    return u.series.slice(1).map((s, i) => ({ label: typeof s.label === "string" ? s.label : (s.label?.textContent ?? ""), values: [...(u.data[i + 1] ?? [])].map((v) => v ?? null) }));
  }

  private size(): { width: number; height: number } {
    return { width: Math.max(240, Math.floor(this.getBoundingClientRect().width)), height: HEIGHT };
  }

  private colour(tone: Tone): string {
    return getComputedStyle(this).getPropertyValue(TONE_TOKEN[tone]).trim() || "#555";
  }

  private options(spec: ChartSpec): uPlot.Options {
    const text = getComputedStyle(this).getPropertyValue("--mb-text").trim() || "#111";
    const line = getComputedStyle(this).getPropertyValue("--mb-line").trim() || "#ccc";
    const n = spec.categories.length;
    const every = Math.max(1, Math.ceil(n / 16));
    const axis = { stroke: text, grid: { stroke: line, width: 1 }, ticks: { stroke: line, width: 1 }, font: "12px system-ui, sans-serif" };
    const series: uPlot.Series[] = spec.series.map((s, i) => {
      const c = this.colour(s.tone);
      return spec.kind === "bars"
        ? { label: s.label, stroke: c, fill: c, width: 0, paths: groupedBars(i, spec.series.length), points: { show: false }, value: (_u, v) => (v === null ? "–" : spec.percent ? pct(v) : String(v)) }
        : { label: s.label, stroke: c, width: 2, points: { show: true, size: 6, fill: c }, spanGaps: false, value: (_u, v) => (v === null ? "–" : spec.percent ? pct(v) : String(v)) };
    });
    if (spec.limit !== undefined) series.push({ label: `${spec.limit}′`, stroke: text, width: 1, dash: [5, 4], points: { show: false } });
    const values = spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
    const top = spec.percent ? 1 : Math.max(1, spec.limit ?? 0, ...values) * 1.1;
    return {
      ...this.size(),
      series: [{ label: "", value: (_u, v) => (v === null ? "" : (spec.categories[v] ?? "")) }, ...series],
      scales: { x: { time: false, range: [-0.5, n - 0.5] }, y: { range: [0, top] } },
      axes: [
        {
          ...axis,
          splits: () => spec.categories.map((_c, i) => i).filter((i) => i % every === 0),
          // the plot takes the width less the y axis (52 px)
          values: (_u, splits) => splits.map((i) => fitLabel(spec.categories[i] ?? "", ((this.size().width - 60) / n) * every)),
        },
        { ...axis, size: 52, values: (_u, splits) => splits.map((v) => (spec.percent ? pct(v) : String(Math.round(v * 10) / 10))) },
      ],
      legend: { show: true, live: false },
      cursor: { show: false },
    };
  }

  private data(spec: ChartSpec): uPlot.AlignedData {
    const xs = spec.categories.map((_c, i) => i);
    const out: (number | null)[][] = spec.series.map((s) => s.values);
    if (spec.limit !== undefined) out.push(xs.map(() => spec.limit!));
    return [xs, ...out] as uPlot.AlignedData;
  }

  private get drawable(): boolean {
    return this.spec !== null && this.spec.categories.length > 0;
  }

  override updated(changed: Map<string, unknown>): void {
    // drawn again when the figures change, and after the element was taken out and put back
    if (!changed.has("spec") && this.plot) return;
    this.plot?.destroy();
    this.plot = this.drawable && this.plotEl ? new uPlot(this.options(this.spec!), this.data(this.spec!), this.plotEl) : null;
  }

  override render() {
    if (!this.drawable) return html`<p class="none">${this.empty}</p>`;
    return html`<div class="plot" role="img" aria-label=${this.label}></div>`;
  }
}

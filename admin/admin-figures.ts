import { LitElement, css, html, nothing, svg } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Language } from "../shared/schemas/common.js";
import type { ReceptionFigureRow, ReceptionFigures } from "../shared/rules/reception-figures.js";
import { t } from "../shared/i18n/messages.js";
import { errorText } from "../shared/i18n/errors.js";
import { call, LatestAnswer } from "../login/staff-api.js";
import { formStyles } from "./admin-form-styles.js";
import { apiUrl } from "../display/site-path.js";

declare global {
  interface HTMLElementTagNameMap {
    "admin-figures": AdminFigures;
  }
}

const pct = (v: number | null) => (v === null ? "–" : `${Math.round(v * 1000) / 10}%`);
const num = (v: number | null) => (v === null ? "–" : String(v));

/**
 * The manager's reception figures for a day or a range (GET /api/reception/figures): a table per
 * advisor and in total, a bar chart of the minutes to the greeting against the limit, and the CSV.
 * Shown to managers only; for anyone else the server refuses and nothing is drawn.
 */
@customElement("admin-figures")
export class AdminFigures extends LitElement {
  @property() date = "";
  @property() language: Language = "zh-CN";
  @state() private from = "";
  @state() private to = "";
  @state() private figures: ReceptionFigures | null = null;
  @state() private refused = false;
  @state() private error = "";
  private readonly answers = new LatestAnswer();

  static override styles = [
    formStyles,
    css`
      :host {
        display: block;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        padding: 0.3em 0.5em;
        border-bottom: 1px solid var(--mb-line);
        text-align: right;
      }
      th:first-child,
      td:first-child {
        text-align: left;
      }
      tr.total td {
        font-weight: 700;
      }
      .range {
        display: flex;
        gap: 0.5em;
        align-items: end;
        flex-wrap: wrap;
        margin-bottom: 0.6em;
      }
      svg {
        max-width: 560px;
      }
      svg text {
        fill: var(--mb-text);
        font-size: 12px;
      }
      .median {
        fill: var(--mb-confirmed);
      }
      .p90 {
        fill: var(--mb-greeting-overdue);
      }
      .limit {
        stroke: var(--mb-text);
        stroke-dasharray: 4 3;
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has("date") && this.date) {
      this.from = this.date;
      this.to = this.date;
      void this.load();
    }
  }

  private query(): string {
    return `from=${encodeURIComponent(this.from)}&to=${encodeURIComponent(this.to)}&lang=${this.language}`;
  }

  private async load(): Promise<void> {
    const latest = this.answers.ask();
    const res = await call<ReceptionFigures>(apiUrl(`/reception/figures?${this.query()}`));
    if (!latest()) return;
    if (res.ok) {
      this.figures = res.data;
      this.error = "";
    } else if (res.status === 403 || res.status === 401) this.refused = true;
    else this.error = res.error ? errorText(this.language, res.error) : "";
  }

  private chart(rows: ReceptionFigureRow[], limit: number) {
    const w = 560;
    const rowH = 26;
    const left = 150;
    const max = Math.max(limit * 2, ...rows.map((r) => r.greetingP90Minutes ?? 0));
    const x = (m: number) => left + ((w - left - 40) * m) / max;
    const h = rows.length * rowH + 24;
    return html`<figure>
      <figcaption>${t(this.language, "figures.chart")}</figcaption>
      <svg role="img" aria-label=${t(this.language, "figures.chart")} viewBox="0 0 ${w} ${h}" width="100%">
        ${rows.map((r, i) => {
          const y = i * rowH + 4;
          return svg`<text x="0" y=${y + 15}>${r.advisorName || t(this.language, "figures.total")}</text>
            <rect class="p90" x=${left} y=${y + 2} width=${x(r.greetingP90Minutes ?? 0) - left} height="8"></rect>
            <rect class="median" x=${left} y=${y + 11} width=${x(r.greetingMedianMinutes ?? 0) - left} height="8"></rect>
            <text x=${x(r.greetingP90Minutes ?? 0) + 4} y=${y + 15}>${num(r.greetingMedianMinutes)} / ${num(r.greetingP90Minutes)}</text>`;
        })}
        <line class="limit" x1=${x(limit)} x2=${x(limit)} y1="0" y2=${h - 18}></line>
        <text x=${x(limit) - 10} y=${h - 4}>${limit}′</text>
      </svg>
    </figure>`;
  }

  override render() {
    if (this.refused) return nothing;
    const l = this.language;
    const f = this.figures;
    const row = (r: ReceptionFigureRow, total = false) => html`<tr class=${total ? "total" : ""}>
      <td>${total ? t(l, "figures.total") : r.advisorName}</td><td>${r.arrivals}</td><td>${r.walkIns}</td>
      <td>${num(r.greetingMedianMinutes)}</td><td>${num(r.greetingP90Minutes)}</td><td>${pct(r.greetedWithinLimitShare)}</td>
      <td>${r.lateArrivals}</td><td>${num(r.lateMedianMinutes)}</td><td>${r.noShows}</td><td>${pct(r.showRate)}</td>
    </tr>`;
    return html`<h2>${t(l, "figures.title")}</h2>
      <div class="range">
        <label>${t(l, "figures.from")}<input type="date" .value=${this.from} @change=${(e: Event) => (this.from = (e.target as HTMLInputElement).value)} /></label>
        <label>${t(l, "figures.to")}<input type="date" .value=${this.to} @change=${(e: Event) => (this.to = (e.target as HTMLInputElement).value)} /></label>
        <button @click=${() => void this.load()}>${t(l, "figures.show")}</button>
        <a href=${apiUrl(`/reception/figures.csv?${this.query()}`)} download>${t(l, "figures.csv")}</a>
      </div>
      ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing}
      ${f
        ? html`<table>
              <thead><tr>
                <th>${t(l, "admin.field.advisor")}</th><th>${t(l, "figures.arrivals")}</th><th>${t(l, "figures.walkIns")}</th>
                <th>${t(l, "figures.greetingMedian")}</th><th>${t(l, "figures.greetingP90")}</th><th>${t(l, "figures.greetedWithin")}</th>
                <th>${t(l, "figures.lateArrivals")}</th><th>${t(l, "figures.lateMedian")}</th><th>${t(l, "figures.noShows")}</th><th>${t(l, "figures.showRate")}</th>
              </tr></thead>
              <tbody>${f.advisors.map((r) => row(r))}${row(f.total, true)}</tbody>
            </table>
            ${this.chart([...f.advisors, f.total], f.greetingLimitMinutes)}`
        : nothing}`;
  }
}

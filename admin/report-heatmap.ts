import { LitElement, css, html } from "lit";
import { customElement, property } from "lit/decorators.js";
import type { LoadRow } from "../shared/rules/report-figures.js";
import { styleProps } from "../display/style-props.js";

declare global {
  interface HTMLElementTagNameMap {
    "report-heatmap": ReportHeatmap;
  }
}

/** The strongest tint a cell gets: dark text stays above 6:1 on it (the light theme's --mb-confirmed at 60 % over white). */
const MAX_TINT = 60;

/**
 * The load of the board as a heat map: a row per advisor or bay, a column per hour, each cell the
 * cards in that hour, tinted by how busy it is against the busiest cell. A table rather than a
 * canvas: uPlot draws series over an axis, not a grid of cells, and a table is read out cell by
 * cell by a screen reader with its row and column headers, and the number is always written in.
 */
@customElement("report-heatmap")
export class ReportHeatmap extends LitElement {
  @property({ attribute: false }) hours: string[] = [];
  @property({ attribute: false }) rows: LoadRow[] = [];
  @property() caption = "";
  @property() first = "";
  @property() totalLabel = "";

  static override styles = css`
    :host {
      display: block;
      min-width: 0;
    }
    .scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
      font-size: 0.85em;
    }
    caption {
      text-align: left;
      padding-bottom: 0.3em;
      color: var(--mb-text-muted);
    }
    th,
    td {
      padding: 0.25em 0.4em;
      border: 1px solid var(--mb-line);
      text-align: center;
      min-width: 2.2em;
    }
    th[scope="row"] {
      text-align: left;
      white-space: nowrap;
    }
    td {
      color: var(--mb-text);
      background: color-mix(in srgb, var(--mb-confirmed) var(--tint, 0%), transparent);
    }
    td.total {
      background: none;
      font-weight: 600;
    }
  `;

  override render() {
    const max = Math.max(1, ...this.rows.flatMap((r) => r.cells));
    // a region a keyboard can reach: a month's many bays may scroll sideways
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${this.caption}><table data-heatmap>
      <caption>${this.caption}</caption>
      <thead><tr><th scope="col">${this.first}</th>${this.hours.map((h) => html`<th scope="col">${h.slice(0, 2)}</th>`)}<th scope="col">${this.totalLabel}</th></tr></thead>
      <tbody>
        ${this.rows.map(
          (r) => html`<tr>
            <th scope="row">${r.name}</th>
            ${r.cells.map((v) => html`<td data-value=${v} style=${styleProps({ "--tint": `${Math.round((v / max) * MAX_TINT)}%` })}>${v}</td>`)}
            <td class="total">${r.total}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }
}

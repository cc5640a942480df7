import { LitElement, css, html, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import { figureTableCsv, type FigureTable } from "../shared/csv/figure-table.js";

declare global {
  interface HTMLElementTagNameMap {
    "report-panel": ReportPanel;
  }
}

/**
 * One figure of the reports: its heading, the picture (slotted), the table with the same numbers
 * beside it, and the table as a CSV download. The CSV is made from the very rows the table shows,
 * so what is downloaded is what is read.
 */
@customElement("report-panel")
export class ReportPanel extends LitElement {
  @property() heading = "";
  /** Null when the picture is itself the table (the heat maps): then only the CSV is added. */
  @property({ attribute: false }) table: FigureTable | null = null;
  /** The CSV's rows when the picture is the table. */
  @property({ attribute: false }) csv: FigureTable | null = null;
  @property() file = "magboard-report.csv";
  @property() csvLabel = "CSV";
  /** The table's last row is a total, set in bold. */
  @property({ type: Boolean }) total = false;

  static override styles = css`
    :host {
      display: block;
      container-type: inline-size;
      min-width: 0;
      margin: 0 0 1.4em;
      padding: 0.8em 1em 1em;
      background: var(--mb-surface);
      border: 1px solid var(--mb-line);
      border-radius: 0.5em;
    }
    header {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
      gap: 1em;
    }
    h3 {
      margin: 0 0 0.5em;
      font-size: 1.05em;
    }
    a {
      color: var(--mb-confirmed);
      font-weight: 600;
    }
    .body {
      display: grid;
      grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr);
      gap: 1.2em;
      align-items: start;
    }
    .body.wide {
      grid-template-columns: minmax(0, 1fr);
    }
    /* chart and table side by side where the panel is wide, one above the other where it is not */
    @container (max-width: 820px) {
      .body {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .table {
      overflow-x: auto;
      max-height: 26em;
      overflow-y: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-variant-numeric: tabular-nums;
      font-size: 0.85em;
    }
    th,
    td {
      padding: 0.25em 0.45em;
      border-bottom: 1px solid var(--mb-line);
      text-align: right;
      white-space: nowrap;
    }
    th:first-child,
    td:first-child {
      text-align: left;
    }
    thead th {
      position: sticky;
      top: 0;
      background: var(--mb-surface);
    }
    table.total tbody tr:last-child td {
      font-weight: 600;
    }
  `;

  private href(): string {
    const rows = this.table ?? this.csv;
    return rows ? `data:text/csv;charset=utf-8,${encodeURIComponent(figureTableCsv(rows))}` : "";
  }

  override render() {
    const t = this.table;
    return html`<header><h3>${this.heading}</h3><a href=${this.href()} download=${this.file} data-csv>${this.csvLabel}</a></header>
      <div class="body ${t ? "" : "wide"}">
        <slot></slot>
        ${t
          ? html`<div class="table" tabindex="0" role="region" aria-label=${this.heading}>
              <table data-table class=${this.total ? "total" : ""}>
                <thead><tr>${t.head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
                <tbody>${t.rows.map((r) => html`<tr>${r.map((c) => html`<td>${c ?? ""}</td>`)}</tr>`)}</tbody>
              </table>
            </div>`
          : nothing}
      </div>`;
  }
}

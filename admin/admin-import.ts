import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { BoardSnapshot } from "../shared/schemas/board.js";
import type { Language } from "../shared/schemas/common.js";
import { MAX_IMPORT_ROWS } from "../shared/schemas/commands.js";
import { t } from "../shared/i18n/messages.js";
import { errorText, fieldLabel } from "../shared/i18n/errors.js";
import { previewImport, type ImportPreview } from "./csv-import.js";
import { decodeCsv, type CsvEncoding } from "../shared/csv/read.js";
import type { SendCommand } from "./staff-api.js";

declare global {
  interface HTMLElementTagNameMap {
    "admin-import": AdminImport;
  }
}

/**
 * Bookings from a CSV file (magboard's own export or a DMS's): a preview that names every bad row
 * and what is wrong with it, and only when every row is good, one import through the pipeline that
 * creates all of them or none.
 */
@customElement("admin-import")
export class AdminImport extends LitElement {
  @property({ attribute: false }) board!: BoardSnapshot;
  @property() language: Language = "zh-CN";
  @property({ attribute: false }) send!: SendCommand;
  @state() private preview: ImportPreview | null = null;
  @state() private fileName = "";
  @state() private encoding: CsvEncoding = "utf-8";
  @state() private result = "";
  @state() private busy = false;

  static override styles = css`
    :host {
      display: block;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      margin-top: 0.6em;
    }
    th,
    td {
      text-align: left;
      padding: 0.3em 0.5em;
      border-bottom: 1px solid var(--mb-line);
      vertical-align: top;
    }
    tr.bad td {
      color: var(--mb-late);
    }
    .note {
      color: var(--mb-text-muted);
    }
    .bad-count {
      color: var(--mb-late);
      font-weight: 700;
    }
    button {
      font: inherit;
      padding: 0.4em 1em;
      border-radius: 0.35em;
      border: 1px solid var(--mb-line);
      background: var(--mb-confirmed);
      color: var(--mb-pill-text);
      font-weight: 700;
      cursor: pointer;
      margin-top: 0.6em;
    }
    button:disabled {
      opacity: 0.5;
      cursor: default;
    }
  `;

  private async onFile(e: Event): Promise<void> {
    const file = (e.target as HTMLInputElement).files?.[0];
    this.result = "";
    if (!file) return;
    this.fileName = file.name;
    // file.text() would read a GBK file saved by Excel as mojibake
    const { text, encoding } = decodeCsv(new Uint8Array(await file.arrayBuffer()));
    this.encoding = encoding;
    this.preview = previewImport(text, { advisors: this.board.advisors, bays: this.board.bays, date: this.board.date });
  }

  private async doImport(): Promise<void> {
    const rows = this.preview?.rows.map((r) => r.input).filter((x) => x !== null) ?? [];
    if (rows.length === 0) return;
    this.busy = true;
    const ack = await this.send({ type: "appointment.import", rows }, "admin.toast.imported");
    this.busy = false;
    if (ack.ok) {
      this.result = t(this.language, "admin.import.done", { count: rows.length });
      this.preview = null;
    } else {
      this.result = t(this.language, "admin.import.refused", { message: errorText(this.language, ack.error) });
    }
  }

  override render() {
    const lang = this.language;
    const p = this.preview;
    const bad = p?.rows.filter((r) => r.input === null) ?? [];
    const tooMany = (p?.rows.length ?? 0) > MAX_IMPORT_ROWS;
    return html`<h2>${t(lang, "admin.import.title")}</h2>
      <p class="note">${t(lang, "admin.import.hint")}</p>
      <input type="file" accept=".csv,text/csv" aria-label=${t(lang, "admin.import.file")} @change=${this.onFile} />
      ${this.result ? html`<p role="status">${this.result}</p>` : nothing}
      ${p
        ? html`<p role="status">
              ${t(lang, "admin.import.summary", { file: this.fileName, rows: p.rows.length, good: p.rows.length - bad.length })}
              <span class="encoding">${t(lang, "admin.import.encoding", { encoding: t(lang, `csv.encoding.${this.encoding}`) })}</span>
              ${bad.length > 0 ? html`<span class="bad-count">${t(lang, "admin.import.badRows", { count: bad.length })}</span>` : nothing}
            </p>
            ${p.missingColumns.length > 0 ? html`<p class="bad-count">${t(lang, "admin.import.missingColumns", { columns: p.missingColumns.join(", ") })}</p>` : nothing}
            ${p.unknownColumns.length > 0 ? html`<p class="note">${t(lang, "admin.import.unknownColumns", { columns: p.unknownColumns.join(", ") })}</p>` : nothing}
            ${tooMany ? html`<p class="bad-count">${t(lang, "admin.import.tooMany", { max: MAX_IMPORT_ROWS })}</p>` : nothing}
            <table>
              <thead><tr><th>${t(lang, "admin.import.line")}</th><th>${t(lang, "admin.import.row")}</th><th>${t(lang, "admin.import.problems")}</th></tr></thead>
              <tbody>
                ${p.rows.map(
                  (r) => html`<tr class=${r.input ? "" : "bad"} data-line=${r.line}>
                    <td>${r.line}</td><td>${r.summary}</td>
                    <td>${r.problems.length === 0 ? "✓" : r.problems.map((x) => html`<div>${fieldLabel(lang, x.field)}: ${t(lang, x.key, x.params)}</div>`)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
            <button ?disabled=${bad.length > 0 || tooMany || p.rows.length === 0 || this.busy} @click=${this.doImport}>
              ${t(lang, "admin.import.go", { count: p.rows.length })}
            </button>`
        : nothing}`;
  }
}

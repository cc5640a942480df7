import { LitElement, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Language } from "../shared/schemas/common.js";
import type { RegisterEntry, RegisterImportReport, Vehicle } from "../shared/schemas/register.js";
import { t } from "../shared/i18n/messages.js";
import { errorText, fieldLabel } from "../shared/i18n/errors.js";
import type { SendCommand } from "./staff-api.js";
import { searchRegister, uploadRegister, type ImportPreview } from "./call-in-api.js";
import { formStyles } from "./admin-form-styles.js";
import { callInStyles } from "./call-in-styles.js";
import { LatestAnswer } from "../login/staff-api.js";
import { apiUrl } from "../display/site-path.js";

declare global {
  interface HTMLElementTagNameMap {
    "admin-register": AdminRegister;
  }
}

const DATES = ["saleDate", "lastServiceDate", "insuranceEnd", "inspectionDue", "warrantyEnd"] as const;

/**
 * The customer and vehicle register: search by plate, VIN, name or phone; edit a car's dates and
 * mileage; import a dealer system's CSV (preview first, then all of it or nothing); export.
 */
@customElement("admin-register")
export class AdminRegister extends LitElement {
  @property() language: Language = "zh-CN";
  @property({ attribute: false }) send!: SendCommand;
  @state() private query = "";
  @state() private found: { total: number; entries: RegisterEntry[] } = { total: 0, entries: [] };
  @state() private editing: Vehicle | null = null;
  @state() private file: File | null = null;
  @state() private preview: ImportPreview | null = null;
  @state() private message = "";
  private readonly searches = new LatestAnswer();

  static override styles = [formStyles, callInStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.search("");
  }

  private async search(q: string): Promise<void> {
    this.query = q;
    const latest = this.searches.ask();
    const found = await searchRegister(q);
    if (found && latest()) this.found = found;
  }

  private async onFile(e: Event): Promise<void> {
    this.file = (e.target as HTMLInputElement).files?.[0] ?? null;
    this.preview = null;
    this.message = "";
    if (!this.file) return;
    const res = await uploadRegister(this.file, true);
    if (res.ok) this.preview = res.data as ImportPreview;
    else this.message = errorText(this.language, res.error);
  }

  private async doImport(): Promise<void> {
    if (!this.file) return;
    const res = await uploadRegister(this.file, false);
    if (res.ok) {
      const r = (res.data as { record: RegisterImportReport }).record;
      this.message = t(this.language, "callin.import.done", { created: r.created, updated: r.updated, merged: r.merged });
      this.preview = null;
      this.file = null;
      await this.search(this.query);
    } else this.message = errorText(this.language, res.error);
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const v = this.editing;
    if (!v) return;
    const form = new FormData(e.target as HTMLFormElement);
    const field = (name: string): string => {
      const v = form.get(name);
      return typeof v === "string" ? v.trim() : "";
    };
    const changes: Record<string, unknown> = {};
    for (const k of DATES) changes[k] = field(k) || null;
    const km = field("lastServiceKm");
    // what is not a number goes as text, so the server names the field
    changes.lastServiceKm = km === "" ? null : Number.isFinite(Number(km)) ? Number(km) : km;
    changes.model = field("model");
    const ack = await this.send({ type: "vehicle.update", id: v.id, version: v.version, changes }, "callin.toast.saved");
    if (ack.ok) {
      this.editing = null;
      this.message = "";
      await this.search(this.query);
    } else this.message = errorText(this.language, ack.error);
  }

  private renderPreview(p: ImportPreview) {
    const lang = this.language;
    return html`<div role="status">
        <p>${t(lang, "admin.import.encoding", { encoding: t(lang, `csv.encoding.${p.encoding as "utf-8"}`) })}</p>
        <p>${t(lang, "callin.import.summary", { rows: p.rows, created: p.created, updated: p.updated, merged: p.merged, refused: p.refused.length })}</p>
      </div>
      ${p.unknownColumns.length > 0 ? html`<p class="note">${t(lang, "admin.import.unknownColumns", { columns: p.unknownColumns.join(", ") })}</p>` : nothing}
      ${p.refused.length > 0
        ? html`<ul class="bad">${p.refused.slice(0, 50).map((r) => html`<li>${fieldLabel(lang, r.field)}</li>`)}</ul>
            <p class="bad">${t(lang, "callin.import.refused")}</p>`
        : html`<button class="primary" @click=${() => void this.doImport()}>${t(lang, "callin.import.go", { rows: p.rows })}</button>`}`;
  }

  private renderEdit(v: Vehicle) {
    const lang = this.language;
    return html`<form class="current" @submit=${this.save} aria-label=${t(lang, "callin.register.edit", { plate: v.plate })}>
      <strong>${v.plate}</strong>
      <label>${t(lang, "callin.field.model")}<input name="model" .value=${v.model} /></label>
      ${DATES.map((k) => html`<label>${t(lang, `callin.field.${k}`)}<input name=${k} type="date" .value=${v[k] ?? ""} /></label>`)}
      <label>${t(lang, "callin.field.lastServiceKm")}<input name="lastServiceKm" inputmode="numeric" .value=${v.lastServiceKm === null ? "" : String(v.lastServiceKm)} /></label>
      <button class="primary" type="submit">${t(lang, "admin.form.save")}</button>
      <button type="button" @click=${() => (this.editing = null)}>${t(lang, "admin.form.cancel")}</button>
    </form>`;
  }

  override render() {
    const lang = this.language;
    return html`<h2>${t(lang, "callin.register.title")}</h2>
      <div class="bar">
        <label>${t(lang, "callin.register.search")}
          <input name="q" type="search" .value=${this.query} @input=${(e: Event) => void this.search((e.target as HTMLInputElement).value)} />
        </label>
        <span role="status">${t(lang, "callin.register.count", { total: this.found.total, shown: this.found.entries.length })}</span>
        <a href=${apiUrl("/register/export.csv")} download>${t(lang, "callin.register.export")}</a>
        <label>${t(lang, "callin.register.import")}
          <input type="file" accept=".csv,text/csv" @change=${this.onFile} />
        </label>
      </div>
      ${this.message ? html`<p role="alert">${this.message}</p>` : nothing}
      ${this.preview ? this.renderPreview(this.preview) : nothing}
      ${this.editing ? this.renderEdit(this.editing) : nothing}
      <table>
        <thead><tr>
          <th>${t(lang, "admin.field.plate")}</th><th>${t(lang, "callin.field.model")}</th><th>${t(lang, "admin.field.customerName")}</th>
          <th>${t(lang, "admin.field.phone")}</th><th>${t(lang, "callin.field.lastServiceDate")}</th><th>${t(lang, "callin.field.lastServiceKm")}</th>
          <th>${t(lang, "callin.field.insuranceEnd")}</th><th>${t(lang, "callin.field.inspectionDue")}</th><th></th>
        </tr></thead>
        <tbody>
          ${this.found.entries.map(
            (e) => html`<tr>
              <td>${e.vehicle.plate}</td><td>${e.vehicle.model}</td><td>${e.customer?.name ?? ""}</td><td>${e.customer?.phone ?? ""}</td>
              <td>${e.vehicle.lastServiceDate ?? ""}</td><td>${e.vehicle.lastServiceKm ?? ""}</td>
              <td>${e.vehicle.insuranceEnd ?? ""}</td><td>${e.vehicle.inspectionDue ?? ""}</td>
              <td><button aria-label=${t(lang, "callin.register.edit", { plate: e.vehicle.plate })} @click=${() => (this.editing = e.vehicle)}>${t(lang, "callin.register.editShort")}</button></td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }
}

import { LitElement, html, nothing, type TemplateResult } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import { APPOINTMENT_SOURCES, AppointmentInputSchema, type Appointment, type AppointmentInput } from "../shared/schemas/appointment.js";
import type { BoardSnapshot } from "../shared/schemas/board.js";
import type { Language } from "../shared/schemas/common.js";
import { overlapsOf, type Overlap } from "../shared/rules/overlaps.js";
import { t, type MessageKey } from "../shared/i18n/messages.js";
import { fieldErrorTexts } from "../shared/i18n/errors.js";
import { categoryName } from "../shared/i18n/job-categories.js";
import { bayFits, receptionWarnings, suggestAdvisor, suggestBay, takesCategory, type ReceptionWarning } from "../shared/rules/reception.js";
import type { Advisor } from "../shared/schemas/advisor.js";
import type { Bay } from "../shared/schemas/bay.js";
import { fieldProblems, type FieldProblem } from "./field-problems.js";
import type { SendCommand } from "./staff-api.js";
import { adminBookingFormStyles } from "./admin-booking-form-styles.js";
import type { RegisterEntry } from "../shared/schemas/register.js";
import "./register-lookup.js";

declare global {
  interface HTMLElementTagNameMap {
    "admin-booking-form": AdminBookingForm;
  }
  interface HTMLElementEventMap {
    "admin-form-close": CustomEvent<void>;
  }
}

const PREP = ["partsNeeded", "partsReady", "repeatRepair", "complaint", "needsRoadTest"] as const;
type Prep = (typeof PREP)[number];

/** The form's fields as typed: text for inputs, booleans for the preparation marks. */
interface Values {
  date: string;
  startTime: string;
  durationMinutes: string;
  advisorId: string;
  bayId: string;
  customerName: string;
  customerTitle: string;
  phone: string;
  plate: string;
  vehicleModel: string;
  mileageKm: string;
  workRequested: string;
  jobCategory: string;
  source: string;
  initiatedBy: string;
  estimatedMinutes: string;
  estimatedAmount: string;
  notes: string;
  prep: Record<Prep, boolean>;
}

const num = (v: string): number | string | null => (v.trim() === "" ? null : Number.isFinite(Number(v)) ? Number(v) : v);

/**
 * The phone register (电话预约登记表) as a form: every field of a booking, checked as it is typed
 * by the same zod schema the server uses, with the messages in the user's language. Overlaps with
 * other cards are warned about but do not stop the booking, as on the paper board.
 */
@customElement("admin-booking-form")
export class AdminBookingForm extends LitElement {
  @property({ attribute: false }) board!: BoardSnapshot;
  /** The card being edited; null for a new booking. */
  @property({ attribute: false }) appointment: Appointment | null = null;
  @property({ attribute: false }) prefill: Partial<AppointmentInput> = {};
  @property() language: Language = "zh-CN";
  @property({ attribute: false }) send!: SendCommand;
  /** A booking made from a call-in list entry (已预约): sent as call.book, which closes the entry and links the car. */
  @property({ attribute: false }) fromEntry: { id: number; version: number } | null = null;

  @state() private values!: Values;
  @state() private problems = new Map<string, FieldProblem>();
  @state() private serverProblems = new Map<string, string>();
  @state() private tried = false;
  @state() private busy = false;
  @query("dialog") private dialog!: HTMLDialogElement;

  static override styles = adminBookingFormStyles;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has("appointment") || changed.has("prefill") || !this.values) this.values = this.initial();
  }

  override firstUpdated(): void {
    this.dialog.showModal();
  }

  private initial(): Values {
    const a = this.appointment;
    const p = { ...this.prefill };
    const firstAdvisor = this.board.advisors.find((x) => x.active)?.id;
    const str = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));
    const src = a ?? p;
    return {
      date: str(src.date ?? this.board.date),
      startTime: str(src.startTime),
      durationMinutes: str(src.durationMinutes ?? this.board.settings.slotMinutes),
      advisorId: str(src.advisorId ?? firstAdvisor),
      bayId: str(src.bayId),
      customerName: str(src.customerName),
      customerTitle: str(src.customerTitle ?? "none"),
      phone: str(src.phone),
      plate: str(src.plate),
      vehicleModel: str(src.vehicleModel),
      mileageKm: str(src.mileageKm),
      workRequested: str(src.workRequested),
      jobCategory: str(src.jobCategory),
      source: str(src.source ?? "customer_inquiry"),
      initiatedBy: str(src.initiatedBy ?? "customer"),
      estimatedMinutes: str(src.estimatedMinutes),
      estimatedAmount: str(src.estimatedAmount),
      notes: str(src.notes),
      prep: { partsNeeded: false, partsReady: false, repeatRepair: false, complaint: false, needsRoadTest: false, ...(a?.preparation ?? p.preparation ?? {}) },
    };
  }

  /** The values as the schema expects them; what does not parse as a number stays text so the schema names it. */
  private candidate(): Record<string, unknown> {
    const v = this.values;
    return {
      date: v.date,
      startTime: v.startTime,
      durationMinutes: num(v.durationMinutes) ?? undefined,
      advisorId: num(v.advisorId) ?? 0,
      bayId: num(v.bayId),
      customerName: v.customerName,
      customerTitle: v.customerTitle,
      phone: v.phone,
      plate: v.plate,
      vehicleModel: v.vehicleModel,
      mileageKm: num(v.mileageKm),
      workRequested: v.workRequested,
      jobCategory: v.jobCategory === "" ? null : v.jobCategory,
      source: v.source,
      initiatedBy: v.initiatedBy,
      estimatedMinutes: num(v.estimatedMinutes),
      estimatedAmount: num(v.estimatedAmount),
      notes: v.notes,
      preparation: { ...v.prep },
    };
  }

  private validate() {
    const parsed = AppointmentInputSchema.safeParse(this.candidate());
    this.problems = parsed.success ? new Map<string, FieldProblem>() : fieldProblems(parsed.error);
    return parsed;
  }

  private warnings(): Overlap[] {
    const parsed = AppointmentInputSchema.safeParse(this.candidate());
    if (!parsed.success) return [];
    const d = parsed.data;
    const placement = { id: this.appointment?.id ?? 0, status: this.appointment?.status ?? "booked", ...d };
    return overlapsOf(placement, this.board.appointments, this.board.advisors, this.board.settings);
  }

  /** The advisor and bay that fit the card's job category (shared/rules/reception.ts); null when the form already has them, or nothing fits. */
  private suggestion(): { advisor: Advisor | null; bay: Bay | null } | null {
    const v = this.values;
    if (v.jobCategory === "" || v.startTime === "") return null;
    const s = this.board;
    const others = s.appointments.filter((a) => a.id !== this.appointment?.id && a.date === v.date);
    const advisor = suggestAdvisor(s.advisors, others, v.jobCategory, v.date, v.startTime);
    const duration = Number(v.durationMinutes) || s.settings.slotMinutes;
    const current = s.bays.find((b) => String(b.id) === v.bayId) ?? null;
    const bay = current !== null && bayFits(current, v.jobCategory, s.settings.jobCategories) ? null : suggestBay(s.bays, others, v.jobCategory, s.settings.jobCategories, v.startTime, duration);
    const newAdvisor = advisor !== null && String(advisor.id) !== v.advisorId && !takesCategory(s.advisors.find((a) => String(a.id) === v.advisorId) ?? { jobCategories: [] }, v.jobCategory) ? advisor : null;
    return newAdvisor === null && bay === null ? null : { advisor: newAdvisor, bay };
  }

  private receptionWarnings(): ReceptionWarning[] {
    const v = this.values;
    const s = this.board;
    return receptionWarnings({ advisorId: Number(v.advisorId), bayId: v.bayId === "" ? null : Number(v.bayId), jobCategory: v.jobCategory === "" ? null : v.jobCategory }, s.advisors, s.bays, s.settings.jobCategories);
  }

  private set(field: keyof Omit<Values, "prep">, value: string): void {
    this.values = { ...this.values, [field]: value };
    this.serverProblems = new Map([...this.serverProblems].filter(([k]) => k !== field));
    if (this.tried) this.validate();
  }

  private useSuggestion(sg: { advisor: Advisor | null; bay: Bay | null }): void {
    this.values = { ...this.values, ...(sg.advisor ? { advisorId: String(sg.advisor.id) } : {}), ...(sg.bay ? { bayId: String(sg.bay.id) } : {}) };
  }

  /** Closing the dialog (button, Escape or a saved booking) fires its close event, which tells the app. */
  private close(): void {
    this.dialog.close();
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    this.tried = true;
    const parsed = this.validate();
    if (!parsed.success) {
      const first = this.problems.keys().next().value;
      this.renderRoot.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    this.busy = true;
    const a = this.appointment;
    const entry = this.fromEntry;
    const ack = entry
      ? await this.send({ type: "call.book", id: entry.id, version: entry.version, input: parsed.data }, "admin.toast.created")
      : a
      ? await this.send({ type: "appointment.update", id: a.id, version: a.version, changes: parsed.data }, "admin.toast.updated")
      : await this.send({ type: "appointment.create", input: parsed.data }, "admin.toast.created");
    this.busy = false;
    if (ack.ok) {
      this.close();
      return;
    }
    // the command's fields sit in its input or changes; the form's are named as the booking's own
    this.serverProblems = new Map([...fieldErrorTexts(this.language, ack.error)].map(([k, text]) => [k.replace(/^(command\.)?(input|changes)\./, ""), text]));
  }

  /** The register's car and owner, filled in as they are known (the form checks them as typed). */
  private fillFrom(e: RegisterEntry): void {
    const c = e.customer;
    this.values = {
      ...this.values,
      plate: e.vehicle.plate,
      vehicleModel: e.vehicle.model || this.values.vehicleModel,
      ...(c ? { customerName: c.name, customerTitle: c.title, phone: c.phone } : {}),
    };
    if (this.tried) this.validate();
  }

  private error(field: string): TemplateResult | typeof nothing {
    const p = this.problems.get(field);
    const server = this.serverProblems.get(field);
    if (!p && !server) return nothing;
    const text = p ? t(this.language, p.key, p.params) : server!;
    return html`<span class="error" id="err-${field}">${text}</span>`;
  }

  private invalid(field: string): boolean {
    return this.problems.has(field) || this.serverProblems.has(field);
  }

  private text(field: keyof Omit<Values, "prep">, label: MessageKey, type = "text", extra: Record<string, string> = {}) {
    return html`<label class=${extra.class ?? ""}>
      ${t(this.language, label)}
      <input
        name=${field}
        type=${type}
        inputmode=${extra.inputmode ?? nothing}
        step=${extra.step ?? nothing}
        .value=${this.values[field]}
        aria-invalid=${this.invalid(field)}
        aria-describedby="err-${field}"
        @input=${(e: Event) => this.set(field, (e.target as HTMLInputElement).value)}
      />
      ${this.error(field)}
    </label>`;
  }

  private select(field: keyof Omit<Values, "prep">, label: MessageKey, options: [string, string][]) {
    return html`<label>
      ${t(this.language, label)}
      <select name=${field} aria-invalid=${this.invalid(field)} aria-describedby="err-${field}" @change=${(e: Event) => this.set(field, (e.target as HTMLSelectElement).value)}>
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${this.values[field] === v}>${text}</option>`)}
      </select>
      ${this.error(field)}
    </label>`;
  }

  override render() {
    const lang = this.language;
    const s = this.board;
    const warnings = this.warnings();
    const reception = this.receptionWarnings();
    const suggestion = this.suggestion();
    const advisors = s.advisors.filter((a) => a.active || String(a.id) === this.values.advisorId);
    const bays = s.bays.filter((b) => b.active || String(b.id) === this.values.bayId);
    return html`<dialog @close=${() => this.dispatchEvent(new CustomEvent("admin-form-close", { bubbles: true, composed: true }))} aria-labelledby="form-title">
      <form novalidate @submit=${this.submit}>
        <h2 id="form-title">${t(lang, this.appointment ? "admin.form.editTitle" : "admin.form.newTitle")}</h2>
        ${this.appointment ? nothing : html`<register-lookup .language=${lang} @register-pick=${(e: CustomEvent<RegisterEntry>) => this.fillFrom(e.detail)}></register-lookup>`}
        <div class="grid">
          ${this.text("customerName", "admin.field.customerName")}
          ${this.select("customerTitle", "admin.field.customerTitle", (["mr", "ms", "none"] as const).map((v) => [v, t(lang, `admin.title.${v}`)]))}
          ${this.text("phone", "admin.field.phone", "tel")}
          ${this.text("plate", "admin.field.plate")}
          ${this.text("vehicleModel", "admin.field.vehicleModel")}
          ${this.text("mileageKm", "admin.field.mileageKm", "text", { inputmode: "numeric" })}
          ${this.text("workRequested", "admin.field.workRequested", "text", { class: "wide" })}
          ${this.select("jobCategory", "reception.field.jobCategory", [
            ["", t(lang, "reception.category.none")],
            ...s.settings.jobCategories.map((c): [string, string] => [c.code, categoryName(lang, s.settings.jobCategories, c.code)]),
          ])}
          ${this.select("source", "admin.field.source", APPOINTMENT_SOURCES.map((v) => [v, t(lang, `admin.source.${v}`)]))}
          ${this.select("initiatedBy", "admin.field.initiatedBy", (["dealer", "customer"] as const).map((v) => [v, t(lang, `admin.initiatedBy.${v}`)]))}
          ${this.text("date", "admin.field.date", "date")}
          ${this.text("startTime", "admin.field.startTime", "time", { step: "300" })}
          ${this.text("durationMinutes", "admin.field.durationMinutes", "text", { inputmode: "numeric" })}
          ${this.select("advisorId", "admin.field.advisor", advisors.map((a) => [String(a.id), a.name]))}
          ${this.select("bayId", "admin.field.bay", [["", t(lang, "board.card.noBay")], ...bays.map((b): [string, string] => [String(b.id), b.name])])}
          ${this.text("estimatedMinutes", "admin.field.estimatedMinutes", "text", { inputmode: "numeric" })}
          ${this.text("estimatedAmount", "admin.field.estimatedAmount", "text", { inputmode: "decimal" })}
          <fieldset class="wide">
            <legend>${t(lang, "admin.field.preparation")}</legend>
            ${PREP.map(
              (k) => html`<label><input type="checkbox" name="preparation.${k}" .checked=${this.values.prep[k]}
                @change=${(e: Event) => (this.values = { ...this.values, prep: { ...this.values.prep, [k]: (e.target as HTMLInputElement).checked } })} />
                ${t(lang, `admin.prep.${k}`)}</label>`,
            )}
          </fieldset>
          <label class="wide">${t(lang, "admin.field.notes")}
            <textarea name="notes" rows="2" .value=${this.values.notes} aria-invalid=${this.invalid("notes")}
              @input=${(e: Event) => this.set("notes", (e.target as HTMLTextAreaElement).value)}></textarea>
            ${this.error("notes")}
          </label>
        </div>
        ${warnings.length > 0 || reception.length > 0
          ? html`<div role="status"><ul class="warnings">
              ${warnings.map((w) => html`<li>⚠ ${t(lang, `board.overlap.${w.kind}`)} — ${t(lang, "admin.form.stillAllowed")}</li>`)}
              ${reception.map((w) => html`<li>⚠ ${t(lang, `reception.warning.${w}`)} — ${t(lang, "admin.form.stillAllowed")}</li>`)}
            </ul></div>`
          : nothing}
        ${suggestion
          ? html`<p class="suggestion" role="status">
              ${t(lang, "reception.suggestion", {
                what: [suggestion.advisor?.name, suggestion.bay?.name].filter((x): x is string => x !== undefined).join(" · "),
              })}
              <button type="button" data-action="use-suggestion" @click=${() => this.useSuggestion(suggestion)}>${t(lang, "reception.suggestion.use")}</button>
            </p>`
          : nothing}
        <div class="buttons">
          <button type="button" @click=${this.close}>${t(lang, "admin.form.cancel")}</button>
          <button type="submit" ?disabled=${this.busy}>${t(lang, this.appointment ? "admin.form.save" : "admin.form.book")}</button>
        </div>
      </form>
    </dialog>`;
  }
}

import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Appointment } from "../shared/schemas/appointment.js";
import type { Language } from "../shared/schemas/common.js";
import type { BoardSnapshot } from "../shared/schemas/board.js";
import type { CommandResult } from "../shared/protocol.js";
import { t } from "../shared/i18n/messages.js";
import { errorText, fieldErrorTexts } from "../shared/i18n/errors.js";
import { categoryName } from "../shared/i18n/job-categories.js";
import { localParts, weekdayOf } from "../shared/rules/zoned-time.js";
import { receptionWarnings, suggestAdvisor } from "../shared/rules/reception.js";
import { call } from "../login/staff-api.js";
import { deskStyles, gateStyles } from "./gate-styles.js";
import { apiUrl } from "../display/site-path.js";

declare global {
  interface HTMLElementTagNameMap {
    "gate-walk-in": GateWalkIn;
  }
  interface HTMLElementEventMap {
    "walk-in-done": CustomEvent<WalkInDone>;
    "walk-in-cancel": CustomEvent<void>;
  }
}

/** A walk-in just received: the card as the server made it (with its queue number) and its advisor's name. */
export interface WalkInDone {
  card: Appointment;
  plate: string;
  advisor: string;
}

/**
 * 散客接待 (分流): plate, an optional name, the job category (big buttons), the work in a few
 * words, and the advisor magboard suggests (shared/rules/reception.ts: on duty, taking the
 * category, fewest customers in the next two hours), which the guide may change.
 */
@customElement("gate-walk-in")
export class GateWalkIn extends LitElement {
  @property({ attribute: false }) board!: BoardSnapshot;
  @property({ attribute: false }) serverNow: () => number = Date.now;
  @property() plate = "";
  @property() language: Language = "zh-CN";
  /** At a desk PC (the editor's 接待 tab): the editor's type and colours instead of the gate's thumb-sized ones. */
  @property({ type: Boolean, reflect: true }) desk = false;
  @state() private category: string | null = null;
  /** The guide's own pick; null follows the suggestion. */
  @state() private advisorId: number | null = null;
  @state() private errors = new Map<string, string>();
  @state() private error = "";
  @state() private sending = false;

  static override styles = [
    gateStyles,
    css`
      :host {
        padding: 0;
        margin-top: 0.8rem;
      }
      .categories {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
        gap: 0.5rem;
      }
      .categories button[aria-pressed="true"] {
        background: #000;
        color: #fff;
      }
      .warn {
        margin-top: 0.3rem;
        font-weight: 700;
        color: #7a4a00;
      }
      .buttons {
        display: grid;
        gap: 0.6rem;
        margin-top: 1rem;
      }
    `,
    deskStyles,
  ];

  private nowParts() {
    return localParts(this.serverNow(), this.board.settings.timeZone);
  }

  private suggested() {
    const { date, time } = this.nowParts();
    return suggestAdvisor(this.board.advisors, this.board.appointments, this.category, date, time);
  }

  private chosenAdvisor(): number | null {
    return this.advisorId ?? this.suggested()?.id ?? null;
  }

  private value(id: string): string {
    return (this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.value ?? "").trim();
  }

  private readonly submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const l = this.language;
    const advisorId = this.chosenAdvisor();
    const input: Record<string, unknown> = { plate: this.value("wplate"), customerName: this.value("wname"), workRequested: this.value("wwork") };
    if (this.category !== null) input.jobCategory = this.category;
    if (advisorId !== null) input.advisorId = advisorId;
    this.sending = true;
    const res = await call<CommandResult<Appointment>>(apiUrl("/appointments/walk-in"), { method: "POST", body: JSON.stringify(input) });
    this.sending = false;
    if (res.ok) {
      const card = res.data.record;
      const advisor = this.board.advisors.find((a) => a.id === card.advisorId)?.name ?? "";
      this.reset();
      this.dispatchEvent(new CustomEvent("walk-in-done", { detail: { card, plate: card.plate, advisor }, bubbles: true, composed: true }));
      return;
    }
    this.errors = res.error ? fieldErrorTexts(l, res.error) : new Map<string, string>();
    this.error = res.error ? errorText(l, res.error) : t(l, "gate.connection.lost");
  };

  /** Empties the form, so whoever shows it again (gate or editor) starts the next walk-in blank. */
  private reset(): void {
    this.renderRoot.querySelector("form")?.reset();
    this.category = null;
    this.advisorId = null;
    this.errors = new Map<string, string>();
    this.error = "";
  }

  private readonly cancel = (): void => {
    this.reset();
    this.dispatchEvent(new CustomEvent("walk-in-cancel", { bubbles: true, composed: true }));
  };

  private fieldError(field: string) {
    const m = this.errors.get(field);
    return m ? html`<div class="field-error" id="err-${field}">${m}</div>` : nothing;
  }

  override render() {
    const l = this.language;
    const b = this.board;
    const weekday = weekdayOf(this.nowParts().date);
    const onDuty = b.advisors.filter((a) => a.active && a.daysOnDuty.includes(weekday));
    const suggestion = this.suggested();
    const chosen = this.chosenAdvisor();
    const warnings = chosen === null ? [] : receptionWarnings({ advisorId: chosen, bayId: null, jobCategory: this.category }, b.advisors, b.bays, b.settings.jobCategories);
    return html`<form @submit=${this.submit} novalidate>
      <h2>${t(l, "gate.walkIn.title")}</h2>
      <label for="wplate">${t(l, "admin.field.plate")}</label>
      <input id="wplate" .value=${this.plate} autocapitalize="characters" autocomplete="off" aria-invalid=${this.errors.has("plate")} />
      ${this.fieldError("plate")}
      <label for="wname">${t(l, "gate.walkIn.name")}</label>
      <input id="wname" autocomplete="off" />
      ${this.fieldError("customerName")}
      <label id="cat-label">${t(l, "gate.walkIn.category")}</label>
      <div class="categories" role="group" aria-labelledby="cat-label">
        ${b.settings.jobCategories.map(
          (c) => html`<button type="button" data-category=${c.code} aria-pressed=${this.category === c.code} @click=${() => (this.category = c.code)}>
            ${categoryName(l, b.settings.jobCategories, c.code)}
          </button>`,
        )}
      </div>
      ${this.fieldError("jobCategory")}
      <label for="wwork">${t(l, "gate.walkIn.work")}</label>
      <input id="wwork" autocomplete="off" aria-invalid=${this.errors.has("workRequested")} />
      ${this.fieldError("workRequested")}
      <label for="wadvisor">${t(l, "gate.walkIn.advisor")}</label>
      ${onDuty.length === 0
        ? html`<div class="warn">${t(l, "gate.walkIn.noAdvisor")}</div>`
        : html`<select id="wadvisor" @change=${(e: Event) => (this.advisorId = Number((e.target as HTMLSelectElement).value))}>
            ${onDuty.map(
              (a) => html`<option value=${a.id} ?selected=${a.id === chosen}>
                ${a.id === suggestion?.id ? t(l, "gate.walkIn.suggested", { name: a.name }) : a.name}
              </option>`,
            )}
          </select>`}
      ${warnings.map((w) => html`<div class="warn" role="status">⚠ ${t(l, `reception.warning.${w}`)}</div>`)}
      ${this.fieldError("advisorId")}
      ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing}
      <div class="buttons">
        <button class="primary" type="submit" ?disabled=${this.sending}>${t(l, "gate.walkIn.submit")}</button>
        <button type="button" data-action="walk-in-cancel" @click=${this.cancel}>${t(l, "gate.walkIn.cancel")}</button>
      </div>
    </form>`;
  }
}

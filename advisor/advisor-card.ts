import { LitElement, css, html, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import type { Appointment } from "../shared/schemas/appointment.js";
import type { Language } from "../shared/schemas/common.js";
import { t } from "../shared/i18n/messages.js";
import { nextStep, type AdvisorStep } from "./next-step.js";
import { stepOf } from "../shared/rules/status.js";
import { isGreetingOverdue } from "../shared/rules/greeting.js";
import { cardMarks, markText } from "../display/card-view.js";

declare global {
  interface HTMLElementTagNameMap {
    "advisor-card": AdvisorCard;
  }
  interface HTMLElementEventMap {
    "advisor-step": CustomEvent<{ id: number; version: number; action: AdvisorStep }>;
  }
}

/** One of my appointments: time, customer, car and work, and one big button for what comes next. */
@customElement("advisor-card")
export class AdvisorCard extends LitElement {
  @property({ attribute: false }) appointment!: Appointment;
  @property() language: Language = "zh-CN";
  @property({ type: Boolean }) busy = false;
  /** Just arrived and not yet seen: drawn with a strong edge until the advisor acts on it. */
  @property({ type: Boolean, reflect: true }) called = false;

  static override styles = css`
    :host {
      display: block;
      border-radius: 0.8rem;
      background: #1b2431;
      padding: 0.9rem 1rem;
      margin-bottom: 0.8rem;
      border: 3px solid transparent;
    }
    :host([called]) {
      border-color: #ffd23f;
    }
    /* done and cancelled step back with darker colours, not transparency, so their text keeps 7:1 like the TV's dimmed cards */
    :host([data-status="completed"]),
    :host([data-status="cancelled"]) {
      background: #141a22;
      color: #c6ced8;
    }
    :host([data-status="completed"]) .status,
    :host([data-status="completed"]) .detail,
    :host([data-status="cancelled"]) .status,
    :host([data-status="cancelled"]) .detail {
      color: #aab4c0;
    }
    .top {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
      gap: 0.5rem;
    }
    .time {
      font-size: 1.5rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .status {
      font-size: 1rem;
      color: #c3ccd8;
    }
    .customer {
      font-size: 1.25rem;
      margin: 0.3rem 0;
      overflow-wrap: anywhere;
    }
    .detail {
      color: #c3ccd8;
      overflow-wrap: anywhere;
    }
    button {
      margin-top: 0.8rem;
      width: 100%;
      min-height: 3.6rem;
      font-size: 1.3rem;
      font-weight: 700;
      border: 0;
      border-radius: 0.6rem;
      color: #0a0d12;
    }
    button.arrive {
      background: #3ddc84;
    }
    button.greet {
      background: #ffd23f;
    }
    button.start {
      background: #b39dff;
    }
    button.complete {
      background: #4f8cff;
    }
    .overdue {
      margin-top: 0.5rem;
      padding: 0.4rem 0.6rem;
      border-radius: 0.4rem;
      background: #ff7ad9;
      color: #0a0d12;
      font-weight: 700;
      font-size: 1.15rem;
    }
    .mark {
      display: inline-block;
      margin: 0.3rem 0.4rem 0 0;
      padding: 0 0.35rem;
      border: 2px solid #ffd23f;
      border-radius: 0.3rem;
      color: #ffd23f;
      font-weight: 700;
    }
    button[disabled] {
      opacity: 0.6;
    }
  `;

  override updated(): void {
    this.dataset.status = this.appointment.status;
  }

  override render() {
    const a = this.appointment;
    const l = this.language;
    const step = nextStep(a);
    const marks = cardMarks(a);
    // every customer-typed field goes in as text (Lit binds it as a text node), never as markup
    return html`<div class="top">
        <span class="time">${a.startTime}</span><span class="status">${stepOf(a) === "greeted" ? t(l, "step.state.greeted") : t(l, `board.status.${a.status}`)}</span>
      </div>
      ${isGreetingOverdue(a) ? html`<div class="overdue" role="alert">‼ ${t(l, "step.greetingOverdue")}</div>` : nothing}
      ${marks.length > 0 ? html`<div>${marks.map((m) => html`<span class="mark" data-mark=${m.kind}>${markText(this.language, m)}</span>`)}</div>` : nothing}
      <div class="customer">${t(l, `board.card.customer.${a.customerTitle}`, { name: a.customerName })}</div>
      <div class="detail">${[a.plate, a.vehicleModel].filter((x) => x !== "").join(" · ")}</div>
      <div class="detail">${a.workRequested}</div>
      ${step
        ? html`<button class=${step} ?disabled=${this.busy} @click=${() => this.fire(step)}>${t(l, `step.action.${step}`)}</button>`
        : nothing}`;
  }

  private fire(action: AdvisorStep): void {
    const a = this.appointment;
    this.dispatchEvent(new CustomEvent("advisor-step", { detail: { id: a.id, version: a.version, action }, bubbles: true, composed: true }));
  }
}

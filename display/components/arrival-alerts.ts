import { LitElement, css, html, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import type { Actor } from "../../shared/schemas/actor.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import type { Advisor } from "../../shared/schemas/advisor.js";
import type { Language } from "../../shared/schemas/common.js";
import { t } from "../../shared/i18n/messages.js";
import { alertCalls, arrivalAlert } from "../../shared/rules/alerts.js";

declare global {
  interface HTMLElementTagNameMap {
    "arrival-alerts": ArrivalAlerts;
  }
  interface HTMLElementEventMap {
    "arrival-alert-acknowledge": CustomEvent<{ id: number; version: number }>;
  }
}

/**
 * The complaint (抱怨) and repeat-repair (返修) customers who have arrived, for the people the alert
 * calls (shared/rules/alerts.ts): every manager, and a repeat repair's own advisor. Each stays
 * until one of them taps to acknowledge; the editor and the phone page both show it. Staff screens
 * only: a public display never receives those marks.
 */
@customElement("arrival-alerts")
export class ArrivalAlerts extends LitElement {
  @property({ attribute: false }) appointments: readonly Appointment[] = [];
  @property({ attribute: false }) advisors: readonly Advisor[] = [];
  @property({ attribute: false }) actor: Pick<Actor, "role" | "advisorId"> | null = null;
  @property() language: Language = "zh-CN";

  static override styles = css`
    :host {
      display: block;
    }
    .alert {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      align-items: center;
      justify-content: space-between;
      margin: 0.4em 0;
      padding: 0.6em 0.8em;
      border: 3px solid #7a0000;
      border-radius: 0.5em;
      background: #ffe14d;
      color: #111;
      font-weight: 700;
    }
    button {
      font: inherit;
      min-height: 2.6em;
      padding: 0.2em 1em;
      border-radius: 0.4em;
      border: 2px solid #111;
      background: #111;
      color: #fff;
    }
  `;

  override render() {
    const actor = this.actor;
    if (!actor) return nothing;
    const l = this.language;
    const calling = this.appointments.filter((a) => alertCalls(actor, a));
    if (calling.length === 0) return nothing;
    return html`${calling.map((a) => {
      const customer = t(l, `board.card.customer.${a.customerTitle}`, { name: a.customerName });
      const advisor = this.advisors.find((x) => x.id === a.advisorId)?.name ?? "";
      const key = arrivalAlert(a) === "complaint" ? "alert.complaint" : "alert.repeatRepair";
      return html`<div class="alert" role="alert" data-id=${a.id}>
        <span>${t(l, key, { customer, plate: a.plate, advisor })}</span>
        <button @click=${() => this.dispatchEvent(new CustomEvent("arrival-alert-acknowledge", { detail: { id: a.id, version: a.version }, bubbles: true, composed: true }))}>
          ${t(l, "alert.acknowledge")}
        </button>
      </div>`;
    })}`;
  }
}

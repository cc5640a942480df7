import { LitElement, css, html, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import type { Settings } from "../../shared/schemas/settings.js";
import type { Language } from "../../shared/schemas/common.js";
import { t } from "../../shared/i18n/messages.js";
import { formatTimeOfDay } from "../../shared/i18n/dates.js";
import { cardView, type CardView } from "../card-view.js";

export interface CardActivateDetail {
  appointmentId: number;
}

declare global {
  interface HTMLElementTagNameMap {
    "board-card": BoardCard;
  }
  interface HTMLElementEventMap {
    "board-card-activate": CustomEvent<CardActivateDetail>;
  }
}

/**
 * One appointment card as the paper board's magnet: time, status (colour + icon + word), customer,
 * plate, work and bay. Lines of lower priority give way when the card is small (container queries),
 * so a crowded slot still shows time and status. Data comes in by properties; the only output is
 * `board-card-activate`, for editors that open a card.
 */
@customElement("board-card")
export class BoardCard extends LitElement {
  @property({ attribute: false }) appointment!: Appointment;
  @property({ attribute: false }) rules!: Pick<Settings, "timeZone" | "lateGraceMinutes" | "noShowAfterMinutes">;
  /** The server's time, to the minute: cards change at most once a minute. */
  @property({ type: Number }) minute = 0;
  @property() language: Language = "zh-CN";
  @property({ attribute: false }) bayName: string | null = null;
  /** Just changed: flashes for a few seconds (the host decides how long). */
  @property({ type: Boolean, reflect: true }) highlighted = false;
  @property({ reflect: true }) tone = "";

  static override styles = css`
    :host {
      display: block;
      container-type: size;
      min-width: 0;
      min-height: 0;
      font-size: var(--mb-font-size);
      line-height: 1.2;
      color: var(--mb-card-text);
      --tone: var(--mb-booked);
      --card-bg: var(--mb-card-bg);
    }
    .card {
      box-sizing: border-box;
      height: 100%;
      overflow: hidden;
      padding: 0.12em 0.3em 0.12em 0.45em;
      border-radius: var(--mb-radius);
      background: var(--card-bg);
      border-left: 0.25em solid var(--tone);
      display: flex;
      flex-direction: column;
      gap: 0.05em;
    }
    :host([tone="confirmed"]) { --tone: var(--mb-confirmed); }
    :host([tone="grace"]) { --tone: var(--mb-grace); }
    :host([tone="late"]) { --tone: var(--mb-late); --card-bg: var(--mb-card-late-bg); }
    :host([tone="late-escalated"]) { --tone: var(--mb-escalated); --card-bg: var(--mb-card-escalated-bg); }
    :host([tone="arrived"]) { --tone: var(--mb-arrived); --card-bg: var(--mb-card-arrived-bg); }
    :host([tone="in_service"]) { --tone: var(--mb-service); --card-bg: var(--mb-card-service-bg); }
    :host([tone="completed"]),
    :host([tone="no_show"]),
    :host([tone="cancelled"]) {
      --tone: var(--mb-completed);
      --card-bg: var(--mb-card-dim-bg);
      color: var(--mb-card-dim-text);
    }
    :host([tone="no_show"]) .plate,
    :host([tone="no_show"]) .customer {
      text-decoration: line-through;
    }
    :host([tone="late-escalated"]) .card {
      outline: 0.12em solid var(--mb-escalated);
      outline-offset: -0.12em;
    }
    :host([highlighted]) .card {
      animation: flash 1s ease-in-out 4;
    }
    @keyframes flash {
      50% {
        box-shadow: 0 0 0 0.15em var(--mb-highlight);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      :host([highlighted]) .card {
        animation: none;
        box-shadow: 0 0 0 0.15em var(--mb-highlight);
      }
    }
    .line {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      column-gap: 0.3em;
      min-width: 0;
    }
    .line > * {
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      min-width: 0;
    }
    .head {
      justify-content: space-between;
      flex-wrap: nowrap;
      font-weight: 700;
    }
    .icon {
      color: var(--tone);
      flex: none;
    }
    .status {
      font-weight: 700;
    }
    .pill {
      background: var(--tone);
      color: var(--mb-pill-text);
      border-radius: 0.2em;
      padding: 0 0.2em;
    }
    .work,
    .bay {
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    /* smallest first: time and status always stay; who, work and bay appear as room allows */
    @container (max-height: 3.3em) {
      .who, .work, .bay { display: none; }
    }
    @container (max-height: 4.6em) {
      .work, .bay { display: none; }
    }
    @container (max-height: 5.8em) {
      .bay { display: none; }
    }
    @container (max-width: 4.6em) {
      .icon { display: none; }
    }
  `;

  override willUpdate(): void {
    this.tone = this.view().tone;
  }

  private view(): CardView {
    return cardView(this.appointment, this.rules, this.minute);
  }

  private detail(v: CardView): string | typeof nothing {
    const d = v.detail;
    switch (d.kind) {
      case "arrivedAt":
        return t(this.language, "board.card.arrivedAt", { time: formatTimeOfDay(d.instant, this.rules.timeZone) });
      case "late":
        return t(this.language, "board.card.lateMinutes", { minutes: d.minutes });
      case "grace":
        return t(this.language, "board.card.graceLeft", { minutes: d.minutes });
      case "none":
        return nothing;
    }
  }

  private activate(): void {
    this.dispatchEvent(new CustomEvent<CardActivateDetail>("board-card-activate", { detail: { appointmentId: this.appointment.id }, bubbles: true, composed: true }));
  }

  override render() {
    const a = this.appointment;
    const v = this.view();
    const customer = t(this.language, `board.card.customer.${a.customerTitle}`, { name: a.customerName });
    return html`<div class="card" @click=${this.activate} data-id=${a.id}>
      <div class="line head"><span class="time">${a.startTime}</span><span class="icon" aria-hidden="true">${v.icon}</span></div>
      <div class="line status"><span class="pill">${t(this.language, v.label)}</span><span class="detail">${this.detail(v)}</span></div>
      <div class="line who"><span class="customer">${customer}</span><span class="plate">${a.plate}</span></div>
      <div class="work">${a.workRequested}</div>
      <div class="bay">${this.bayName ?? t(this.language, "board.card.noBay")}</div>
    </div>`;
  }
}

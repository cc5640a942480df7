import { LitElement, css, html, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import type { Settings } from "../../shared/schemas/settings.js";
import type { Language } from "../../shared/schemas/common.js";
import { t } from "../../shared/i18n/board-messages.js";
import { formatTimeOfDay } from "../../shared/i18n/dates.js";
import { cardView, markText, type CardView } from "../card-view.js";

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
 * so a crowded slot still shows time and status; four lines (the TV's cards) show all but the bay. Data comes in by properties; the only output is
 * `board-card-activate`, for editors that open a card.
 */
function plateParts(plate: string) {
  const i = plate.indexOf("·");
  if (i === -1) return plate;
  return html`${plate.slice(0, i)}<span class="dot">·</span>${plate.slice(i + 1)}`;
}

/** The end of a plate a guide calls out: a masked plate's digits after the stars, or a full plate's last three. */
export function plateTail(plate: string): string {
  const star = plate.lastIndexOf("*");
  return star >= 0 ? plate.slice(Math.max(0, star - 2)) : `…${plate.slice(-3)}`;
}

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
  /** Another card has this bay at an overlapping time: allowed, but shown. */
  @property({ type: Boolean, reflect: true, attribute: "bay-clash" }) bayClash = false;
  /** Starts outside opening hours (the card sits at the board's edge with its own time). */
  @property({ type: Boolean, reflect: true, attribute: "outside-hours" }) outsideHours = false;

  static override styles = css`
    :host {
      display: block;
      position: relative;
      container-type: size;
      min-width: 0;
      min-height: 0;
      font-size: var(--mb-font-size);
      line-height: 1.2;
      color: var(--mb-card-text);
      --tone: var(--mb-booked);
      --card-bg: var(--mb-card-bg);
    }
    /* the card's size never follows its text: a changed card is laid out alone, not the whole board around it */
    .card {
      contain: strict;
      box-sizing: border-box;
      height: 100%;
      overflow: hidden;
      padding: 0.1em 0.2em 0.1em 0.25em;
      line-height: 1.1em;
      border-radius: var(--mb-radius);
      background: var(--card-bg);
      border-left: 0.22em solid var(--tone);
      display: flex;
      flex-direction: column;
    }
    :host([tone="confirmed"]) { --tone: var(--mb-confirmed); }
    :host([tone="grace"]) { --tone: var(--mb-grace); }
    :host([tone="late"]) { --tone: var(--mb-late); --card-bg: var(--mb-card-late-bg); }
    :host([tone="late-escalated"]) { --tone: var(--mb-escalated); --card-bg: var(--mb-card-escalated-bg); }
    :host([tone="arrived"]) { --tone: var(--mb-arrived); --card-bg: var(--mb-card-arrived-bg); }
    :host([tone="in_service"]) { --tone: var(--mb-service); --card-bg: var(--mb-card-service-bg); }
    :host([tone="greeted"]) { --tone: var(--mb-greeted); --card-bg: var(--mb-card-greeted-bg); }
    /* 迎接超时: its own colour, a thick outline, the ‼ icon and the word 未出迎, so it never rests on colour alone */
    :host([tone="greeting_overdue"]) { --tone: var(--mb-greeting-overdue); --card-bg: var(--mb-card-greeting-overdue-bg); }
    :host([tone="greeting_overdue"]) .card {
      outline: 0.16em solid var(--mb-greeting-overdue);
      outline-offset: -0.16em;
    }
    :host([tone="greeting_overdue"]) .status .pill {
      font-size: 1.05em;
      letter-spacing: 0.05em;
    }
    .mark {
      border: 0.06em solid var(--mb-mark);
      color: var(--mb-mark);
      border-radius: 0.2em;
      padding: 0 0.12em;
      margin-right: 0.2em;
      font-weight: 700;
    }
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
    /*
     * A changed card flashes with a ring around it. The ring is its own element whose opacity is
     * animated, which the compositor does alone: animating the card's own shadow would repaint it
     * every frame for four seconds after every change, and a busy board always has one flashing.
     */
    .flash {
      position: absolute;
      inset: 0;
      border-radius: var(--mb-radius);
      box-shadow: 0 0 0 0.15em var(--mb-highlight);
      pointer-events: none;
      opacity: 0;
    }
    :host([highlighted]) .flash {
      animation: flash 1s ease-in-out 4;
    }
    @keyframes flash {
      50% {
        opacity: 1;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      :host([highlighted]) .flash {
        animation: none;
        opacity: 1;
      }
    }
    /* every line is exactly one line high, so the container queries below know how many fit */
    .line {
      height: 1.1em;
      line-height: 1.1em;
      white-space: nowrap;
      overflow: hidden;
      min-width: 0;
      flex: none;
    }
    .head,
    .status,
    .plate-work {
      display: flex;
      gap: 0.3em;
    }
    .head {
      justify-content: space-between;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .icon {
      color: var(--tone);
      flex: none;
    }
    .status {
      font-weight: 700;
    }
    .pill {
      flex: none;
      background: var(--tone);
      color: var(--mb-pill-text);
      border-radius: 0.2em;
      padding: 0 0.12em;
    }
    .warn {
      color: var(--mb-over);
      font-weight: 700;
    }
    .dot {
      /* CJK fonts draw the plate's "·" full width; a Latin font's keeps 京A·***45 within a narrow card */
      font-family: Arial, "Helvetica Neue", "DejaVu Sans", sans-serif;
    }
    /* the parts a narrow card may shorten: the late minutes, the work and the bay; everything else is whole or not shown */
    .detail,
    .work,
    .bay {
      font-variant-numeric: tabular-nums;
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .plate {
      flex: none;
    }
    .plate.tail {
      display: none;
    }
    /*
     * Lines by priority: time, status word, customer, plate and work, bay. A card n lines high is
     * 0.2em + 1.1em * n; each query hides what no longer fits, so nothing is ever cut in half.
     */
    @container (max-height: 3.45em) {
      .customer, .plate-work, .bay { display: none; }
    }
    @container (max-height: 4.55em) {
      .plate-work, .bay { display: none; }
    }
    @container (max-height: 5.65em) {
      .bay { display: none; }
    }
    /* a narrow card (side by side in a busy hour) keeps the plate's tail, what the guide calls out ("尾号 45") */
    @container (max-width: 9em) {
      .plate.full { display: none; }
      .plate.tail { display: block; }
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
      case "greetingWait":
        return t(this.language, "step.greetingWait", { minutes: d.minutes });
      case "greetedAt":
        return t(this.language, "step.greetedAt", { time: formatTimeOfDay(d.instant, this.rules.timeZone) });
      case "expected":
        return t(this.language, "board.card.expected", { time: formatTimeOfDay(d.instant, this.rules.timeZone) });
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
    const detail = this.detail(v);
    // the marks lead the detail: when the card is narrow the time of arrival gives way first
    const marks = v.marks.map((m) => html`<span class="mark" data-mark=${m.kind}>${markText(this.language, m)}</span>`);
    return html`<div class="card" @click=${this.activate} data-id=${a.id}>
      <div class="line head">
        <span class="time ${this.outsideHours ? "warn" : ""}" title=${this.outsideHours ? t(this.language, "board.grid.outsideHours") : nothing}
          >${this.outsideHours ? "⚠" : ""}${a.startTime}</span
        ><span class="icon" aria-hidden="true">${v.icon}</span>
      </div>
      <div class="line status"><span class="pill">${t(this.language, v.label)}</span>${marks}${detail === nothing ? nothing : html`<span class="detail">${detail}</span>`}</div>
      <div class="line customer">${customer}</div>
      <div class="line plate-work">
        <span class="plate full">${plateParts(a.plate)}</span><span class="plate tail">${plateTail(a.plate)}</span><span class="work">${a.workRequested}</span>
      </div>
      <div class="line bay ${this.bayClash ? "warn" : ""}">${this.bayClash ? `⚠ ${t(this.language, "board.card.bayClash")} ` : ""}${this.bayName ?? t(this.language, "board.card.noBay")}</div>
    </div>
    <div class="flash" aria-hidden="true"></div>`;
  }
}

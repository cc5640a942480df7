import { LitElement, html, nothing } from "lit";
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
 * plate, work and bay. Lines of lower priority give way when the card is small (its host says how
 * many fit, see `fit`), so a crowded slot still shows time and status; four lines (the TV's cards)
 * show all but the bay. Data comes in by properties; the only output is `board-card-activate`, for
 * editors that open a card. Its styles are its host's to include (boardCardStyles).
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
  /** Just changed: a ring that blinks for a few seconds (the host decides how long, and blinks it: highlight-blink.ts). */
  @property({ type: Boolean, reflect: true }) highlighted = false;
  @property({ reflect: true }) tone = "";
  /** Another card has this bay at an overlapping time: allowed, but shown. */
  @property({ type: Boolean, reflect: true, attribute: "bay-clash" }) bayClash = false;
  /** Starts outside opening hours (the card sits at the board's edge with its own time). */
  @property({ type: Boolean, reflect: true, attribute: "outside-hours" }) outsideHours = false;

  /**
   * The lines that fit and the card's width class (card-fit.ts), from the size its host gives the
   * card; the default shows every line, as a card alone with room enough.
   */
  @property() fit = "lines-5";

  /**
   * No shadow root: the card renders into its host's tree and takes its look from the host's
   * stylesheet (board-card-styles.ts). Sixty-odd shadow roots, each with its own scope and
   * container, made the browser's style and layout work per patch many times the script's.
   */
  override createRenderRoot(): HTMLElement {
    return this;
  }

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
    return html`<div class="card ${this.fit}" @click=${this.activate} data-id=${a.id}>
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
    </div>`;
  }
}

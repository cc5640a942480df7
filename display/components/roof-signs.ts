import { LitElement, css, html } from "lit";
import { customElement, property } from "lit/decorators.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import type { Advisor } from "../../shared/schemas/advisor.js";
import type { Language } from "../../shared/schemas/common.js";
import { t } from "../../shared/i18n/messages.js";
import { formatLongDate } from "../../shared/i18n/dates.js";
import { queueLabel } from "../../shared/i18n/queue-number.js";
import { maskName } from "../../shared/rules/mask.js";

declare global {
  interface HTMLElementTagNameMap {
    "roof-signs": RoofSigns;
  }
}

/**
 * 预约车顶牌: one A5 landscape sign per card, two to an A4 sheet, for the car's roof or dashboard.
 * 预约 (or 散客 for a walk-in) in type the guide reads across the forecourt, the queue number, the
 * plate, and the customer masked as on the public TV, since a sign on a dashboard is public too.
 * Sized in millimetres for paper; `print-roof-signs.ts` puts it alone on the printed page.
 */
@customElement("roof-signs")
export class RoofSigns extends LitElement {
  @property({ attribute: false }) cards: readonly Appointment[] = [];
  @property({ attribute: false }) advisors: readonly Advisor[] = [];
  @property({ reflect: true }) language: Language = "zh-CN";

  static override styles = css`
    :host {
      display: block;
      color: #000;
      background: #fff;
      font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "DejaVu Sans", sans-serif;
    }
    .sign {
      box-sizing: border-box;
      width: 210mm;
      /* half an A4 sheet less a millimetre, so rounding never pushes the second sign onto a new page */
      height: 148mm;
      padding: 10mm 12mm;
      display: grid;
      grid-template-columns: 1fr auto;
      column-gap: 6mm;
      grid-template-rows: auto auto 1fr;
      align-items: start;
      overflow: hidden;
      break-inside: avoid;
      page-break-inside: avoid;
      border-bottom: 0.3mm dashed #777;
    }
    .sign:nth-child(2n) {
      border-bottom: none;
    }
    .sign:nth-child(2n):not(:last-child) {
      break-after: page;
      page-break-after: always;
    }
    .title {
      font-size: 42mm;
      line-height: 1;
      font-weight: 900;
      letter-spacing: 2mm;
      white-space: nowrap;
    }
    :host([language="en"]) .title {
      font-size: 18mm;
      letter-spacing: 0;
      padding-top: 6mm;
    }
    .walk-in .title {
      /* walk-ins are told apart by the word and a reversed block, never by colour alone */
      background: #000;
      color: #fff;
      padding: 0 3mm;
    }
    .number {
      text-align: right;
      white-space: nowrap;
    }
    .number .label {
      display: block;
      font-size: 6mm;
      font-weight: 700;
    }
    .number .value {
      display: block;
      font-size: 26mm;
      line-height: 1;
      font-weight: 900;
      font-variant-numeric: tabular-nums;
      border: 1.2mm solid #000;
      border-radius: 3mm;
      padding: 1mm 3mm;
    }
    .plate {
      grid-column: 1 / -1;
      font-size: 24mm;
      font-weight: 900;
      line-height: 1.15;
      margin-top: 4mm;
      letter-spacing: 1mm;
    }
    dl {
      grid-column: 1 / -1;
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 1mm 5mm;
      margin: 3mm 0 0;
      font-size: 10mm;
      line-height: 1.2;
    }
    dt {
      font-weight: 400;
    }
    dd {
      margin: 0;
      font-weight: 700;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
  `;

  private sign(a: Appointment) {
    const l = this.language;
    const kind = a.walkIn ? "walkIn" : "appointment";
    const advisor = this.advisors.find((x) => x.id === a.advisorId)?.name ?? "";
    return html`<article class="sign ${a.walkIn ? "walk-in" : ""}" data-id=${a.id} aria-label=${t(l, `roof.title.${kind}`) + " " + queueLabel(l, a)}>
      <div class="title">${t(l, `roof.title.${kind}`)}</div>
      <div class="number"><span class="label">${t(l, "roof.label.number")}</span><span class="value">${queueLabel(l, a)}</span></div>
      <div class="plate">${a.plate}</div>
      <dl>
        <dt>${t(l, "admin.field.customerName")}</dt><dd>${t(l, `board.card.customer.${a.customerTitle}`, { name: maskName(a.customerName) })}</dd>
        <dt>${t(l, "roof.label.advisor")}</dt><dd>${advisor}</dd>
        <dt>${t(l, `roof.label.time.${kind}`)}</dt><dd>${formatLongDate(l, a.date)} ${a.startTime}</dd>
      </dl>
    </article>`;
  }

  override render() {
    return this.cards.map((a) => this.sign(a));
  }
}

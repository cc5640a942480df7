import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Appointment } from "../shared/schemas/appointment.js";
import type { BoardSnapshot } from "../shared/schemas/board.js";
import type { Language } from "../shared/schemas/common.js";
import { OnTheWayMinutesSchema } from "../shared/schemas/reception.js";
import { t } from "../shared/i18n/messages.js";
import { formatTimeOfDay } from "../shared/i18n/dates.js";
import { isAwaited, minutesLate } from "../shared/rules/lateness.js";
import { greetingWaitMinutes, isGreetingOverdue } from "../shared/rules/greeting.js";
import { fieldProblems } from "./field-problems.js";
import { formStyles } from "./admin-form-styles.js";
import type { SendCommand } from "./staff-api.js";
import type { CardAction } from "./admin-card-panel.js";
import type { WalkInDone } from "../gate/gate-walk-in.js";
import "../gate/gate-walk-in.js";
import { queueLabel } from "../shared/i18n/queue-number.js";
import { printRoofSigns } from "../display/print-roof-signs.js";
import "./admin-figures.js";

declare global {
  interface HTMLElementTagNameMap {
    "admin-reception": AdminReception;
  }
}

/** Customers past their grace and not here (延时未到), in the order they were due. */
export function lateNotHere(cards: readonly Appointment[]): Appointment[] {
  return cards.filter((a) => isAwaited(a.status) && a.lateAt !== null && !a.walkIn).sort((a, b) => a.startTime.localeCompare(b.startTime) || a.id - b.id);
}

/**
 * The desk's reception page: 延时未到 with the phone one tap away and the three outcomes (在路上
 * with minutes, 改约 through the editor's booking form, 取消), the customers nobody has greeted past
 * the limit (the desk may stamp 已出迎 for an advisor without a phone), and 散客接待 as at the gate.
 */
@customElement("admin-reception")
export class AdminReception extends LitElement {
  @property({ attribute: false }) board!: BoardSnapshot;
  @property() language: Language = "zh-CN";
  @property({ attribute: false }) send!: SendCommand;
  @property({ type: Number }) now = 0;
  /** Minutes typed per card, and what was wrong with them. */
  @state() private minutes = new Map<number, string>();
  @state() private problems = new Map<number, string>();
  /** 散客接待 opens on demand, as at the gate; 返回 closes it again. */
  @state() private walkInOpen = false;
  /** The walk-in just received, with its roof sign one click away. */
  @state() private received: WalkInDone | null = null;

  static override styles = [
    formStyles,
    css`
      :host {
        display: block;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: left;
        padding: 0.35em 0.5em;
        border-bottom: 1px solid var(--mb-line);
        vertical-align: middle;
      }
      input.minutes {
        width: 4.5em;
      }
      .figures {
        grid-column: 1 / -1;
        grid-row: 2;
      }
      .cols {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(18em, 1fr);
        gap: 1.5em;
      }
      @media (max-width: 60em) {
        .cols {
          grid-template-columns: 1fr;
        }
      }
      a.phone {
        font-weight: 700;
        color: inherit;
      }
      .received {
        margin-bottom: 0.6em;
        font-weight: 600;
      }
    `,
  ];

  private advisorName(id: number): string {
    return this.board.advisors.find((a) => a.id === id)?.name ?? "";
  }

  private act(id: number, action: CardAction): void {
    this.dispatchEvent(new CustomEvent("admin-card-action", { detail: { id, action }, bubbles: true, composed: true }));
  }

  private async onTheWay(a: Appointment): Promise<void> {
    const raw = (this.minutes.get(a.id) ?? "").trim();
    const parsed = OnTheWayMinutesSchema.safeParse(raw === "" ? NaN : Number(raw));
    if (!parsed.success) {
      const p = [...fieldProblems(parsed.error).values()][0];
      this.problems = new Map(this.problems).set(a.id, p ? t(this.language, p.key, p.params) : "");
      return;
    }
    const rest = new Map(this.problems);
    rest.delete(a.id);
    this.problems = rest;
    await this.send({ type: "appointment.on_the_way", id: a.id, version: a.version, minutes: parsed.data }, "reception.toast.onTheWay");
  }

  private lateRow(a: Appointment) {
    const l = this.language;
    const tz = this.board.settings.timeZone;
    const problem = this.problems.get(a.id);
    return html`<tr data-id=${a.id}>
      <td>${a.startTime}</td>
      <td>${t(l, `board.card.customer.${a.customerTitle}`, { name: a.customerName })}<br />${a.plate}</td>
      <td>${this.advisorName(a.advisorId)}</td>
      <td>${a.phone ? html`<a class="phone" href="tel:${a.phone.replace(/[^+0-9]/g, "")}">${a.phone}</a>` : "–"}</td>
      <td>
        ${t(l, "board.card.lateMinutes", { minutes: minutesLate(a, tz, this.now) })}
        ${a.expectedAt ? html`<br />${t(l, "reception.late.expected", { time: formatTimeOfDay(Date.parse(a.expectedAt), tz) })}` : nothing}
      </td>
      <td>
        <label class="inline">${t(l, "reception.field.minutes")}
          <input class="minutes" inputmode="numeric" aria-invalid=${problem !== undefined} .value=${this.minutes.get(a.id) ?? ""}
            @input=${(e: Event) => (this.minutes = new Map(this.minutes).set(a.id, (e.target as HTMLInputElement).value))} />
        </label>
        <button data-action="on-the-way" @click=${() => void this.onTheWay(a)}>${t(l, "reception.late.onTheWay")}</button>
        ${problem ? html`<div class="error" role="alert">${t(l, "reception.field.minutes")}: ${problem}</div>` : nothing}
      </td>
      <td>
        <button data-action="reschedule" @click=${() => this.act(a.id, "edit")}>${t(l, "reception.late.reschedule")}</button>
        <button data-action="cancel" @click=${() => this.act(a.id, "cancel")}>${t(l, "step.action.cancel")}</button>
      </td>
    </tr>`;
  }

  private readonly openWalkIn = (): void => {
    this.received = null;
    this.walkInOpen = true;
  };

  private readonly walkInDone = (e: CustomEvent<WalkInDone>): void => {
    this.received = e.detail;
    this.walkInOpen = false;
  };

  private renderWalkIn() {
    const l = this.language;
    const got = this.received;
    const notice = got
      ? html`<div class="received" role="status">
          ${t(l, "roof.walkIn.done", { plate: got.plate, number: queueLabel(l, got.card), advisor: got.advisor })}
          <button data-action="walk-in-roof-sign" @click=${() => void printRoofSigns(document, { cards: [got.card], advisors: this.board.advisors, language: l })}>
            ${t(l, "roof.walkIn.print", { number: queueLabel(l, got.card) })}
          </button>
        </div>`
      : nothing;
    if (!this.walkInOpen) {
      return html`${notice}<button data-action="walk-in" @click=${this.openWalkIn}>${t(l, "gate.walkIn")}</button>`;
    }
    return html`<gate-walk-in desk .board=${this.board} .serverNow=${() => this.now} .language=${l}
      @walk-in-done=${this.walkInDone}
      @walk-in-cancel=${() => (this.walkInOpen = false)}></gate-walk-in>`;
  }

  override render() {
    const l = this.language;
    const late = lateNotHere(this.board.appointments);
    const waiting = this.board.appointments.filter(isGreetingOverdue);
    return html`<div class="cols">
      <div>
        <section>
          <h2>${t(l, "reception.late.title")} (${late.length})</h2>
          ${late.length === 0
            ? html`<p>${t(l, "reception.late.none")}</p>`
            : html`<table>
                <thead><tr>
                  <th>${t(l, "admin.field.startTime")}</th><th>${t(l, "admin.field.customerName")}</th><th>${t(l, "admin.field.advisor")}</th>
                  <th>${t(l, "admin.field.phone")}</th><th>${t(l, "board.status.late")}</th><th colspan="2">${t(l, "reception.late.outcome")}</th>
                </tr></thead>
                <tbody>${late.map((a) => this.lateRow(a))}</tbody>
              </table>`}
        </section>
        <section>
          <h2>${t(l, "gate.overdue.title", { limit: this.board.settings.greetingLimitMinutes })}</h2>
          ${waiting.length === 0
            ? html`<p>${t(l, "reception.overdue.none")}</p>`
            : html`<ul>${waiting.map(
                (a) => html`<li data-id=${a.id}>
                  ${t(l, "gate.overdue.item", {
                    plate: a.plate,
                    customer: t(l, `board.card.customer.${a.customerTitle}`, { name: a.customerName }),
                    advisor: this.advisorName(a.advisorId),
                    minutes: greetingWaitMinutes(a, this.now) ?? 0,
                  })}
                  <button data-action="greet" @click=${() => void this.send({ type: "appointment.status", id: a.id, version: a.version, action: "greet" }, "step.toast.greet")}>
                    ${t(l, "step.action.greet")}
                  </button>
                </li>`,
              )}</ul>`}
        </section>
      </div>
      <section class="figures">
        <admin-figures .date=${this.board.date} .language=${l}></admin-figures>
      </section>
      <section class="walk-in">${this.renderWalkIn()}</section>
    </div>`;
  }
}

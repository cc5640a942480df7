import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Appointment } from "../shared/schemas/appointment.js";
import type { BoardSnapshot } from "../shared/schemas/board.js";
import type { Language } from "../shared/schemas/common.js";
import { formatLongDate } from "../shared/i18n/dates.js";
import { t } from "../shared/i18n/messages.js";
import { callsToMake, partsToPrepare, readiness, toReport } from "./day-before.js";
import { customerText } from "./card-text.js";
import type { SendCommand } from "./staff-api.js";
import type { CardAction } from "./admin-card-panel.js";
import { callDue, type ConfirmationCall, type ConfirmationOutcome } from "../shared/rules/confirmation.js";
import { fetchConfirmations } from "./call-in-api.js";
import { LatestAnswer } from "../login/staff-api.js";
import { localParts } from "../shared/rules/zoned-time.js";
import { roofSignBatch, roofSheetCount } from "../shared/rules/roof-sign.js";
import { printRoofSigns } from "../display/print-roof-signs.js";

declare global {
  interface HTMLElementTagNameMap {
    "admin-day-before": AdminDayBefore;
  }
}

/**
 * The day before (预约确认, 履约准备): the calls still to make with one-click outcomes, the parts to
 * pick with a label per appointment, the repeat-repair and complaint customers to report, and how
 * ready the day is per advisor. Shown for whatever date the app follows (tomorrow by default).
 */
@customElement("admin-day-before")
export class AdminDayBefore extends LitElement {
  @property({ attribute: false }) board!: BoardSnapshot;
  @property() language: Language = "zh-CN";
  @property({ attribute: false }) send!: SendCommand;
  /** The calls tried already (无人接听, 已发短信), by card id; read from the server for the date shown. */
  @state() private tried = new Map<number, ConfirmationCall>();
  /** The server's clock, for when an unanswered customer is due again. */
  @property({ attribute: false }) now = 0;
  private loadedFor = "";
  private readonly answers = new LatestAnswer();
  /** While printing labels only the labels are printed. */
  @property({ reflect: true }) printing: "labels" | "" = "";

  static override styles = css`
    :host {
      display: block;
    }
    section {
      margin-bottom: 1.4em;
    }
    h2 {
      font-size: 1.15em;
      margin: 0 0 0.3em;
    }
    h3 {
      font-size: 1.05em;
      margin: 0.8em 0 0.3em;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 0.3em 0.5em;
      border-bottom: 1px solid var(--mb-line);
      vertical-align: top;
    }
    td.num {
      font-variant-numeric: tabular-nums;
    }
    tr.total {
      font-weight: 700;
    }
    button {
      font: inherit;
      padding: 0.3em 0.7em;
      border-radius: 0.35em;
      border: 1px solid var(--mb-line);
      background: var(--mb-card-bg);
      color: var(--mb-text);
      cursor: pointer;
      margin: 0 0.2em 0.2em 0;
    }
    a {
      color: inherit;
    }
    .labels {
      display: grid;
      grid-template-columns: repeat(auto-fill, 62mm);
      gap: 4mm;
      margin-top: 0.6em;
    }
    .label {
      box-sizing: border-box;
      width: 62mm;
      min-height: 29mm;
      padding: 2mm 3mm;
      border: 1px dashed var(--mb-line);
      break-inside: avoid;
      background: white;
      color: black;
    }
    .label .plate {
      font-size: 16pt;
      font-weight: 700;
    }
    .empty,
    tr.waiting td,
    .tried {
      color: var(--mb-text-muted);
    }
    details p {
      max-width: 40em;
      margin: 0.3em 0;
    }
    @media print {
      :host([printing="labels"]) section:not(.parts),
      :host([printing="labels"]) .parts > :not(.labels) {
        display: none;
      }
      :host([printing="labels"]) .label {
        border: 1px solid black;
      }
      button {
        display: none;
      }
    }
  `;

  override willUpdate(): void {
    if (this.board.date !== this.loadedFor) void this.loadTried();
  }

  private async loadTried(): Promise<void> {
    this.loadedFor = this.board.date;
    const latest = this.answers.ask();
    const got = await fetchConfirmations(this.board.date);
    if (got && latest()) this.tried = new Map(got.calls.map((c) => [c.appointmentId, c]));
  }

  private async callOutcome(a: Appointment, outcome: ConfirmationOutcome): Promise<void> {
    const ack = await this.send({ type: "appointment.confirmation_call", id: a.id, outcome }, `callin.toast.confirmation.${outcome}`);
    if (ack.ok) await this.loadTried();
  }

  private action(a: Appointment, action: CardAction): void {
    this.dispatchEvent(new CustomEvent("admin-card-action", { detail: { id: a.id, action }, bubbles: true, composed: true }));
  }

  private async printLabels(): Promise<void> {
    this.printing = "labels";
    await this.updateComplete;
    window.print();
    this.printing = "";
  }

  private advisorName(id: number): string {
    return this.board.advisors.find((a) => a.id === id)?.name ?? "";
  }

  private renderReadiness() {
    const lang = this.language;
    const rows = readiness(this.board.appointments, this.board.advisors, t(lang, "admin.dayBefore.total"));
    return html`<section class="readiness">
      <h3>${t(lang, "admin.dayBefore.readiness")}</h3>
      <table>
        <thead><tr>
          <th>${t(lang, "admin.field.advisor")}</th><th>${t(lang, "admin.dayBefore.cards")}</th><th>${t(lang, "admin.dayBefore.confirmed")}</th>
          <th>${t(lang, "admin.dayBefore.partsReady")}</th><th>${t(lang, "admin.dayBefore.bayReserved")}</th>
        </tr></thead>
        <tbody>
          ${rows.map(
            (r, i) => html`<tr class=${i === rows.length - 1 ? "total" : ""}>
              <td>${r.label}</td><td class="num">${r.total}</td><td class="num">${r.confirmed}/${r.total}</td>
              <td class="num">${r.partsReady}/${r.partsNeeded}</td><td class="num">${r.bayReserved}/${r.total}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }

  private renderCalls() {
    const lang = this.language;
    const calls = callsToMake(this.board.appointments);
    return html`<section class="calls">
      <h3>${t(lang, "admin.dayBefore.calls", { count: calls.length })}</h3>
      ${calls.length === 0
        ? html`<p class="empty">${t(lang, "admin.dayBefore.callsDone")}</p>`
        : html`<table>
            <tbody>
              ${calls.map(
                (a) => {
                  const tried = this.tried.get(a.id);
                  return html`<tr data-id=${a.id} class=${callDue(a, tried, this.now) ? "" : "waiting"}>
                  <td>${a.startTime}</td><td>${customerText(lang, a)}</td><td><a href="tel:${a.phone.replace(/\s/g, "")}">${a.phone}</a></td>
                  <td>${a.plate}</td><td>${a.workRequested}</td><td>${this.advisorName(a.advisorId)}</td>
                  <td>
                    <button @click=${() => this.send({ type: "appointment.status", id: a.id, version: a.version, action: "confirm" }, "step.toast.confirm")}>${t(lang, "admin.dayBefore.outcome.confirmed")}</button>
                    <button @click=${() => this.action(a, "edit")}>${t(lang, "admin.dayBefore.outcome.changed")}</button>
                    <button @click=${() => this.send({ type: "appointment.status", id: a.id, version: a.version, action: "cancel" }, "step.toast.cancel")}>${t(lang, "admin.dayBefore.outcome.cancelled")}</button>
                    <button @click=${() => void this.callOutcome(a, "no_answer")}>${t(lang, "callin.outcome.no_answer")}</button>
                    <button @click=${() => void this.callOutcome(a, "texted")}>${t(lang, "callin.confirmation.texted")}</button>
                    ${tried ? html`<div class="tried">${t(lang, `callin.confirmation.tried.${tried.outcome}`, { count: tried.attempts, at: localParts(Date.parse(tried.at), this.board.settings.timeZone).time })}</div>` : nothing}
                    <details><summary>${t(lang, "callin.script.title")}</summary>
                      <p>${t(lang, "callin.script", { who: customerText(lang, a), site: this.board.settings.siteName, time: a.startTime, date: a.date, work: a.workRequested })}</p>
                    </details>
                  </td>
                </tr>`;
                },
              )}
            </tbody>
          </table>`}
    </section>`;
  }

  private renderParts() {
    const lang = this.language;
    const parts = partsToPrepare(this.board.appointments);
    return html`<section class="parts">
      <h3>${t(lang, "admin.dayBefore.parts", { count: parts.length })}</h3>
      ${parts.length === 0
        ? html`<p class="empty">${t(lang, "admin.dayBefore.noParts")}</p>`
        : html`<table>
              <tbody>
                ${parts.map(
                  (a) => html`<tr data-id=${a.id}>
                    <td>${a.startTime}</td><td>${a.plate}</td><td>${a.workRequested}</td>
                    <td>${a.preparation.partsReady ? t(lang, "admin.prep.partsReady") : t(lang, "admin.dayBefore.partsMissing")}</td>
                    <td>${a.preparation.partsReady
                      ? nothing
                      : html`<button @click=${() => this.send({ type: "appointment.update", id: a.id, version: a.version, changes: { preparation: { partsReady: true } } }, "admin.toast.updated")}>${t(lang, "admin.dayBefore.markPartsReady")}</button>`}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
            <button @click=${this.printLabels}>🖨 ${t(lang, "admin.dayBefore.printLabels")}</button>
            <div class="labels">
              ${parts.map((a) => html`<div class="label"><div class="plate">${a.plate}</div><div>${a.date} ${a.startTime}</div><div>${a.workRequested}</div></div>`)}
            </div>`}
    </section>`;
  }

  private renderReport() {
    const lang = this.language;
    const { repeatRepair, complaint } = toReport(this.board.appointments);
    const list = (cards: Appointment[]) =>
      cards.length === 0
        ? html`<p class="empty">${t(lang, "admin.dayBefore.none")}</p>`
        : html`<ul>${cards.map((a) => html`<li>${a.startTime} ${customerText(lang, a)} ${a.plate} · ${a.workRequested} · ${this.advisorName(a.advisorId)}</li>`)}</ul>`;
    return html`<section class="report">
      <h3>${t(lang, "admin.dayBefore.repeatRepair")}</h3>
      ${list(repeatRepair)}
      <h3>${t(lang, "admin.dayBefore.complaint")}</h3>
      ${list(complaint)}
    </section>`;
  }

  /** 预约车顶牌 for every appointment of the day, in the order the cars are due (walk-ins get theirs at the gate). */
  private renderRoofSigns() {
    const lang = this.language;
    const cards = roofSignBatch(this.board.appointments).filter((a) => !a.walkIn);
    return html`<section class="roof-signs">
      <h3>${t(lang, "roof.print.title")}</h3>
      ${cards.length === 0
        ? html`<p class="empty">${t(lang, "roof.print.none")}</p>`
        : html`<p>${t(lang, "roof.print.hint")}</p>
            <button data-action="print-roof-signs" @click=${() => void printRoofSigns(document, { cards, advisors: this.board.advisors, language: lang })}>
              ${t(lang, "roof.print.batch", { count: cards.length, sheets: roofSheetCount(cards.length) })}
            </button>`}
    </section>`;
  }

  override render() {
    return html`<h2>${t(this.language, "admin.dayBefore.title", { date: formatLongDate(this.language, this.board.date) })}</h2>
      ${this.renderReadiness()} ${this.renderRoofSigns()} ${this.renderCalls()} ${this.renderParts()} ${this.renderReport()}`;
  }
}

import { LitElement, css, html } from "lit";
import { customElement, property } from "lit/decorators.js";
import type { BoardSnapshot } from "../shared/schemas/board.js";
import type { Language } from "../shared/schemas/common.js";
import { formatLongDate } from "../shared/i18n/dates.js";
import { t } from "../shared/i18n/messages.js";
import { customerText } from "./card-text.js";

declare global {
  interface HTMLElementTagNameMap {
    "admin-day-sheet": AdminDaySheet;
  }
}

/** The day on paper: every card in time order with what reception needs, laid out for A4 by print CSS. */
@customElement("admin-day-sheet")
export class AdminDaySheet extends LitElement {
  @property({ attribute: false }) board!: BoardSnapshot;
  @property() language: Language = "zh-CN";

  static override styles = css`
    :host {
      display: block;
    }
    h2 {
      font-size: 1.2em;
      margin: 0 0 0.5em;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 0.95em;
    }
    th,
    td {
      text-align: left;
      padding: 0.3em 0.4em;
      border: 1px solid var(--mb-line);
      vertical-align: top;
    }
    thead th {
      background: var(--mb-surface);
    }
    button {
      font: inherit;
      padding: 0.35em 0.9em;
      border-radius: 0.35em;
      border: 1px solid var(--mb-line);
      background: var(--mb-card-bg);
      color: var(--mb-text);
      cursor: pointer;
      margin-bottom: 0.6em;
    }
    @media print {
      @page {
        size: A4 landscape;
        margin: 10mm;
      }
      :host {
        color: black;
        font-size: 10pt;
      }
      button {
        display: none;
      }
      th,
      td {
        border-color: #555;
      }
      thead {
        display: table-header-group;
      }
      tr {
        break-inside: avoid;
      }
    }
  `;

  override render() {
    const lang = this.language;
    const s = this.board;
    const cards = s.appointments.filter((a) => a.status !== "cancelled").sort((a, b) => a.startTime.localeCompare(b.startTime) || a.advisorId - b.advisorId);
    const advisor = (id: number) => s.advisors.find((a) => a.id === id)?.name ?? "";
    const bay = (id: number | null) => (id === null ? "" : (s.bays.find((b) => b.id === id)?.name ?? ""));
    const marks = (a: (typeof cards)[number]) =>
      (["partsNeeded", "partsReady", "repeatRepair", "complaint", "needsRoadTest"] as const).filter((k) => a.preparation[k]).map((k) => t(lang, `admin.prep.${k}`)).join(" · ");
    return html`<button @click=${() => window.print()}>🖨 ${t(lang, "admin.sheet.print")}</button>
      <h2>${s.settings.siteName} · ${t(lang, "admin.sheet.title", { date: formatLongDate(lang, s.date) })}</h2>
      <table>
        <thead>
          <tr>
            <th>${t(lang, "admin.field.startTime")}</th><th>${t(lang, "admin.field.advisor")}</th><th>${t(lang, "admin.field.bay")}</th>
            <th>${t(lang, "admin.field.customerName")}</th><th>${t(lang, "admin.field.phone")}</th><th>${t(lang, "admin.field.plate")}</th>
            <th>${t(lang, "admin.field.vehicleModel")}</th><th>${t(lang, "admin.field.workRequested")}</th><th>${t(lang, "admin.sheet.status")}</th>
            <th>${t(lang, "admin.field.preparation")}</th><th>${t(lang, "admin.field.notes")}</th>
          </tr>
        </thead>
        <tbody>
          ${cards.map(
            (a) => html`<tr>
              <td>${a.startTime}</td><td>${advisor(a.advisorId)}</td><td>${bay(a.bayId)}</td><td>${customerText(lang, a)}</td>
              <td>${a.phone}</td><td>${a.plate}</td><td>${a.vehicleModel}</td><td>${a.workRequested}</td>
              <td>${t(lang, `board.status.${a.status}`)}</td><td>${marks(a)}</td><td>${a.notes}</td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }
}

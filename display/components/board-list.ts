import { LitElement, css, html, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import { guard } from "lit/directives/guard.js";
import type { Advisor } from "../../shared/schemas/advisor.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import type { Bay } from "../../shared/schemas/bay.js";
import type { Settings } from "../../shared/schemas/settings.js";
import type { Language } from "../../shared/schemas/common.js";
import { t } from "../../shared/i18n/board-messages.js";
import { cardView } from "../card-view.js";
import { em, TV } from "../tv-metrics.js";
import { styleProps } from "../style-props.js";
import { srOnlyStyles } from "./sr-only-styles.js";

declare global {
  interface HTMLElementTagNameMap {
    "board-list": BoardList;
  }
}

const NONE: ReadonlySet<number> = new Set();

/**
 * The flight-board list: one line per appointment in time order (time, customer, plate, advisor,
 * bay, status word, minutes late), a page of it at a time; the host chooses the lines (see
 * tv-list.ts). A line changes the moment its card does, as a card on the grid does.
 */
@customElement("board-list")
export class BoardList extends LitElement {
  @property({ attribute: false }) lines: readonly Appointment[] = [];
  @property({ attribute: false }) advisors: readonly Advisor[] = [];
  @property({ attribute: false }) bays: readonly Bay[] = [];
  @property({ attribute: false }) settings!: Settings;
  @property({ type: Number }) minute = 0;
  @property() language: Language = "zh-CN";
  @property({ attribute: false }) highlighted: ReadonlySet<number> = NONE;
  /** What is not on the list (in service, done, no-show), so the day's every card is accounted for. */
  @property() footnote = "";

  static override styles = [
    srOnlyStyles,
    css`
      :host {
        display: block;
        height: 100%;
        font-family: var(--mb-font);
        font-size: var(--mb-font-size);
        color: var(--mb-text);
      }
      table {
        width: 100%;
        border-collapse: separate;
        border-spacing: 0 ${em(0.1)};
        table-layout: fixed;
      }
      th {
        text-align: left;
        font-weight: 700;
        color: var(--mb-text-muted);
        height: ${em(TV.listLine - 0.1)};
        padding: 0 0.4em;
        white-space: nowrap;
      }
      td {
        height: ${em(TV.listLine - 0.1)};
        padding: 0 0.4em;
        background: var(--mb-card-bg);
        color: var(--mb-card-text);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        font-variant-numeric: tabular-nums;
      }
      td:first-child {
        border-left: 0.3em solid var(--tone, var(--mb-booked));
        border-radius: var(--mb-radius) 0 0 var(--mb-radius);
        font-weight: 700;
      }
      td:last-child {
        border-radius: 0 var(--mb-radius) var(--mb-radius) 0;
      }
      .advisor-mark {
        display: inline-block;
        width: 0.35em;
        height: 0.9em;
        margin-right: 0.3em;
        vertical-align: -0.1em;
        border-radius: 0.1em;
        background: var(--lane-color);
      }
      .pill {
        background: var(--tone);
        color: var(--mb-pill-text);
        border-radius: 0.2em;
        padding: 0 0.15em;
        font-weight: 700;
      }
      .late {
        color: var(--mb-late);
        font-weight: 700;
      }
      tr[data-tone="confirmed"] { --tone: var(--mb-confirmed); }
      tr[data-tone="grace"] { --tone: var(--mb-grace); }
      tr[data-tone="late"] { --tone: var(--mb-late); }
      tr[data-tone="late"] td { background: var(--mb-card-late-bg); }
      tr[data-tone="late-escalated"] { --tone: var(--mb-escalated); }
      tr[data-tone="late-escalated"] td { background: var(--mb-card-escalated-bg); }
      tr[data-tone="late-escalated"] .late { color: var(--mb-escalated); }
      tr[data-tone="arrived"] { --tone: var(--mb-arrived); }
      tr[data-tone="arrived"] td { background: var(--mb-card-arrived-bg); }
      tr[data-tone="booked"] { --tone: var(--mb-booked); }
      tr[data-tone="in_service"] { --tone: var(--mb-service); }
      tr[data-tone="greeted"] { --tone: var(--mb-greeted); }
      tr[data-tone="greeted"] td { background: var(--mb-card-greeted-bg); }
      tr[data-tone="greeting_overdue"] { --tone: var(--mb-greeting-overdue); }
      tr[data-tone="greeting_overdue"] td { background: var(--mb-card-greeting-overdue-bg); }
      tr.highlighted td {
        box-shadow: inset 0 0.12em 0 var(--mb-highlight), inset 0 -0.12em 0 var(--mb-highlight);
      }
      .col-time { width: 4em; }
      .col-customer { width: 7.5em; }
      .col-plate { width: 7em; }
      .col-advisor { width: 12em; }
      .col-bay { width: 7em; }
      .col-status { width: 7em; }
      .col-late { width: 8em; }
      .empty,
      .footnote {
        color: var(--mb-text-muted);
        padding: 0.2em 0.4em;
        height: ${em(TV.listLine - 0.1)};
        box-sizing: border-box;
        white-space: nowrap;
      }
    `,
  ];

  private line(a: Appointment, advisors: ReadonlyMap<number, Advisor>, bays: ReadonlyMap<number, string>) {
    const lang = this.language;
    const v = cardView(a, this.settings, this.minute);
    const advisor = advisors.get(a.advisorId);
    const customer = t(lang, `board.card.customer.${a.customerTitle}`, { name: a.customerName });
    const late = v.detail.kind === "late" ? t(lang, "board.card.lateMinutes", { minutes: v.detail.minutes }) : "";
    return html`<tr data-card=${a.id} data-tone=${v.tone} class=${this.highlighted.has(a.id) ? "highlighted" : ""}>
      <td>${a.startTime}</td>
      <td>${customer}</td>
      <td>${a.plate}</td>
      <td><span class="advisor-mark" style=${styleProps({ "--lane-color": advisor?.color ?? "transparent" })}></span>${advisor?.name ?? ""}</td>
      <td>${a.bayId === null ? t(lang, "board.card.noBay") : (bays.get(a.bayId) ?? "")}</td>
      <td><span class="pill">${t(lang, v.label)}</span></td>
      <td class="late">${late}</td>
    </tr>`;
  }

  /** The advisors and bays by id, made again only when the board's lists of them change. */
  private byId(): { advisors: ReadonlyMap<number, Advisor>; bays: ReadonlyMap<number, string> } {
    const c = this.byIdCache;
    if (c && c.advisorList === this.advisors && c.bayList === this.bays) return c;
    this.byIdCache = {
      advisorList: this.advisors,
      bayList: this.bays,
      advisors: new Map(this.advisors.map((a) => [a.id, a])),
      bays: new Map(this.bays.map((b) => [b.id, b.name])),
    };
    return this.byIdCache;
  }

  private byIdCache: { advisorList: readonly Advisor[]; bayList: readonly Bay[]; advisors: ReadonlyMap<number, Advisor>; bays: ReadonlyMap<number, string> } | undefined;

  override render() {
    if (!this.settings) return nothing;
    const lang = this.language;
    const { advisors, bays } = this.byId();
    return html`<table aria-label=${t(lang, "display.list.label")}>
        <colgroup>
          ${["time", "customer", "plate", "advisor", "bay", "status", "late"].map((c) => html`<col class="col-${c}" />`)}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">${t(lang, "display.list.time")}</th>
            <th scope="col">${t(lang, "display.list.customer")}</th>
            <th scope="col">${t(lang, "display.list.plate")}</th>
            <th scope="col">${t(lang, "display.list.advisor")}</th>
            <th scope="col">${t(lang, "display.list.bay")}</th>
            <th scope="col">${t(lang, "display.list.status")}</th>
            <th scope="col">${t(lang, "display.list.late")}</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            this.lines,
            (a) => a.id,
            // a patch changes one card: the other lines (the same card objects) are skipped, not drawn again
            (a) =>
              guard([a, this.minute, lang, this.settings, this.highlighted.has(a.id), advisors.get(a.advisorId), a.bayId === null ? null : bays.get(a.bayId)], () =>
                this.line(a, advisors, bays),
              ),
          )}
        </tbody>
      </table>
      ${this.lines.length === 0 ? html`<div class="empty">${t(lang, "display.list.empty")}</div>` : nothing}
      ${this.footnote ? html`<div class="footnote">${this.footnote}</div>` : nothing}`;
  }
}

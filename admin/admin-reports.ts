import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Language } from "../shared/schemas/common.js";
import type { CallListFigures } from "../shared/schemas/call-lists.js";
import type { ReportFigures } from "../shared/rules/report-figures.js";
import type { ReceptionFigures } from "../shared/rules/reception-figures.js";
import { REPORT_PERIODS, monthsOf, periodRange, type ReportPeriod } from "../shared/rules/report-period.js";
import type { MessageParams } from "../shared/i18n/messages.js";
import { say, type AnyMessageKey } from "../shared/i18n/report-messages.js";
import { errorText } from "../shared/i18n/errors.js";
import { call, LatestAnswer, type ApiResult } from "../login/staff-api.js";
import { formStyles } from "./admin-form-styles.js";
import { fetchToday } from "./staff-api.js";
import type { FigureTable } from "../shared/csv/figure-table.js";
import { callInTable, confirmationTable, countTable, loadTable, outcomeChart, outcomeTable, receptionTable, type ChartSpec } from "./report-tables.js";
import "./report-chart.js";
import "./report-heatmap.js";
import "./report-panel.js";
import { apiUrl } from "../display/site-path.js";

declare global {
  interface HTMLElementTagNameMap {
    "admin-reports": AdminReports;
  }
}

interface Loaded {
  report: ReportFigures;
  reception: ReceptionFigures;
  callIn: CallListFigures[];
}

/**
 * The manager's reports for a day, a week or a month in the site's time zone: show, no-show and
 * late rates, bookings by source and initiator, the day-before confirmation rate, the board's load
 * by hour as heat maps, and the reception and call-in figures. Each figure is computed once by the
 * server (one call per figure set); this page only draws it, with its table and CSV beside it.
 */
@customElement("admin-reports")
export class AdminReports extends LitElement {
  @property() language: Language = "zh-CN";
  @state() private period: ReportPeriod = "day";
  @state() private day = "";
  @state() private loaded: Loaded | null = null;
  @state() private loading = false;
  @state() private failed = "";
  /** Answers of an older request are dropped when the manager has asked for another period since. */
  private readonly answers = new LatestAnswer();

  static override styles = [
    formStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: flex;
        gap: 0.8em;
        align-items: end;
        flex-wrap: wrap;
        margin-bottom: 0.6em;
      }
      fieldset {
        border: none;
        display: flex;
        gap: 0.3em;
        padding: 0;
        margin: 0;
      }
      legend {
        padding: 0;
        margin-bottom: 0.2em;
      }
      .muted {
        color: var(--mb-text-muted);
      }
      .pair {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: 0 1.2em;
      }
      @media (max-width: 1100px) {
        .pair {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.day) void this.start();
  }

  /** The report opens on today in the site's zone by the server's clock, as the editor does. */
  private async start(): Promise<void> {
    const today = await fetchToday();
    if (today === null) {
      this.failed = this.msg("reports.loadFailed");
      return;
    }
    this.day = today;
    await this.load();
  }

  private msg(key: AnyMessageKey, params?: MessageParams): string {
    return say(this.language, key, params);
  }

  private async load(): Promise<void> {
    const latest = this.answers.ask();
    const range = periodRange(this.period, this.day);
    const months = monthsOf(range);
    this.loading = true;
    const [report, reception, callIn] = await Promise.all([
      call<ReportFigures>(apiUrl(`/reports/figures?from=${range.from}&to=${range.to}`)),
      call<ReceptionFigures>(apiUrl(`/reception/figures?from=${range.from}&to=${range.to}`)),
      call<CallListFigures[]>(apiUrl(`/call-lists/figures?from=${months.from}&to=${months.to}`)),
    ]);
    if (!latest()) return;
    this.loading = false;
    if (report.ok && reception.ok && callIn.ok) {
      this.loaded = { report: report.data, reception: reception.data, callIn: callIn.data };
      this.failed = "";
      return;
    }
    const bad = [report, reception, callIn].find((r): r is Extract<ApiResult<unknown>, { ok: false }> => !r.ok);
    this.failed = bad?.error ? errorText(this.language, bad.error) : this.msg("reports.loadFailed");
  }

  private submit(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    this.period = (data.get("period") as ReportPeriod | null) ?? "day";
    const date = data.get("date");
    const day = typeof date === "string" ? date : "";
    if (/^\d{4}-\d{2}-\d{2}$/.test(day)) this.day = day;
    void this.load();
  }

  private controls() {
    return html`<form data-form="report-period" @submit=${this.submit}>
      <fieldset>
        <legend>${this.msg("reports.period")}</legend>
        ${REPORT_PERIODS.map(
          (p) => html`<label class="inline"><input type="radio" name="period" value=${p} .checked=${this.period === p} />${this.msg(`reports.period.${p}`)}</label>`,
        )}
      </fieldset>
      <label>${this.msg("reports.date")}<input type="date" name="date" .value=${this.day} required /></label>
      <button type="submit">${this.msg("reports.show")}</button>
      ${this.loading ? html`<span class="muted" role="status">${this.msg("reports.loading")}</span>` : nothing}
    </form>`;
  }

  private file(name: string): string {
    const r = this.loaded!.report;
    return `magboard-${name}-${r.from}${r.to === r.from ? "" : `-${r.to}`}.csv`;
  }

  private panel(name: string, heading: string, table: FigureTable, chart: ChartSpec, total = false) {
    return html`<report-panel data-figure=${name} .heading=${heading} .table=${table} .file=${this.file(name)} .csvLabel=${this.msg("reports.csv")} ?total=${total}>
      <report-chart .spec=${chart} label=${this.msg("reports.chartOf", { title: heading })} empty=${this.msg("reports.none")}></report-chart>
    </report-panel>`;
  }

  private heatmap(name: string, heading: string, by: "advisors" | "bays") {
    const r = this.loaded!.report;
    const first = by === "advisors" ? "reports.col.advisor" : "reports.col.bay";
    return html`<report-panel data-figure=${name} .heading=${heading} .csv=${loadTable(this.language, r.load.hours, r.load[by], first)} .file=${this.file(name)} .csvLabel=${this.msg("reports.csv")}>
      <report-heatmap .hours=${r.load.hours} .rows=${r.load[by]} .caption=${this.msg("reports.loadNote", { days: r.daysWithCards })}
        .first=${this.msg(first)} .totalLabel=${this.msg("reports.col.hourTotal")}></report-heatmap>
    </report-panel>`;
  }

  private figures(d: Loaded) {
    const l = this.language;
    const r = d.report;
    const sources = countTable(l, r, "sources");
    const initiators = countTable(l, r, "initiators");
    const confirmation = confirmationTable(l, r);
    const reception = receptionTable(l, d.reception);
    const callIn = callInTable(l, d.callIn);
    return html`<p class="muted" data-range>${this.msg("reports.range", { from: r.from, to: r.to, days: r.days, withCards: r.daysWithCards })}</p>
      <p class="muted">${this.msg("reports.note")}</p>
      ${this.panel("outcomes-advisors", this.msg("reports.outcomes.byAdvisor"), outcomeTable(l, r.outcomes.advisors, "reports.col.advisor", r.outcomes.total), outcomeChart(l, r.outcomes.advisors, "bars"), true)}
      ${r.days > 1 ? this.panel("outcomes-days", this.msg("reports.outcomes.byDay"), outcomeTable(l, r.outcomes.days, "reports.col.date"), outcomeChart(l, r.outcomes.days, "lines")) : nothing}
      <div class="pair">
        ${this.panel("sources", this.msg("reports.sources"), sources.table, sources.chart)}
        ${this.panel("initiators", this.msg("reports.initiators"), initiators.table, initiators.chart)}
      </div>
      ${this.panel("confirmation", this.msg("reports.confirmation"), confirmation.table, confirmation.chart, true)}
      ${this.heatmap("load-advisors", this.msg("reports.loadAdvisors"), "advisors")}
      ${this.heatmap("load-bays", this.msg("reports.loadBays"), "bays")}
      ${this.panel("reception", `${this.msg("reports.reception")} · ${this.msg("reports.reception.limit", { limit: d.reception.greetingLimitMinutes })}`, reception.table, reception.chart, true)}
      ${this.panel("call-in", this.msg("reports.callIn"), callIn.table, callIn.chart)}`;
  }

  override render() {
    return html`${this.controls()}
      ${this.failed ? html`<p class="error" role="alert">${this.failed}</p>` : nothing}
      ${this.loaded ? this.figures(this.loaded) : nothing}`;
  }
}

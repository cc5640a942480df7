import { LitElement, html, nothing } from "lit";
import { customElement, state } from "lit/decorators.js";
import type { Advisor } from "../shared/schemas/advisor.js";
import type { Language } from "../shared/schemas/common.js";
import { t } from "../shared/i18n/messages.js";
import { formatTimeOfDay } from "../shared/i18n/dates.js";
import { advisorsForDay } from "../shared/rules/day-plan.js";
import { localParts } from "../shared/rules/zoned-time.js";
import type { BoardState } from "../shared/board-state.js";
import { BoardConnection, type BoardChange } from "./board-connection.js";
import { HighlightController } from "./highlight-controller.js";
import { WakeLockController } from "./wake-lock-controller.js";
import { TickController } from "./tick-controller.js";
import { ArrivalCaller, arrivalCallText } from "./arrival-call.js";
import { dayCounts } from "./card-view.js";
import { parseDisplayOptions, type DisplayOptions } from "./display-options.js";
import "./components/board-grid.js";
import "./components/board-header.js";
import { displayAppStyles } from "./display-app-styles.js";

declare global {
  interface HTMLElementTagNameMap {
    "display-app": DisplayApp;
  }
}

/** Heights in em of the grid's pieces, matching board-grid's styles: the hour row, one row at its smallest, the gap. */
const HOUR_ROW_EM = 1.6;
const MIN_ROW_EM = 2.95;
const GAP_EM = 0.2;

/**
 * The reception TV: header, board and nothing to click. Follows today in the site's time zone
 * (rolling over at local midnight), shows a launch screen until the first snapshot, a plain banner
 * and a greyed board when the server is lost, and turns pages of advisors when they do not fit.
 */
@customElement("display-app")
export class DisplayApp extends LitElement {
  private readonly options: DisplayOptions;
  private readonly highlights = new HighlightController(this);
  private readonly caller = new ArrivalCaller();
  private readonly connection: BoardConnection;
  @state() private page = 0;
  @state() private rowsFit = 12;
  @state() private reloading = false;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private pageTimer: ReturnType<typeof setInterval> | undefined;
  private resize: ResizeObserver | undefined;

  constructor() {
    super();
    const parsed = parseDisplayOptions(location.search);
    for (const p of parsed.problems) console.warn(`[magboard display] ignored URL parameter: ${p}`);
    this.options = parsed.options;
    this.connection = new BoardConnection(this, {
      onChange: (c) => this.onBoardChange(c),
      onProtocolMismatch: () => this.reloadSoon(),
    });
    new WakeLockController(this);
    new TickController(this, 60_000, () => this.connection.serverNow());
    this.connection.follow(this.options.date ?? localParts(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone).date);
  }

  static override styles = displayAppStyles;

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.dataset.theme = this.options.theme;
    this.pageTimer = setInterval(() => this.turnPage(), this.options.pageSeconds * 1_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.pageTimer);
    this.pageTimer = undefined;
    this.resize?.disconnect();
    this.resize = undefined;
    this.caller.close();
    clearTimeout(this.reloadTimer);
  }

  /**
   * The server speaks another protocol: this page is older (or newer) than it. A reload fetches the
   * matching page; the pause keeps a room of TVs from reloading in a tight loop while a server restarts.
   */
  private reloadSoon(): void {
    if (this.reloading) return;
    this.reloading = true;
    this.reloadTimer = setTimeout(() => location.reload(), 2_000 + Math.random() * 3_000);
  }

  private get language(): Language {
    return this.options.language ?? this.connection.state?.settings.language ?? "zh-CN";
  }

  /** Today in the site's zone from the server's clock; a pinned date never rolls. */
  private rollOver(): void {
    const s = this.connection.state;
    if (this.options.date || !s) return;
    const today = localParts(this.connection.serverNow(), s.settings.timeZone).date;
    if (today !== s.date) this.connection.follow(today);
  }

  private onBoardChange(change: BoardChange): void {
    if (change.patch) this.highlights.add(change.touched);
    if (this.options.call && change.patch && !change.catchUp) this.announceArrivals(change);
  }

  private announceArrivals(change: BoardChange): void {
    const state = this.connection.state;
    if (!state || !change.patch) return;
    for (const op of change.patch.ops) {
      if (op.kind !== "appointment" || op.appointment.status !== "arrived" || op.appointment.date !== state.date) continue;
      const was = change.before?.appointments.find((a) => a.id === op.appointment.id);
      if (was?.status === "arrived") continue;
      const advisor = state.advisors.find((x) => x.id === op.appointment.advisorId);
      this.caller.announce(arrivalCallText(this.language, op.appointment, advisor?.name ?? ""), this.language);
    }
  }

  /**
   * The advisor rows of the day, worked out again only when the board changed: the heartbeat
   * re-renders the page every few seconds, and an unchanged array keeps the grid from re-rendering.
   */
  private rows(): Advisor[] {
    const s = this.connection.state;
    if (!s) return [];
    if (this.rowsCache?.state === s) return this.rowsCache.rows;
    const onDuty = advisorsForDay(s.advisors, s.date, s.appointments);
    const chosen = this.options.advisors;
    const rows = chosen ? chosen.flatMap((id) => onDuty.filter((a) => a.id === id)) : onDuty;
    const same = this.rowsCache && this.rowsCache.rows.length === rows.length && this.rowsCache.rows.every((a, i) => a === rows[i]);
    this.rowsCache = { state: s, rows: same ? this.rowsCache!.rows : rows };
    return this.rowsCache.rows;
  }

  private rowsCache: { state: BoardState; rows: Advisor[] } | undefined;
  private shownCache: { rows: Advisor[]; from: number; to: number; shown: Advisor[] } | undefined;

  private pageOf(rows: Advisor[], page: number): Advisor[] {
    const from = page * this.rowsFit;
    const to = from + this.rowsFit;
    const c = this.shownCache;
    if (c && c.rows === rows && c.from === from && c.to === to) return c.shown;
    this.shownCache = { rows, from, to, shown: rows.slice(from, to) };
    return this.shownCache.shown;
  }

  private pageCount(rows: number): number {
    return Math.max(1, Math.ceil(rows / Math.max(1, this.rowsFit)));
  }

  private turnPage(): void {
    const pages = this.pageCount(this.rows().length);
    this.page = pages > 1 ? (this.page + 1) % pages : 0;
  }

  /** How many advisor rows fit at their smallest readable height in the space the board has. */
  private measure(main: HTMLElement): void {
    const em = parseFloat(getComputedStyle(main).fontSize) || 24;
    const fit = Math.floor((main.clientHeight - HOUR_ROW_EM * em) / ((MIN_ROW_EM + GAP_EM) * em));
    const next = Math.max(1, fit);
    if (next !== this.rowsFit) this.rowsFit = next;
  }

  override updated(): void {
    // after every render (heartbeats re-render every few seconds): the first snapshot corrects the
    // date guessed from the browser's zone, and local midnight on the server's clock moves to the new day
    this.rollOver();
    const main = this.renderRoot.querySelector("main");
    if (main && !this.resize) {
      this.resize = new ResizeObserver(() => this.measure(main));
      this.resize.observe(main);
      this.measure(main);
    }
    this.toggleAttribute("lost", this.connection.status === "lost");
    document.documentElement.lang = this.language;
  }

  override render() {
    const c = this.connection;
    const s = c.state;
    const lang = this.language;
    if (this.reloading) return html`<div class="launch" role="status">${t(lang, "display.reloading")}</div>`;
    if (!s) {
      return html`<div class="launch" role="status">
        <span>${t(lang, "display.launch")}</span>
        ${c.failedToConnect ? html`<small>${t(lang, "display.launch.error")}</small>` : nothing}
      </div>`;
    }
    const rows = this.rows();
    const pages = this.pageCount(rows.length);
    const page = Math.min(this.page, pages - 1);
    const shown = this.pageOf(rows, page);
    const minute = Math.floor(c.serverNow() / 60_000) * 60_000;
    return html`
      <board-header
        .siteName=${s.settings.siteName}
        .date=${s.date}
        .timeZone=${s.settings.timeZone}
        .language=${lang}
        .counts=${dayCounts(s.appointments)}
        .serverNow=${() => c.serverNow()}
      ></board-header>
      <main>
        <board-grid
          .settings=${s.settings}
          .advisors=${shown}
          .appointments=${s.appointments}
          .bays=${s.bays}
          .date=${s.date}
          .minute=${minute}
          .language=${lang}
          .highlighted=${this.highlights.ids}
        ></board-grid>
        ${pages > 1
          ? html`<div class="pages" role="status">
              ${Array.from({ length: pages }, (_, i) => html`<span class="dot ${i === page ? "on" : ""}"></span>`)}
              <span>${t(lang, "display.page", { page: page + 1, pages })}</span>
            </div>`
          : nothing}
        ${c.status === "lost"
          ? html`<div class="banner" role="alert">
              ${t(lang, "display.banner.disconnected", { time: formatTimeOfDay(c.confirmedAt ?? s.serverTime, s.settings.timeZone) })}
            </div>`
          : nothing}
      </main>
    `;
  }
}

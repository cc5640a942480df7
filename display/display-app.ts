import { LitElement, css, html, nothing } from "lit";
import { customElement, state } from "lit/decorators.js";
import type { Advisor } from "../shared/schemas/advisor.js";
import type { Language } from "../shared/schemas/common.js";
import { t } from "../shared/i18n/messages.js";
import { formatTimeOfDay } from "../shared/i18n/dates.js";
import { advisorsForDay } from "../shared/rules/day-plan.js";
import { localParts } from "../shared/rules/zoned-time.js";
import { BoardConnection, type BoardChange } from "./board-connection.js";
import { HighlightController } from "./highlight-controller.js";
import { WakeLockController } from "./wake-lock-controller.js";
import { TickController } from "./tick-controller.js";
import { ArrivalCaller, arrivalCallText } from "./arrival-call.js";
import { dayCounts } from "./card-view.js";
import { parseDisplayOptions, type DisplayOptions } from "./display-options.js";
import "./components/board-grid.js";
import "./components/board-header.js";

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
  private pageTimer: ReturnType<typeof setInterval> | undefined;
  private resize: ResizeObserver | undefined;

  constructor() {
    super();
    const parsed = parseDisplayOptions(location.search);
    for (const p of parsed.problems) console.warn(`[magboard display] ignored URL parameter: ${p}`);
    this.options = parsed.options;
    this.connection = new BoardConnection(this, { onChange: (c) => this.onBoardChange(c) });
    new WakeLockController(this);
    new TickController(this, 60_000, () => this.connection.serverNow(), () => this.rollOver());
    this.connection.follow(this.options.date ?? localParts(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone).date);
  }

  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      display: flex;
      flex-direction: column;
      gap: calc(var(--mb-font-size) * 0.35);
      padding: calc(var(--mb-font-size) * 0.35) calc(var(--mb-font-size) * 0.4);
      box-sizing: border-box;
      background: var(--mb-bg);
      color: var(--mb-text);
      font-family: var(--mb-font);
      font-size: var(--mb-font-size);
      overflow: hidden;
      cursor: none;
    }
    main {
      flex: 1;
      min-height: 0;
      position: relative;
      transition: filter 0.4s;
    }
    :host([lost]) main,
    :host([lost]) board-header {
      filter: grayscale(1) brightness(0.75);
    }
    .banner {
      position: absolute;
      left: 50%;
      top: 40%;
      transform: translate(-50%, -50%);
      z-index: 2;
      padding: 0.5em 1.2em;
      border-radius: var(--mb-radius);
      background: var(--mb-banner-bg);
      color: var(--mb-banner-text);
      font-size: 1.8em;
      font-weight: 700;
      white-space: nowrap;
      box-shadow: 0 0 0 100vmax rgb(0 0 0 / 0.25);
    }
    .launch {
      flex: 1;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 0.6em;
      font-size: 1.6em;
    }
    .launch small {
      font-size: 0.7em;
      color: var(--mb-text-muted);
    }
    .pages {
      position: absolute;
      right: 0;
      bottom: 0;
      z-index: 1;
      display: flex;
      align-items: center;
      gap: 0.3em;
      padding: 0.1em 0.4em;
      border-radius: var(--mb-radius);
      background: var(--mb-surface);
      color: var(--mb-text);
    }
    .dot {
      width: 0.5em;
      height: 0.5em;
      border-radius: 50%;
      border: 0.08em solid var(--mb-text);
    }
    .dot.on {
      background: var(--mb-text);
    }
  `;

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
    // the first snapshot tells the site's zone: the page guessed the date from the browser's
    if (!change.patch) this.rollOver();
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

  private rows(): Advisor[] {
    const s = this.connection.state;
    if (!s) return [];
    const onDuty = advisorsForDay(s.advisors, s.date, s.appointments);
    const chosen = this.options.advisors;
    if (!chosen) return onDuty;
    return chosen.flatMap((id) => onDuty.filter((a) => a.id === id));
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
    const main = this.renderRoot.querySelector("main");
    if (main && !this.resize) {
      this.resize = new ResizeObserver(() => this.measure(main));
      this.resize.observe(main);
      this.measure(main);
    }
    const lost = this.connection.status === "lost";
    this.toggleAttribute("lost", lost);
  }

  override render() {
    const c = this.connection;
    const s = c.state;
    const lang = this.language;
    document.documentElement.lang = lang;
    if (!s) {
      return html`<div class="launch" role="status">
        <span>${t(lang, "display.launch")}</span>
        ${c.failedToConnect ? html`<small>${t(lang, "display.launch.error")}</small>` : nothing}
      </div>`;
    }
    const rows = this.rows();
    const pages = this.pageCount(rows.length);
    const page = Math.min(this.page, pages - 1);
    const shown = rows.slice(page * this.rowsFit, (page + 1) * this.rowsFit);
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

import { LitElement, html, nothing } from "lit";
import { customElement, state } from "lit/decorators.js";
import type { Advisor } from "../shared/schemas/advisor.js";
import type { Language } from "../shared/schemas/common.js";
import { t } from "../shared/i18n/board-messages.js";
import { formatTimeOfDay } from "../shared/i18n/dates.js";
import { advisorsForDay } from "../shared/rules/day-plan.js";
import { localParts } from "../shared/rules/zoned-time.js";
import { TODAY } from "../shared/protocol-constants.js";
import type { BoardState } from "../shared/board-state.js";
import type { DisplayConfig } from "../shared/schemas/access.js";
import { BoardConnection, type BoardChange } from "./board-connection.js";
import { HighlightController } from "./highlight-controller.js";
import { WakeLockController } from "./wake-lock-controller.js";
import { TickController } from "./tick-controller.js";
import { ArrivalCaller, arrivalCallText } from "./arrival-call.js";
import { dayCounts, sameCounts } from "./card-view.js";
import { parseDisplayOptions, type DisplayOptions, type Layout } from "./display-options.js";
import { DEFAULT_WINDOW, gridPages, type WindowSpan } from "./tv-pages.js";
import { linesPerPage, listLines, listPages, offList } from "./tv-list.js";
import { minutesOfDay, formatMinutesOfDay, slotStarts } from "../shared/rules/time-of-day.js";
import type { DayCounts } from "./card-view.js";
import "./components/board-grid.js";
import "./components/board-list.js";
import "./components/board-header.js";
import { displayAppStyles } from "./display-app-styles.js";
import { nextFrame } from "./next-frame.js";
import { samePages, type Paging, type TvPage } from "./tv-paging.js";

declare global {
  interface HTMLElementTagNameMap {
    "display-app": DisplayApp;
  }
}

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
  /** The board's room in em of its font, measured: what fits on a page follows from it. */
  @state() private board = { width: 78, height: 40 };
  @state() private reloading = false;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private pageTimer: ReturnType<typeof setInterval> | undefined;
  private resize: ResizeObserver | undefined;
  /** Set on a paired TV: the language and advisors the manager chose for it (the URL's own choice wins). */
  @state() private pairing: DisplayConfig | null = null;
  private readonly paired: boolean;

  constructor() {
    super();
    const parsed = parseDisplayOptions(location.search);
    for (const p of parsed.problems) console.warn(`[magboard display] ignored URL parameter: ${p}`);
    this.options = parsed.options;
    // a paired TV's key travels in the URL's fragment, which the browser never sends in a request
    const key = new URLSearchParams(location.hash.slice(1)).get("key");
    this.paired = key !== null;
    this.connection = new BoardConnection(this, {
      onChange: (c) => this.onBoardChange(c),
      onProtocolMismatch: () => this.reloadSoon(),
      ...(key ? { auth: { key } } : {}),
    });
    new WakeLockController(this);
    new TickController(this, 60_000, () => this.connection.serverNow());
    this.connection.follow(this.options.date ?? TODAY);
  }

  static override styles = displayAppStyles;

  /**
   * Renders at the start of the next frame rather than at once: the patches (and the heartbeat,
   * highlight and tick) that arrive within one frame become one render, drawn in that frame.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (this.measuredNow) this.measuredNow = false;
    else await nextFrame();
    await super.scheduleUpdate();
  }

  /**
   * The board waits for its room to be measured: drawn first in a guessed size, the whole page was
   * laid out, measured and drawn again (the first paint's costliest part on a slow TV). The render
   * that follows the first measurement runs at once, in the same frame.
   */
  @state() private measured = false;
  private measuredNow = false;

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.dataset.theme = this.options.theme;
    this.pageTimer = setInterval(() => this.turnPage(1), this.options.pageSeconds * 1_000);
    window.addEventListener("keydown", this.onKey);
    if (this.paired) this.connection.socket.on("connect", this.askPairing);
  }

  /** Asked on every connection: the manager may have changed this TV's pairing, which reconnects it. */
  private readonly askPairing = () => {
    this.connection.socket.emit("display:config", (config) => {
      this.pairing = config;
      this.rowsCache = undefined;
      this.reportPage();
    });
  };

  /** Which page a paired TV shows, for the manager's list of displays. */
  private reportPage(): void {
    if (this.pairing) this.connection.socket.emit("display:report", { page: `${this.page + 1}/${this.paging()?.pages.length ?? 1}` });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.pageTimer);
    this.pageTimer = undefined;
    window.removeEventListener("keydown", this.onKey);
    this.resize?.disconnect();
    this.resize = undefined;
    this.caller.close();
    clearTimeout(this.reloadTimer);
    this.connection.socket.off("connect", this.askPairing);
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
    return this.options.language ?? this.pairing?.language ?? this.connection.state?.settings.language ?? "zh-CN";
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
    const chosen = this.options.advisors ?? (this.pairing?.advisorIds.length ? this.pairing.advisorIds : null);
    const rows = chosen ? chosen.flatMap((id) => onDuty.filter((a) => a.id === id)) : onDuty;
    const same = this.rowsCache && this.rowsCache.rows.length === rows.length && this.rowsCache.rows.every((a, i) => a === rows[i]);
    this.rowsCache = { state: s, rows: same ? this.rowsCache!.rows : rows };
    return this.rowsCache.rows;
  }

  private rowsCache: { state: BoardState; rows: Advisor[] } | undefined;
  /** The pages, worked out again only when the board, the minute, the room or the pairing changed: one entry, never more. */
  private pagingCache: { key: unknown[]; paging: Paging } | undefined;

  private get layoutChoice(): Layout {
    return this.options.layout ?? this.pairing?.layout ?? "auto";
  }

  private get span(): WindowSpan {
    return {
      before: this.options.before ?? this.pairing?.windowBefore ?? DEFAULT_WINDOW.before,
      after: this.options.after ?? this.pairing?.windowAfter ?? DEFAULT_WINDOW.after,
    };
  }

  /** Minutes since the board's midnight on the server's clock: below 0 before the board's day, past 24 h after it. */
  private nowOnBoard(minute: number): number {
    const s = this.connection.state!;
    const now = localParts(minute, s.settings.timeZone);
    if (now.date === s.date) return now.minutesOfDay;
    return now.date < s.date ? -24 * 60 : 48 * 60;
  }

  /**
   * The pages the TV turns through. Grid: the now-window (earlier hours in the strip), then the
   * later hours, each with as many advisor rows as fit at full size. List: the lines still expected
   * or waiting, a screenful a page. `auto` takes the grid when the now-window's rows all fit one screen.
   */
  private paging(): Paging | undefined {
    const s = this.connection.state;
    if (!s) return undefined;
    const rows = this.rows();
    const minute = Math.floor(this.connection.serverNow() / 60_000) * 60_000;
    const choice = this.layoutChoice;
    const span = this.span;
    const key = [s, rows, minute, this.board.width, this.board.height, choice, span.before, span.after, this.language];
    if (this.pagingCache && this.pagingCache.key.every((k, i) => k === key[i])) return this.pagingCache.paging;
    const grid = choice === "list" ? [] : gridPages({ advisors: rows, appointments: s.appointments, settings: s.settings, now: this.nowOnBoard(minute), span, board: this.board });
    const useGrid = choice === "grid" || (choice === "auto" && rows.length > 0 && grid.filter((p) => p.columns === grid[0]!.columns).length === 1);
    let paging: Paging;
    if (useGrid) {
      paging = { layout: "grid", pages: grid.map((g) => ({ layout: "grid", grid: g })), footnote: "" };
    } else {
      const ids = new Set(rows.map((a) => a.id));
      const lines = listLines(s.appointments, ids);
      const off = offList(s.appointments, ids);
      paging = {
        layout: "list",
        pages: listPages(lines, linesPerPage(this.board.height)).map((l) => ({ layout: "list", lines: l })),
        footnote: t(this.language, "display.list.footnote", { ...off }),
      };
    }
    // the pages that did not change stay the same objects, so the board re-renders only what a patch touched
    if (this.pagingCache) paging = samePages(this.pagingCache.paging, paging);
    this.pagingCache = { key, paging };
    return paging;
  }

  private turnPage(step: 1 | -1): void {
    const pages = this.paging()?.pages.length ?? 1;
    this.page = pages > 1 ? (Math.min(this.page, pages - 1) + step + pages) % pages : 0;
    this.reportPage();
  }

  /** Whoever sets the TV up (or a keyboard left on it) can turn the pages: → or PageDown on, ← or PageUp back. */
  private readonly onKey = (e: KeyboardEvent) => {
    const step = e.key === "ArrowRight" || e.key === "PageDown" ? 1 : e.key === "ArrowLeft" || e.key === "PageUp" ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    this.turnPage(step);
  };

  /** The board's room in em, for what fits on a page. */
  private measure(main: HTMLElement): void {
    const em = parseFloat(getComputedStyle(main).fontSize) || 24;
    const next = { width: main.clientWidth / em, height: main.clientHeight / em };
    if (Math.abs(next.width - this.board.width) > 0.01 || Math.abs(next.height - this.board.height) > 0.01) this.board = next;
    if (!this.measured) {
      this.measured = true;
      this.measuredNow = true;
    }
  }

  /** The header's page indicator, the same object while nothing about it changed (the header re-renders only then). */
  private headerPage(page: TvPage, index: number, count: number): { index: number; count: number; label: string } {
    const label = this.pageLabel(page, index, count);
    const c = this.pageShown;
    if (c && c.index === index && c.count === count && c.label === label) return c;
    this.pageShown = { index, count, label };
    return this.pageShown;
  }

  private pageShown: { index: number; count: number; label: string } | undefined;

  /** The header's clock source, one function for the page's life (a new one would re-render the header every time). */
  private readonly serverNow = () => this.connection.serverNow();

  /** The day's counts, the same object while they are the same numbers (most patches leave them so). */
  private counts(s: BoardState): DayCounts {
    if (this.countsCache?.state === s) return this.countsCache.counts;
    const next = dayCounts(s.appointments);
    const counts = this.countsCache && sameCounts(this.countsCache.counts, next) ? this.countsCache.counts : next;
    this.countsCache = { state: s, counts };
    return counts;
  }

  private countsCache: { state: BoardState; counts: DayCounts } | undefined;

  /** "第 2/3 页 · 14:00–17:59": which page, and on the grid which hours. */
  private pageLabel(page: TvPage, index: number, count: number): string {
    const lang = this.language;
    const label = t(lang, "display.page", { page: index + 1, pages: count });
    if (page.layout !== "grid" || !this.connection.state) return label;
    const slots = slotStarts(this.connection.state.settings);
    const { from, to } = page.grid.columns;
    if (!slots[from] || !slots[to - 1]) return label;
    const end = formatMinutesOfDay(minutesOfDay(slots[to - 1]!) + this.connection.state.settings.slotMinutes - 1);
    return `${label} · ${t(lang, "display.pageHours", { from: slots[from], to: end })}`;
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
    if (document.documentElement.lang !== this.language) document.documentElement.lang = this.language;
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
    const paging = this.paging()!;
    const pages = paging.pages.length;
    const index = Math.min(this.page, pages - 1);
    const page = paging.pages[index]!;
    const minute = Math.floor(c.serverNow() / 60_000) * 60_000;
    return html`
      <board-header
        .siteName=${s.settings.siteName}
        .date=${s.date}
        .timeZone=${s.settings.timeZone}
        .language=${lang}
        .counts=${this.counts(s)}
        .serverNow=${this.serverNow}
        .page=${this.headerPage(page, index, pages)}
      ></board-header>
      <main>
        ${!this.measured
          ? nothing
          : page.layout === "grid"
          ? html`<board-grid
              .settings=${s.settings}
              .advisors=${page.grid.advisors}
              .appointments=${s.appointments}
              .bays=${s.bays}
              .date=${s.date}
              .minute=${minute}
              .language=${lang}
              .highlighted=${this.highlights.ids}
              .columns=${page.grid.columns}
              .earlier=${page.grid.earlier}
              .across=${page.grid.across}
              .room=${this.board.height}
              .roomWidth=${this.board.width}
            ></board-grid>`
          : html`<board-list
              .lines=${page.lines}
              .advisors=${s.advisors}
              .bays=${s.bays}
              .settings=${s.settings}
              .minute=${minute}
              .language=${lang}
              .highlighted=${this.highlights.ids}
              .footnote=${paging.footnote}
            ></board-list>`}
        ${c.status === "lost"
          ? html`<div class="banner" role="alert">
              ${t(lang, "display.banner.disconnected", { time: formatTimeOfDay(c.confirmedAt ?? s.serverTime, s.settings.timeZone) })}
            </div>`
          : nothing}
      </main>
    `;
  }
}

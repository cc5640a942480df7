import { LitElement, html, nothing, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import { guard } from "lit/directives/guard.js";
import type { Advisor } from "../../shared/schemas/advisor.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import type { Bay } from "../../shared/schemas/bay.js";
import type { Settings } from "../../shared/schemas/settings.js";
import type { Language } from "../../shared/schemas/common.js";
import { t } from "../../shared/i18n/board-messages.js";
import { localParts } from "../../shared/rules/zoned-time.js";
import { formatMinutesOfDay, minutesOfDay } from "../../shared/rules/time-of-day.js";
import { keepUnchangedLanes, layoutBoard, nowFraction, type BoardLayout, type Lane, type LaneMode } from "../board-layout.js";
import { cardMarks, cellInputs, contextInputs, renderCell, renderStrip, type CellContext } from "./board-cells.js";
import type { Columns } from "../tv-pages.js";
import { TV } from "../tv-metrics.js";
import { boardGridStyles } from "./board-grid-styles.js";
import { boardCardStyles } from "./board-card-styles.js";
import { editorFitter, rowTemplate, tvFitter, type CardFitter, type EditorBox } from "../card-fit.js";
import { srOnlyStyles } from "./sr-only-styles.js";
import { styleProps } from "../style-props.js";
import { HighlightBlink } from "../highlight-blink.js";

/** A lane's row (top to bottom) or a slot's column (left to right) in the scrolled content: viewport position plus the scroll offset. */
export interface Band<K> {
  key: K;
  start: number;
  end: number;
}

/** Where the editor's cells lie: its lanes' rows by lane id, its columns by slot. */
export interface CellBands {
  lanes: Band<number>[];
  slots: Band<string>[];
}

/** A cell of the board, as the editor names drop targets and bookings. */
export interface SlotTarget {
  /** The advisor's or bay's id (see LaneMode). */
  laneId: number;
  /** The slot's start, HH:mm. */
  slot: string;
}

declare global {
  interface HTMLElementTagNameMap {
    "board-grid": BoardGrid;
  }
  interface HTMLElementEventMap {
    "board-slot-activate": CustomEvent<SlotTarget>;
  }
}

const NONE: ReadonlySet<number> = new Set();

const EMPTY_LAYOUT: BoardLayout = { mode: "advisors", slots: [], lanes: [], overlaps: new Map() };

/**
 * The paper board, for the TV and the editor alike: one row per advisor (or per bay), one column
 * per slot from opening to closing, the cards in their cells with the marks of shared/rules, a
 * line at "now" and the hours already gone dimmed. On the TV it fills the screen and a crowded
 * cell summarises; `editable` makes it the editor's grid (scrolls, every card a focusable tile).
 * Pure view: data in by properties, `board-slot-activate` (a click on a cell's empty part) out;
 * the editor's dragging listens to the pointer and key events that bubble out of the tiles.
 * Table semantics on the TV (role table), grid semantics in the editor (role grid): rows own their
 * header and cells, so assistive technology reads it as the table it is.
 */
@customElement("board-grid")
export class BoardGrid extends LitElement {
  @property({ attribute: false }) settings!: Settings;
  @property() mode: LaneMode = "advisors";
  /** The advisor rows to show, in order (a display may show a page of them). */
  @property({ attribute: false }) advisors: readonly Advisor[] = [];
  /** The whole day's cards. */
  @property({ attribute: false }) appointments: readonly Appointment[] = [];
  @property({ attribute: false }) bays: readonly Bay[] = [];
  /** The local date this board shows, YYYY-MM-DD. */
  @property() date = "";
  /** The server's time floored to the minute. */
  @property({ type: Number }) minute = 0;
  @property() language: Language = "zh-CN";
  @property({ attribute: false }) highlighted: ReadonlySet<number> = NONE;
  @property({ type: Boolean, reflect: true }) editable = false;
  /** With `editable`: the board is read, not changed (no drag handles, a cell's click books nothing). */
  @property({ type: Boolean, reflect: true }) locked = false;
  /** The grid's accessible name; the board's own when empty. */
  @property() label = "";
  @property({ attribute: false }) selectedId: number | null = null;
  /** Cards whose change is on its way to the server (shown faded). */
  @property({ attribute: false }) pending: ReadonlySet<number> = NONE;
  /** The card being carried by a pointer or the keyboard (its place is shown faded). */
  @property({ attribute: false }) liftedId: number | null = null;
  @property({ attribute: false }) dropTarget: SlotTarget | null = null;
  /** The TV's now-window or a later page: the slot columns shown; null shows every slot (the editor). */
  @property({ attribute: false }) columns: Columns | null = null;
  /** The TV: fold the hours before `columns` into a strip of counts per advisor. */
  @property({ type: Boolean }) earlier = false;
  /** The TV: how many cards of a cell stand side by side. */
  @property({ type: Number }) across = 1;
  /**
   * The TV: the board's height in em of its font, as the page measured it for its pager. Given, the
   * grid knows at its first render how many cards a cell stacks; measuring itself instead, it drew
   * every crowded cell as a summary first and then the whole board again.
   */
  @property({ type: Number }) room: number | null = null;
  /** The TV: the board's width in em, as the page measured it with `room` (the cards' width follows from it). */
  @property({ type: Number }) roomWidth: number | null = null;
  /** How many cards stacked one above the other fit the whole board's height (the TV only). */
  @state() private stackFit = 1;
  /** The TV's board size in em when no page gave it (measured here). */
  @state() private box: { width: number; height: number } | null = null;
  /** The editor's grid as measured: its columns' width decides what a card shows. */
  @state() private editorBox: EditorBox | null = null;
  private gridResize: ResizeObserver | undefined;
  private observedGrid: HTMLElement | undefined;
  private resize: ResizeObserver | undefined;
  private readonly blink = new HighlightBlink(() => this.shadowRoot?.querySelector<HTMLElement>(".grid"));
  private current: BoardLayout = EMPTY_LAYOUT;
  /** What the current layout was made from: the minute ticks and a drag re-render without laying the day out again. */
  private laidOutFrom: unknown[] = [];

  static override styles = [boardGridStyles, boardCardStyles, srOnlyStyles];

  /** The layout last rendered: the lanes and slots the editor's keyboard moves walk. */
  get layout(): BoardLayout {
    return this.current;
  }

  /**
   * Measured when the board's box changes size (the observer reports once at the start, and on every
   * resize: the font follows the window), never after a render: a patch re-renders a cell, and a
   * measurement then would make the browser lay the whole page out before the frame does.
   */
  override connectedCallback(): void {
    super.connectedCallback();
    this.resize = new ResizeObserver(() => this.measure());
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
    this.resize = undefined;
    this.gridResize?.disconnect();
    this.gridResize = undefined;
    this.observedGrid = undefined;
    this.blink.stop();
  }

  /**
   * The editor's grid grows wider than its host when the zoom widens the columns: observed itself
   * (the observer reports sizes the browser has laid out already, so nothing is measured twice).
   */
  override updated(changed: PropertyValues<this>): void {
    if (changed.has("highlighted")) this.blink.follow(this.highlighted.size > 0);
    if (!this.editable) return;
    const grid = this.shadowRoot?.querySelector<HTMLElement>(".grid") ?? undefined;
    if (!grid || grid === this.observedGrid) return;
    this.gridResize?.disconnect();
    this.observedGrid = grid;
    this.gridResize = new ResizeObserver(([entry]) => {
      const style = getComputedStyle(this);
      const em = parseFloat(style.fontSize) || 14;
      // the editor's grid is in the page's font, its cards in the board's (--mb-font-size, 13px beside 14px)
      const cardEm = parseFloat(style.getPropertyValue("--mb-font-size")) || em;
      const width = entry!.borderBoxSize[0]?.inlineSize ?? grid.offsetWidth;
      const next = { width, em, cardEm };
      const was = this.editorBox;
      if (!was || Math.abs(was.width - width) > 0.5 || was.em !== em || was.cardEm !== cardEm) this.editorBox = next;
    });
    this.gridResize.observe(grid);
  }

  /** How each card is sized and what it shows: from the layout and the board's size, never measured card by card. */
  private fitter(layout: BoardLayout, shown: Columns, earlier: boolean, fits: number): CardFitter {
    if (this.editable) return editorFitter(this.editorBox, shown.to - shown.from);
    const height = this.room ?? this.box?.height;
    const width = this.roomWidth ?? this.box?.width;
    if (height === undefined || width === undefined) return editorFitter(null, 0);
    return tvFitter({ layout, shown, earlier, across: this.across, fits, width, height });
  }

  /**
   * Where each lane's row and each slot's column lie, in the content of the board scrolled by
   * `scroll`: the editor finds the cell under a dragged card in these (admin/drop-map.ts) rather
   * than by hit-testing the whole grid on every pointermove. The lane names are sticky only
   * sideways and the hours only downwards, so their other edges are the rows' and the columns'.
   */
  cellBands(scroll: { left: number; top: number }): CellBands {
    const root = this.shadowRoot;
    if (!root) return { lanes: [], slots: [] };
    const lanes = [...root.querySelectorAll<HTMLElement>(".lane[data-lane]")].map((el) => {
      const r = el.getBoundingClientRect();
      return { key: Number(el.dataset.lane), start: r.top + scroll.top, end: r.bottom + scroll.top };
    });
    const slots = [...root.querySelectorAll<HTMLElement>(".hour[data-slot-index]")].flatMap((el) => {
      const slot = this.current.slots[Number(el.dataset.slotIndex)];
      const r = el.getBoundingClientRect();
      return slot === undefined ? [] : [{ key: slot, start: r.left + scroll.left, end: r.right + scroll.left }];
    });
    return { lanes, slots };
  }

  /** A card's tile or face, to scroll to and focus. */
  cardElement(id: number): HTMLElement | null {
    return this.shadowRoot?.querySelector<HTMLElement>(`.tile[data-card="${id}"]`) ?? null;
  }

  /** What the editor's cards show at their width (the dragged copy shows the same). */
  get tileFit(): string {
    return editorFitter(this.editorBox, this.current.slots.length).fit(0, 1);
  }

  /** The column heading of the slot at `index` among the day's slots, to scroll to (the editor opens on the present). */
  hourElement(index: number): HTMLElement | null {
    return this.shadowRoot?.querySelector<HTMLElement>(`.hour[data-slot-index="${index}"]`) ?? null;
  }

  /** How much of the left and top edge the sticky lane names and hours cover. */
  headerInsets(): { left: number; top: number } {
    return {
      left: this.shadowRoot?.querySelector<HTMLElement>(".lane")?.offsetWidth ?? 0,
      top: this.shadowRoot?.querySelector<HTMLElement>(".head")?.offsetHeight ?? 0,
    };
  }

  /** A cell never holds more cards than the board's height has room for: beyond that (rare) it summarises. */
  private measure(): void {
    if (this.editable || this.room !== null) return;
    const em = parseFloat(getComputedStyle(this).fontSize) || 24;
    const rect = this.getBoundingClientRect();
    this.box = { width: rect.width / em, height: rect.height / em };
    this.fitStacks(rect.height / em);
  }

  private fitStacks(height: number): void {
    const room = height - TV.hourRow - TV.gap - 2 * TV.cellPad;
    const fit = Math.max(1, Math.floor((room + TV.cardGap) / (TV.cardHeight + TV.cardGap)));
    if (fit !== this.stackFit) this.stackFit = fit;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("room") && this.room !== null && !this.editable) this.fitStacks(this.room);
  }

  /** Minutes since midnight that count as past on this board: all of a past day, none of a future one. */
  private pastUntil(): number {
    if (!this.settings || !this.date) return 0;
    const now = localParts(this.minute, this.settings.timeZone);
    if (now.date > this.date) return 24 * 60;
    if (now.date < this.date) return 0;
    return now.minutesOfDay;
  }

  /** A click on a cell itself (not on a card in it) asks to book into that slot. */
  private onClick(e: MouseEvent): void {
    const target = e.composedPath()[0];
    if (this.locked || !(target instanceof HTMLElement) || !target.classList.contains("cell")) return;
    const detail: SlotTarget = { laneId: Number(target.dataset.lane), slot: target.dataset.slot! };
    this.dispatchEvent(new CustomEvent<SlotTarget>("board-slot-activate", { detail, bubbles: true, composed: true }));
  }

  private renderLaneHeader(lane: Lane) {
    const load = lane.load;
    const advisor = this.mode === "advisors";
    const over = load !== null && load.booked > load.capacity;
    const share = load === null ? 0 : Math.min(1, load.capacity === 0 ? 0 : load.booked / load.capacity);
    return html`<div class="lane ${advisor ? "advisor" : ""}" role="rowheader" style=${styleProps({ "--lane-color": lane.color })} data-lane=${lane.id} data-advisor=${advisor ? lane.id : nothing}>
      <span class="name">${lane.label}</span>
      ${load === null
        ? nothing
        : html`<span class="load ${over ? "over" : ""}" title=${t(this.language, "board.grid.loadLabel", load)}>
            <span>${t(this.language, "board.grid.load", load)}</span>
            <span class="bar"><span style=${styleProps({ width: `${(share * 100).toFixed(1)}%` })}></span></span>
          </span>`}
    </div>`;
  }

  /**
   * A row is rendered again only when something it shows changed: its lane (kept as the same object
   * while it holds the same cards, see keepUnchangedLanes), its place, the hours, the drop target in
   * it, or the marks and state of its cards; a patch to another advisor's card skips it whole.
   */
  private renderLane(ctx: CellContext, lane: Lane, index: number, pastUntil: number, shown: Columns, earlier: boolean) {
    const drop = this.dropTarget?.laneId === lane.id ? this.dropTarget.slot : null;
    const marks = cardMarks(
      ctx,
      lane.stacks.flatMap((s) => s.cards),
    );
    return guard([lane, index, pastUntil, shown.from, shown.to, earlier, drop, ...contextInputs(ctx), ctx.fitter.rowKey(lane.id), marks], () =>
      this.renderRow(ctx, lane, index, pastUntil, shown, earlier, drop),
    );
  }

  private renderRow(ctx: CellContext, lane: Lane, index: number, pastUntil: number, shown: Columns, earlier: boolean, drop: string | null) {
    const { slots } = ctx.layout;
    const stacks = new Map(lane.stacks.map((s) => [s.slot, s]));
    return html`<div class="row" role="row" style=${styleProps({ "grid-row": `${index + 2}` })}>
      ${guard([lane.label, lane.color, lane.load?.booked, lane.load?.capacity, this.language], () => this.renderLaneHeader(lane))}
      ${earlier ? guard([lane.stacks, lane.id, shown.from, this.language], () => renderStrip(ctx, lane, shown.from)) : nothing}
      ${slots.slice(shown.from, shown.to).map((slot, j) => {
        const i = shown.from + j;
        const cell = { lane, slot: i, stack: stacks.get(i), past: minutesOfDay(slot) + this.settings.slotMinutes <= pastUntil, drop: drop === slot };
        return guard(cellInputs(ctx, cell), () => renderCell(ctx, cell));
      })}
    </div>`;
  }

  /** The opening and closing of the columns shown, for where the now line falls among them. */
  private windowHours(layout: BoardLayout, shown: Columns): { openTime: string; closeTime: string } {
    const start = layout.slots[shown.from];
    if (!start || (shown.from === 0 && shown.to === layout.slots.length)) return this.settings;
    const end = minutesOfDay(layout.slots[shown.to - 1]!) + this.settings.slotMinutes;
    return { openTime: start, closeTime: formatMinutesOfDay(end) };
  }

  override render() {
    if (!this.settings) return nothing;
    const lang = this.language;
    const from = [this.mode, this.settings, this.advisors, this.bays, this.appointments, lang];
    if (from.some((x, i) => x !== this.laidOutFrom[i])) {
      this.laidOutFrom = from;
      const next = layoutBoard({
        mode: this.mode,
        settings: this.settings,
        advisors: this.advisors,
        bays: this.bays,
        appointments: this.appointments,
        noBayLabel: t(lang, "board.grid.noBayLane"),
      });
      this.current = keepUnchangedLanes(this.current, next);
    }
    const layout = this.current;
    const shown: Columns = this.editable || !this.columns ? { from: 0, to: layout.slots.length } : this.columns;
    const earlier = this.earlier && shown.from > 0;
    const fits = this.editable ? Infinity : this.across * this.stackFit;
    const ctx: CellContext = {
      layout,
      settings: this.settings,
      minute: this.minute,
      language: lang,
      bays: this.bays,
      highlighted: this.highlighted,
      editable: this.editable,
      locked: this.locked,
      fits,
      across: this.across,
      selectedId: this.selectedId,
      pending: this.pending,
      liftedId: this.liftedId,
      fitter: this.fitter(layout, shown, earlier, fits),
    };
    const pastUntil = this.pastUntil();
    const now = this.date && localParts(this.minute, this.settings.timeZone).date === this.date ? nowFraction(this.windowHours(layout, shown), pastUntil) : null;
    const corner = t(lang, this.mode === "advisors" ? "board.grid.advisors" : "board.grid.bays");
    const rows = this.editable || layout.lanes.length === 0 ? null : ctx.fitter.rows;
    const props = { "--slots": `${shown.to - shown.from}`, "--rows": `${Math.max(1, layout.lanes.length)}` };
    return html`<div
      role=${this.editable ? "grid" : "table"}
      aria-label=${this.label || t(lang, "board.grid.label")}
      class="grid ${earlier ? "with-strip" : ""} ${rows ? "fixed-rows" : ""}"
      style=${styleProps(rows ? { ...props, "grid-template-rows": rowTemplate(rows) } : props)}
      @click=${this.onClick}
    >
      <div class="row head" role="row">
        <div class="corner" role="columnheader"><span class="sr-only">${corner}</span></div>
        ${earlier
          ? html`<div class="hour earlier past" role="columnheader" aria-label=${t(lang, "board.grid.earlierLabel", { time: layout.slots[shown.from]! })}>
              ${t(lang, "board.grid.earlier", { time: layout.slots[shown.from]! })}
            </div>`
          : nothing}
        ${guard([layout.slots.join(), this.settings.slotMinutes, pastUntil, shown.from, shown.to], () =>
          layout.slots.slice(shown.from, shown.to).map(
            (slot, j) =>
              html`<div class="hour ${minutesOfDay(slot) + this.settings.slotMinutes <= pastUntil ? "past" : ""}" role="columnheader" data-slot-index=${shown.from + j}>${slot}</div>`,
          ),
        )}
      </div>
      ${layout.lanes.length === 0
        ? html`<div class="row" role="row" style=${styleProps({ "grid-row": "2" })}><div class="empty" role=${this.editable ? "gridcell" : "cell"}>${t(lang, "board.grid.empty")}</div></div>`
        : nothing}
      ${repeat(
        layout.lanes,
        (l) => l.id,
        (l, i) => this.renderLane(ctx, l, i, pastUntil, shown, earlier),
      )}
      ${now === null ? nothing : html`<div class="now ${earlier ? "after-strip" : ""}" aria-hidden="true"><div style=${styleProps({ left: `${(now * 100).toFixed(3)}%` })}></div></div>`}
    </div>`;
  }
}

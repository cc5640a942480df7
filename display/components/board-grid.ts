import { LitElement, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import { guard } from "lit/directives/guard.js";
import type { Advisor } from "../../shared/schemas/advisor.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import type { Bay } from "../../shared/schemas/bay.js";
import type { Settings } from "../../shared/schemas/settings.js";
import type { Language } from "../../shared/schemas/common.js";
import { t } from "../../shared/i18n/messages.js";
import { localParts } from "../../shared/rules/zoned-time.js";
import { minutesOfDay } from "../../shared/rules/time-of-day.js";
import { layoutBoard, nowFraction, type BoardLayout, type Lane, type LaneMode } from "../board-layout.js";
import { cellInputs, renderCell, type CellContext } from "./board-cells.js";
import { boardGridStyles } from "./board-grid-styles.js";
import { srOnlyStyles } from "./sr-only-styles.js";
import { styleProps } from "../style-props.js";

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

/** The smallest card still readable (time and status, two lines), in em of the board's font; matches the styles. */
const CARD_MIN_HEIGHT_EM = 2.7;
const CARD_MIN_WIDTH_EM = 3.9;
const CELL_PAD_EM = 0.1;
const CELL_GAP_EM = 0.1;

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
  /** The grid's accessible name; the board's own when empty. */
  @property() label = "";
  @property({ attribute: false }) selectedId: number | null = null;
  /** Cards whose change is on its way to the server (shown faded). */
  @property({ attribute: false }) pending: ReadonlySet<number> = NONE;
  /** The card being carried by a pointer or the keyboard (its place is shown faded). */
  @property({ attribute: false }) liftedId: number | null = null;
  @property({ attribute: false }) dropTarget: SlotTarget | null = null;
  /** How many readable cards one cell holds, measured from the cells' size (the TV only). */
  @state() private room = { perColumn: 1, columns: 1 };
  private resize: ResizeObserver | undefined;
  private current: BoardLayout = EMPTY_LAYOUT;
  /** What the current layout was made from: the minute ticks and a drag re-render without laying the day out again. */
  private laidOutFrom: unknown[] = [];

  static override styles = [boardGridStyles, srOnlyStyles];

  /** The layout last rendered: the lanes and slots the editor's keyboard moves walk. */
  get layout(): BoardLayout {
    return this.current;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize = new ResizeObserver(() => this.measure());
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
    this.resize = undefined;
  }

  override updated(): void {
    this.measure();
  }

  /** The cell under a point of the viewport, for dropping a dragged card. */
  cellAt(x: number, y: number): SlotTarget | null {
    const cell = (this.shadowRoot?.elementsFromPoint(x, y) ?? []).find((el): el is HTMLElement => el instanceof HTMLElement && el.classList.contains("cell"));
    return cell ? { laneId: Number(cell.dataset.lane), slot: cell.dataset.slot! } : null;
  }

  /** A card's tile or face, to scroll to and focus. */
  cardElement(id: number): HTMLElement | null {
    return this.shadowRoot?.querySelector<HTMLElement>(`.tile[data-card="${id}"]`) ?? null;
  }

  /** How much of the left and top edge the sticky lane names and hours cover. */
  headerInsets(): { left: number; top: number } {
    return {
      left: this.shadowRoot?.querySelector<HTMLElement>(".lane")?.offsetWidth ?? 0,
      top: this.shadowRoot?.querySelector<HTMLElement>(".head")?.offsetHeight ?? 0,
    };
  }

  private measure(): void {
    if (this.editable) return;
    const cell = this.renderRoot.querySelector(".cell");
    if (!cell) return;
    const em = parseFloat(getComputedStyle(this).fontSize) || 24;
    const { width, height } = cell.getBoundingClientRect();
    const fit = (size: number, min: number) => Math.max(1, Math.floor((size - 2 * CELL_PAD_EM * em + CELL_GAP_EM * em) / ((min + CELL_GAP_EM) * em)));
    const room = { perColumn: fit(height, CARD_MIN_HEIGHT_EM), columns: fit(width, CARD_MIN_WIDTH_EM) };
    if (room.perColumn !== this.room.perColumn || room.columns !== this.room.columns) this.room = room;
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
    if (!(target instanceof HTMLElement) || !target.classList.contains("cell")) return;
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

  private renderLane(ctx: CellContext, lane: Lane, index: number, pastUntil: number) {
    const { slots } = ctx.layout;
    const stacks = new Map(lane.stacks.map((s) => [s.slot, s]));
    const drop = this.dropTarget?.laneId === lane.id ? this.dropTarget.slot : null;
    return html`<div class="row" role="row" style=${styleProps({ "grid-row": `${index + 2}` })}>
      ${guard([lane.label, lane.color, lane.load?.booked, lane.load?.capacity, this.language], () => this.renderLaneHeader(lane))}
      ${slots.map((slot, i) => {
        const cell = { lane, slot: i, stack: stacks.get(i), past: minutesOfDay(slot) + this.settings.slotMinutes <= pastUntil, drop: drop === slot };
        return guard(cellInputs(ctx, cell), () => renderCell(ctx, cell));
      })}
    </div>`;
  }

  override render() {
    if (!this.settings) return nothing;
    const lang = this.language;
    const from = [this.mode, this.settings, this.advisors, this.bays, this.appointments, lang];
    if (from.some((x, i) => x !== this.laidOutFrom[i])) {
      this.laidOutFrom = from;
      this.current = layoutBoard({
        mode: this.mode,
        settings: this.settings,
        advisors: this.advisors,
        bays: this.bays,
        appointments: this.appointments,
        noBayLabel: t(lang, "board.grid.noBayLane"),
      });
    }
    const layout = this.current;
    const ctx: CellContext = {
      layout,
      settings: this.settings,
      minute: this.minute,
      language: lang,
      bays: this.bays,
      highlighted: this.highlighted,
      editable: this.editable,
      fits: this.room.perColumn * this.room.columns,
      selectedId: this.selectedId,
      pending: this.pending,
      liftedId: this.liftedId,
    };
    const pastUntil = this.pastUntil();
    const now = this.date && localParts(this.minute, this.settings.timeZone).date === this.date ? nowFraction(this.settings, pastUntil) : null;
    const corner = t(lang, this.mode === "advisors" ? "board.grid.advisors" : "board.grid.bays");
    return html`<div
      class="grid"
      role=${this.editable ? "grid" : "table"}
      aria-label=${this.label || t(lang, "board.grid.label")}
      style=${styleProps({ "--slots": `${layout.slots.length}`, "--rows": `${Math.max(1, layout.lanes.length)}` })}
      @click=${this.onClick}
    >
      <div class="row head" role="row">
        <div class="corner" role="columnheader"><span class="sr-only">${corner}</span></div>
        ${guard([layout.slots.join(), this.settings.slotMinutes, pastUntil], () =>
          layout.slots.map(
            (slot) => html`<div class="hour ${minutesOfDay(slot) + this.settings.slotMinutes <= pastUntil ? "past" : ""}" role="columnheader">${slot}</div>`,
          ),
        )}
      </div>
      ${layout.lanes.length === 0
        ? html`<div class="row" role="row" style=${styleProps({ "grid-row": "2" })}><div class="empty" role=${this.editable ? "gridcell" : "cell"}>${t(lang, "board.grid.empty")}</div></div>`
        : nothing}
      ${repeat(
        layout.lanes,
        (l) => l.id,
        (l, i) => this.renderLane(ctx, l, i, pastUntil),
      )}
      ${now === null ? nothing : html`<div class="now" aria-hidden="true"><div style=${styleProps({ left: `${(now * 100).toFixed(3)}%` })}></div></div>`}
    </div>`;
  }
}

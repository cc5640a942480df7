import { LitElement, html, nothing, type PropertyValues } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import type { Advisor } from "../shared/schemas/advisor.js";
import type { Appointment } from "../shared/schemas/appointment.js";
import type { Bay } from "../shared/schemas/bay.js";
import type { Settings } from "../shared/schemas/settings.js";
import type { Language } from "../shared/schemas/common.js";
import { mayMove } from "../shared/rules/status.js";
import { advisorsForDay } from "../shared/rules/day-plan.js";
import { t } from "../shared/i18n/messages.js";
import type { LaneMode } from "../display/board-layout.js";
import type { BoardGrid, SlotTarget } from "../display/components/board-grid.js";
import { isNoMove, moveFor, type DropTarget, type MoveFields } from "./board-lanes.js";
import { PointerDrag } from "./pointer-drag.js";
import { CardCarry, ghostPosition } from "./board-carry.js";
import { DEFAULT_ZOOM, slotWidth, type Zoom } from "./board-zoom.js";
import { localParts } from "../shared/rules/zoned-time.js";
import { formatMinutesOfDay, slotIndexOf } from "../shared/rules/time-of-day.js";
import "../display/components/board-grid.js";
import "../display/components/board-card.js";
import { adminBoardStyles } from "./admin-board-styles.js";
import { boardCardStyles } from "../display/components/board-card-styles.js";
import { srOnlyStyles } from "../display/components/sr-only-styles.js";
import { styleProps } from "../display/style-props.js";

export interface CardMoveDetail {
  id: number;
  /** The version the card had when it was picked up: a change by someone else meanwhile makes this move stale. */
  version: number;
  move: MoveFields;
}
export type SlotBookDetail = SlotTarget;

declare global {
  interface HTMLElementTagNameMap {
    "admin-board": AdminBoard;
  }
  interface HTMLElementEventMap {
    "admin-card-select": CustomEvent<{ id: number }>;
    "admin-card-move": CustomEvent<CardMoveDetail>;
    "admin-slot-book": CustomEvent<SlotBookDetail>;
  }
}

const NONE: ReadonlySet<number> = new Set();

/** The card a pointer or key event came from: the tile it passed through on its way out of the grid. */
function tileOf(e: Event): HTMLElement | null {
  for (const el of e.composedPath()) {
    if (el instanceof HTMLElement && el.classList.contains("tile")) return el;
  }
  return null;
}

/**
 * The editable board: the display's own grid (`board-grid`, editable) which a mouse, a finger or
 * the keyboard can move cards on. It only proposes moves (`admin-card-move`); the app sends them
 * and decides what the board shows. A card being dragged is a copy under the pointer, so changes
 * others make to the board meanwhile re-render everything else without yanking it.
 */
@customElement("admin-board")
export class AdminBoard extends LitElement {
  @property() mode: LaneMode = "advisors";
  @property({ attribute: false }) settings!: Settings;
  @property() date = "";
  @property({ attribute: false }) advisors: readonly Advisor[] = [];
  @property({ attribute: false }) bays: readonly Bay[] = [];
  @property({ attribute: false }) appointments: readonly Appointment[] = [];
  @property({ type: Number }) minute = 0;
  @property() language: Language = "zh-CN";
  @property({ attribute: false }) highlighted: ReadonlySet<number> = NONE;
  @property({ attribute: false }) pending: ReadonlySet<number> = NONE;
  @property({ type: Number }) selectedId: number | null = null;
  /** Minutes of the day one column holds (board-zoom.ts). */
  @property({ type: Number }) zoom: Zoom = DEFAULT_ZOOM;
  /** The board is read, never changed: no drag, no keyboard move, no booking by a cell (role group). */
  @property({ type: Boolean }) readOnly = false;

  @state() private drag: { id: number; version: number; target: DropTarget | null } | null = null;
  @state() private keyMove: { id: number; version: number; lane: number; slot: number } | null = null;
  @query("board-grid") private grid!: BoardGrid;
  private rows: { key: unknown[]; rows: Advisor[] } | undefined;

  private readonly carry = new CardCarry({
    el: this,
    grid: () => this.grid ?? null,
    ghost: () => this.renderRoot.querySelector<HTMLElement>(".ghost"),
    retarget: (target) => {
      if (this.drag) this.drag = { ...this.drag, target };
    },
  });

  private readonly pointer = new PointerDrag({
    start: (id, x, y) => {
      const card = this.card(id);
      this.keyMove = null;
      if (card) this.drag = { id, version: card.version, target: this.carry.begin(x, y) };
    },
    move: (x, y) => {
      if (this.drag) this.carry.move(x, y);
    },
    drop: (x, y) => {
      const d = this.drag;
      this.drag = null;
      const target = this.carry.end(x, y);
      if (d && target) this.propose(d.id, d.version, target);
    },
    cancel: () => {
      this.drag = null;
      this.carry.stop();
    },
  }, this);

  static override styles = [adminBoardStyles, boardCardStyles, srOnlyStyles];

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pointer.dispose();
    this.carry.stop();
    this.removeEventListener("scroll", this.onScroll);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener("scroll", this.onScroll, { passive: true });
  }

  private readonly onScroll = () => this.carry.scrolled();

  override updated(changed: PropertyValues<this>): void {
    if (changed.has("zoom") || changed.has("settings")) this.style.setProperty("--cell-w", slotWidth(this.settings?.slotMinutes ?? 60, this.zoom));
    // a day opened (or the zoom changed under it): show the present, not 08:00
    if (changed.has("date") || changed.has("zoom") || changed.has("mode")) void this.scrollToNow();
    // the board changed under a carried card (someone else's move): where its cells are now
    if (this.drag && (["appointments", "advisors", "bays", "zoom", "mode", "settings"] as const).some((k) => changed.has(k))) {
      void this.grid.updateComplete.then(() => this.carry.measure());
    }
  }

  /**
   * Scrolls so the current hour stands just right of the advisor column (which stays put): on
   * opening today, on "today" and on a zoom. Another day opens at its start.
   */
  async scrollToNow(): Promise<void> {
    await this.grid?.updateComplete;
    if (!this.grid || !this.settings) return;
    const now = localParts(this.minute, this.settings.timeZone);
    const slot = now.date === this.date ? slotIndexOf(formatMinutesOfDay(now.minutesOfDay), this.settings) : null;
    const hour = slot === null ? null : this.grid.hourElement(slot);
    if (!hour) {
      this.scrollLeft = 0;
      return;
    }
    const left = this.grid.headerInsets().left;
    this.scrollLeft += hour.getBoundingClientRect().left - this.getBoundingClientRect().left - left;
  }

  /** Scrolls a card into view and focuses it (search results, a card selected elsewhere). */
  async reveal(id: number): Promise<void> {
    await this.updateComplete;
    await this.grid?.updateComplete;
    const el = this.grid?.cardElement(id);
    el?.scrollIntoView({ block: "center", inline: "center" });
    el?.focus({ preventScroll: true });
  }

  private card(id: number): Appointment | undefined {
    return this.appointments.find((a) => a.id === id);
  }

  private propose(id: number, version: number, target: DropTarget): void {
    const card = this.card(id);
    if (!card) return;
    const move = moveFor(this.mode, card, target, this.settings);
    if (isNoMove(card, move)) return;
    this.dispatchEvent(new CustomEvent<CardMoveDetail>("admin-card-move", { detail: { id, version, move }, bubbles: true, composed: true }));
  }

  private select(id: number): void {
    this.dispatchEvent(new CustomEvent("admin-card-select", { detail: { id }, bubbles: true, composed: true }));
  }

  private cardOf(e: Event): Appointment | undefined {
    const tile = tileOf(e);
    return tile ? this.card(Number(tile.dataset.card)) : undefined;
  }

  private onPointerDown(e: PointerEvent): void {
    const a = this.cardOf(e);
    if (this.readOnly || !a || !mayMove(a.status)) return;
    const handle = (e.composedPath()[0] as HTMLElement | undefined)?.classList?.contains("handle") ?? false;
    this.pointer.press(e, a.id, handle);
  }

  private onClick(e: MouseEvent): void {
    const a = this.cardOf(e);
    if (a) this.select(a.id);
  }

  /** A keyboard user selects by moving focus; a mouse press must not open the panel (and shift the board) mid-drag. */
  private onFocusIn(e: FocusEvent): void {
    const tile = tileOf(e);
    const a = this.cardOf(e);
    if (tile && a && tile.matches(":focus-visible") && this.selectedId !== a.id) this.select(a.id);
  }

  private position(a: Appointment): { lane: number; slot: number } | null {
    for (const [li, lane] of this.grid.layout.lanes.entries()) {
      for (const stack of lane.stacks) if (stack.cards.some((c) => c.id === a.id)) return { lane: li, slot: stack.slot };
    }
    return null;
  }

  /** Keyboard move: Enter lifts the focused card, the arrows carry it, Enter puts it down, Escape puts it back. */
  private onKeyDown(e: KeyboardEvent): void {
    const a = this.cardOf(e);
    if (!a) return;
    const km = this.keyMove;
    const { lanes, slots } = this.grid.layout;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      if (km && km.id === a.id) {
        this.keyMove = null;
        const lane = lanes[km.lane];
        const slot = slots[km.slot];
        if (lane && slot) this.propose(a.id, km.version, { laneId: lane.id, slot });
      } else if (!this.readOnly && mayMove(a.status)) {
        const at = this.position(a);
        if (at) this.keyMove = { id: a.id, version: a.version, ...at };
      }
      return;
    }
    if (e.key === "Escape" && km) {
      this.keyMove = null;
      return;
    }
    if (!km || km.id !== a.id) return;
    const d = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] }[e.key];
    if (!d) return;
    e.preventDefault();
    const lane = Math.min(lanes.length - 1, Math.max(0, km.lane + d[0]!));
    const slot = Math.min(slots.length - 1, Math.max(0, km.slot + d[1]!));
    this.keyMove = { ...km, lane, slot };
  }

  private onSlotActivate(e: CustomEvent<SlotTarget>): void {
    e.stopPropagation();
    if (this.readOnly) return;
    this.dispatchEvent(new CustomEvent<SlotBookDetail>("admin-slot-book", { detail: e.detail, bubbles: true, composed: true }));
  }

  /** The advisor rows of the day, kept while their inputs stay the same so a drag does not lay the board out anew. */
  private dayRows(): Advisor[] {
    const key = [this.advisors, this.date, this.appointments];
    if (!this.rows || this.rows.key.some((k, i) => k !== key[i])) this.rows = { key, rows: advisorsForDay(this.advisors, this.date, this.appointments) };
    return this.rows.rows;
  }

  /** Where a pointer or the keyboard would put the lifted card. */
  private dropTarget(): SlotTarget | null {
    if (this.drag) return this.drag.target;
    const km = this.keyMove;
    const lane = km && this.grid?.layout.lanes[km.lane];
    const slot = km && this.grid?.layout.slots[km.slot];
    return lane && slot ? { laneId: lane.id, slot } : null;
  }

  /** Cancelled cards leave the grid, as a magnet taken off the board; they stay reachable here to be booked again. */
  private renderCancelled() {
    const cancelled = this.appointments.filter((a) => a.status === "cancelled");
    if (cancelled.length === 0) return nothing;
    return html`<details class="cancelled">
      <summary>${t(this.language, "admin.board.cancelled", { count: cancelled.length })}</summary>
      ${cancelled.map((a) => html`<button data-card=${a.id} @click=${() => this.select(a.id)}>${a.startTime} ${a.customerName} ${a.plate}</button>`)}
    </details>`;
  }

  /** Where a keyboard move would put the card, for screen readers (the target cell is outlined for everyone else). */
  private keyMoveText(): string {
    const target = this.keyMove ? this.dropTarget() : null;
    const lane = target && this.grid?.layout.lanes.find((l) => l.id === target.laneId);
    return target && lane ? t(this.language, "admin.board.keyMove", { lane: lane.label, slot: target.slot }) : "";
  }

  private renderGhost() {
    const d = this.drag;
    const a = d && this.card(d.id);
    if (!d || !a) return nothing;
    return html`<div class="ghost" style=${styleProps(ghostPosition(this.carry.pointer))}>
      <board-card .appointment=${a} .rules=${this.settings} .minute=${this.minute} .language=${this.language} .fit=${this.grid?.tileFit ?? "lines-5"}></board-card>
    </div>`;
  }

  override render() {
    if (!this.settings) return nothing;
    return html`<board-grid
        editable
        ?locked=${this.readOnly}
        .mode=${this.mode}
        .settings=${this.settings}
        .date=${this.date}
        .advisors=${this.dayRows()}
        .bays=${this.bays}
        .appointments=${this.appointments}
        .minute=${this.minute}
        .language=${this.language}
        .label=${t(this.language, this.mode === "advisors" ? "admin.board.label" : "admin.board.labelBays")}
        .highlighted=${this.highlighted}
        .selectedId=${this.selectedId}
        .pending=${this.pending}
        .liftedId=${this.drag?.id ?? this.keyMove?.id ?? null}
        .dropTarget=${this.dropTarget()}
        @pointerdown=${this.onPointerDown}
        @click=${this.onClick}
        @focusin=${this.onFocusIn}
        @keydown=${this.onKeyDown}
        @contextmenu=${(e: Event) => {
          if (tileOf(e)) e.preventDefault();
        }}
        @board-slot-activate=${this.onSlotActivate}
      ></board-grid>
      ${this.renderCancelled()} ${this.renderGhost()}
      <div class="sr-only" role="status" aria-live="polite">${this.keyMoveText()}</div>`;
  }
}

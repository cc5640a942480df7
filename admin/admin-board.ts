import { LitElement, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import type { Advisor } from "../shared/schemas/advisor.js";
import type { Appointment } from "../shared/schemas/appointment.js";
import type { Bay } from "../shared/schemas/bay.js";
import type { Settings } from "../shared/schemas/settings.js";
import type { Language } from "../shared/schemas/common.js";
import type { Overlap } from "../shared/rules/overlaps.js";
import { t } from "../shared/i18n/messages.js";
import { isMovable } from "./card-rules.js";
import { isNoMove, laneLayout, moveFor, type DropTarget, type LaneMode, type Lanes, type MoveFields } from "./board-lanes.js";
import { PointerDrag } from "./pointer-drag.js";
import { EdgeScroller } from "./edge-scroll.js";
import "../display/components/board-card.js";
import { adminBoardStyles } from "./admin-board-styles.js";
import { styleProps } from "../display/style-props.js";

export interface CardMoveDetail {
  id: number;
  /** The version the card had when it was picked up: a change by someone else meanwhile makes this move stale. */
  version: number;
  move: MoveFields;
}
export interface SlotBookDetail {
  laneId: number;
  slot: string;
}

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
const NO_OVERLAPS: ReadonlyMap<number, Overlap[]> = new Map();

/**
 * The editable board: the display's cards on an advisor × hour grid (or a lane per bay), which a
 * mouse, a finger or the keyboard can move. It only proposes moves (`admin-card-move`); the app
 * sends them and decides what the board shows. A card being dragged is a copy under the pointer,
 * so changes others make to the board meanwhile re-render everything else without yanking it.
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
  @property({ attribute: false }) overlaps: ReadonlyMap<number, Overlap[]> = NO_OVERLAPS;
  @property({ type: Number }) selectedId: number | null = null;

  @state() private drag: { id: number; version: number; x: number; y: number; target: DropTarget | null } | null = null;
  @state() private keyMove: { id: number; version: number; lane: number; slot: number } | null = null;

  private lanes: Lanes = { slots: [], lanes: [] };

  private readonly edges = new EdgeScroller(
    this,
    () => ({
      left: this.shadowRoot?.querySelector<HTMLElement>(".lane")?.offsetWidth ?? 0,
      top: this.shadowRoot?.querySelector<HTMLElement>(".hour")?.offsetHeight ?? 0,
    }),
    () => {
      // the content moved under a pointer that stood still: what it points at changed
      if (this.drag) this.drag = { ...this.drag, target: this.targetAt(this.drag.x, this.drag.y) };
    },
  );

  private readonly pointer = new PointerDrag({
    start: (id, x, y) => {
      const card = this.card(id);
      this.keyMove = null;
      if (card) this.drag = { id, version: card.version, x, y, target: this.targetAt(x, y) };
    },
    move: (x, y) => {
      if (this.drag) this.drag = { ...this.drag, x, y, target: this.targetAt(x, y) };
      this.edges.update(x, y);
    },
    drop: (x, y) => {
      const d = this.drag;
      this.drag = null;
      this.edges.stop();
      const target = this.targetAt(x, y);
      if (d && target) this.propose(d.id, d.version, target);
    },
    cancel: () => {
      this.drag = null;
      this.edges.stop();
    },
  });

  static override styles = adminBoardStyles;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pointer.dispose();
    this.edges.stop();
  }

  /** Scrolls a card into view and focuses it (search results, a card selected elsewhere). */
  async reveal(id: number): Promise<void> {
    await this.updateComplete;
    const el = this.shadowRoot?.querySelector<HTMLElement>(`.tile[data-card="${id}"]`);
    el?.scrollIntoView({ block: "center", inline: "center" });
    el?.focus({ preventScroll: true });
  }

  private targetAt(x: number, y: number): DropTarget | null {
    const hits = this.shadowRoot?.elementsFromPoint(x, y) ?? [];
    const cell = hits.find((el): el is HTMLElement => el instanceof HTMLElement && el.dataset.slot !== undefined);
    if (!cell) return null;
    return { laneId: Number(cell.dataset.lane), slot: cell.dataset.slot! };
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

  private onPointerDown(e: PointerEvent, a: Appointment): void {
    if (!isMovable(a)) return;
    const handle = (e.composedPath()[0] as HTMLElement | undefined)?.classList?.contains("handle") ?? false;
    this.pointer.press(e, a.id, handle);
  }

  private position(a: Appointment): { lane: number; slot: number } | null {
    for (const [li, lane] of this.lanes.lanes.entries()) {
      for (const [si, cards] of lane.stacks) if (cards.some((c) => c.id === a.id)) return { lane: li, slot: si };
    }
    return null;
  }

  /** Keyboard move: Enter lifts the focused card, the arrows carry it, Enter puts it down, Escape puts it back. */
  private onCardKey(e: KeyboardEvent, a: Appointment): void {
    const km = this.keyMove;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      if (km && km.id === a.id) {
        this.keyMove = null;
        const lane = this.lanes.lanes[km.lane];
        const slot = this.lanes.slots[km.slot];
        if (lane && slot) this.propose(a.id, km.version, { laneId: lane.id, slot });
      } else if (isMovable(a)) {
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
    const lane = Math.min(this.lanes.lanes.length - 1, Math.max(0, km.lane + d[0]!));
    const slot = Math.min(this.lanes.slots.length - 1, Math.max(0, km.slot + d[1]!));
    this.keyMove = { ...km, lane, slot };
  }

  private onCellClick(e: MouseEvent, laneId: number, slot: string): void {
    if (e.target !== e.currentTarget) return;
    this.dispatchEvent(new CustomEvent<SlotBookDetail>("admin-slot-book", { detail: { laneId, slot }, bubbles: true, composed: true }));
  }

  private overlapText(list: Overlap[]): string {
    return list.map((o) => t(this.language, `admin.overlap.${o.kind}`)).join("; ");
  }

  private renderCard(a: Appointment) {
    const warnings = this.overlaps.get(a.id);
    const movable = isMovable(a);
    const cls = [
      "tile",
      movable ? "" : "fixed",
      this.selectedId === a.id ? "selected" : "",
      this.drag?.id === a.id || this.keyMove?.id === a.id ? "lifted" : "",
      this.pending.has(a.id) ? "pending" : "",
      warnings ? "warn" : "",
    ].join(" ");
    return html`<div
      class=${cls}
      data-card=${a.id}
      tabindex="0"
      role="button"
      aria-label=${`${a.startTime} ${a.customerName} ${a.plate}${warnings ? " ⚠ " + this.overlapText(warnings) : ""}`}
      title=${warnings ? this.overlapText(warnings) : nothing}
      @pointerdown=${(e: PointerEvent) => this.onPointerDown(e, a)}
      @click=${() => this.select(a.id)}
      @focus=${(e: FocusEvent) => {
        // a keyboard user selects by moving focus; a mouse press must not open the panel (and shift the board) mid-drag
        if ((e.target as HTMLElement).matches(":focus-visible") && this.selectedId !== a.id) this.select(a.id);
      }}
      @keydown=${(e: KeyboardEvent) => this.onCardKey(e, a)}
      @contextmenu=${(e: Event) => e.preventDefault()}
    >
      <span class="side">
        ${movable ? html`<span class="handle" aria-hidden="true" title=${t(this.language, "admin.board.dragHandle")}>⠿</span>` : nothing}
        ${warnings ? html`<span class="warn-badge" aria-hidden="true">⚠</span>` : nothing}
      </span>
      <board-card
        .appointment=${a}
        .rules=${this.settings}
        .minute=${this.minute}
        .language=${this.language}
        .bayName=${a.bayId === null ? null : (this.bays.find((b) => b.id === a.bayId)?.name ?? null)}
        ?highlighted=${this.highlighted.has(a.id)}
      ></board-card>
    </div>`;
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
  private keyMoveText(lanes: Lanes): string {
    const km = this.keyMove;
    const lane = km && lanes.lanes[km.lane];
    const slot = km && lanes.slots[km.slot];
    return lane && slot ? t(this.language, "admin.board.keyMove", { lane: lane.label, slot }) : "";
  }

  private renderGhost() {
    const d = this.drag;
    const a = d && this.card(d.id);
    if (!d || !a) return nothing;
    return html`<div class="ghost" style=${styleProps({ left: `${d.x}px`, top: `${d.y}px` })}>
      <board-card .appointment=${a} .rules=${this.settings} .minute=${this.minute} .language=${this.language}></board-card>
    </div>`;
  }

  override render() {
    if (!this.settings) return nothing;
    const lanes = laneLayout(this.mode, this.settings, this.date, this.advisors, this.bays, this.appointments, t(this.language, "admin.board.noBayLane"));
    this.lanes = lanes;
    const dropLane = this.drag?.target?.laneId ?? (this.keyMove ? lanes.lanes[this.keyMove.lane]?.id : undefined);
    const dropSlot = this.drag?.target?.slot ?? (this.keyMove ? lanes.slots[this.keyMove.slot] : undefined);
    return html`<div class="grid" style=${styleProps({ "--slots": `${lanes.slots.length}` })} role="grid" aria-label=${t(this.language, "admin.board.label")}>
        <div class="corner"></div>
        ${lanes.slots.map((s) => html`<div class="hour" role="columnheader">${s}</div>`)}
        ${lanes.lanes.length === 0 ? html`<div class="empty">${t(this.language, "board.grid.empty")}</div>` : nothing}
        ${repeat(
          lanes.lanes,
          (l) => l.id,
          (lane) => html`<div class="lane" role="rowheader" style=${styleProps({ "--lane-color": lane.color })}>${lane.label}</div>
            ${lanes.slots.map((slot, i) => {
              const cards = lane.stacks.get(i) ?? [];
              const drop = dropLane === lane.id && dropSlot === slot;
              return html`<div
                class="cell ${lane.overCapacity.has(i) ? "over" : ""} ${drop ? "drop" : ""}"
                role="gridcell"
                data-lane=${lane.id}
                data-slot=${slot}
                title=${lane.overCapacity.has(i) ? t(this.language, "board.grid.overCapacity") : nothing}
                @click=${(e: MouseEvent) => this.onCellClick(e, lane.id, slot)}
              >
                ${repeat(
                  cards,
                  (a) => a.id,
                  (a) => this.renderCard(a),
                )}
              </div>`;
            })}`,
        )}
      </div>
      ${this.renderCancelled()} ${this.renderGhost()}
      <div class="sr-only" role="status" aria-live="polite">${this.keyMoveText(lanes)}</div>`;
  }
}

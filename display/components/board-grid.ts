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
import { layoutBoard, nowFraction, type AdvisorRow, type BoardLayout, type SlotStack } from "../board-layout.js";
import { cardView } from "../card-view.js";
import "./board-card.js";
import { boardGridStyles } from "./board-grid-styles.js";
import { styleProps } from "../style-props.js";

export interface SlotActivateDetail {
  advisorId: number;
  /** The slot's start, HH:mm. */
  slot: string;
}

declare global {
  interface HTMLElementTagNameMap {
    "board-grid": BoardGrid;
  }
  interface HTMLElementEventMap {
    "board-slot-activate": CustomEvent<SlotActivateDetail>;
  }
}

const NO_HIGHLIGHTS: ReadonlySet<number> = new Set();

/** The smallest card still readable (time and status, two lines), in em of the board's font; matches the styles below. */
const CARD_MIN_HEIGHT_EM = 2.7;
const CARD_MIN_WIDTH_EM = 3.9;
const STACK_PAD_EM = 0.1;
const STACK_GAP_EM = 0.1;

/**
 * The paper board: one row per advisor, one column per slot from opening to closing, the cards in
 * their cells, a line at "now" and the hours already gone dimmed. Pure view: data in by properties,
 * `board-slot-activate` (and each card's `board-card-activate`) out; it knows nothing of sockets.
 * Cells carry data-advisor / data-slot so an editor can find drop targets.
 */
@customElement("board-grid")
export class BoardGrid extends LitElement {
  @property({ attribute: false }) settings!: Settings;
  /** The rows to show, in order (a display may show a page of them). */
  @property({ attribute: false }) advisors: readonly Advisor[] = [];
  @property({ attribute: false }) appointments: readonly Appointment[] = [];
  @property({ attribute: false }) bays: readonly Bay[] = [];
  /** The local date this board shows, YYYY-MM-DD. */
  @property() date = "";
  /** The server's time floored to the minute. */
  @property({ type: Number }) minute = 0;
  @property() language: Language = "zh-CN";
  @property({ attribute: false }) highlighted: ReadonlySet<number> = NO_HIGHLIGHTS;
  /** How many readable cards one cell holds, measured from the cells' size. */
  @state() private room = { perColumn: 1, columns: 1 };
  private resize: ResizeObserver | undefined;

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

  private measure(): void {
    const cell = this.renderRoot.querySelector(".cell");
    if (!cell) return;
    const em = parseFloat(getComputedStyle(this).fontSize) || 24;
    const { width, height } = cell.getBoundingClientRect();
    const fit = (size: number, min: number) => Math.max(1, Math.floor((size - 2 * STACK_PAD_EM * em + STACK_GAP_EM * em) / ((min + STACK_GAP_EM) * em)));
    const room = { perColumn: fit(height, CARD_MIN_HEIGHT_EM), columns: fit(width, CARD_MIN_WIDTH_EM) };
    if (room.perColumn !== this.room.perColumn || room.columns !== this.room.columns) this.room = room;
  }

  static override styles = boardGridStyles;

  /** Minutes since midnight that count as past on this board: all of a past day, none of a future one. */
  private pastUntil(): number {
    if (!this.settings || !this.date) return 0;
    const now = localParts(this.minute, this.settings.timeZone);
    if (now.date > this.date) return 24 * 60;
    if (now.date < this.date) return 0;
    return now.minutesOfDay;
  }

  private activateSlot(advisorId: number, slot: string): void {
    this.dispatchEvent(new CustomEvent<SlotActivateDetail>("board-slot-activate", { detail: { advisorId, slot }, bubbles: true, composed: true }));
  }

  private bayName(id: number | null): string | null {
    if (id === null) return null;
    return this.bays.find((b) => b.id === id)?.name ?? null;
  }

  /** A slot with more cards than fit readably: one card-sized summary, each card as its status icon in its colour. */
  private renderSummary(stack: SlotStack) {
    const first = stack.cards[0]!;
    const highlighted = stack.cards.some((a) => this.highlighted.has(a.id));
    return html`<div class="summary ${highlighted ? "highlighted" : ""}">
      <div class="line">${first.startTime} ${t(this.language, "board.grid.stackCount", { count: stack.cards.length })}</div>
      <div class="line icons">
        ${stack.cards.map((a) => {
          const v = cardView(a, this.settings, this.minute);
          return html`<span class="t-${v.tone}" title=${t(this.language, v.label)}>${v.icon}</span>`;
        })}
      </div>
    </div>`;
  }

  /**
   * Everything a stack's rendering reads. A patch changes one or two cards; the other stacks keep
   * their card objects (applyPatch replaces only what changed), so they are skipped, not re-rendered.
   */
  private stackInputs(index: number, stack: SlotStack, layout: BoardLayout): unknown[] {
    const marks = stack.cards.map((a) => (this.highlighted.has(a.id) ? 1 : 0) + (layout.bayClashes.has(a.id) ? 2 : 0) + (layout.outsideHours.has(a.id) ? 4 : 0));
    const { settings, minute, language, bays, room } = this;
    return [index, stack.overCapacity, settings, minute, language, bays, room.perColumn, room.columns, marks.join(), ...stack.cards];
  }

  private renderStack(row: AdvisorRow, index: number, stack: SlotStack, layout: BoardLayout) {
    const s = this.settings;
    const fits = stack.cards.length <= this.room.perColumn * this.room.columns;
    return html`<div
      class="stack ${stack.overCapacity ? "over" : ""}"
      style=${styleProps({ "grid-row": `${index + 2}`, "grid-column": `${stack.slot + 2}` })}
      title=${stack.overCapacity ? t(this.language, "board.grid.overCapacity") : nothing}
    >
      ${fits
        ? repeat(
            stack.cards,
            (a) => a.id,
            (a) => html`<board-card
              .appointment=${a}
              .rules=${s}
              .minute=${this.minute}
              .language=${this.language}
              .bayName=${this.bayName(a.bayId)}
              ?bay-clash=${layout.bayClashes.has(a.id)}
              ?outside-hours=${layout.outsideHours.has(a.id)}
              ?highlighted=${this.highlighted.has(a.id)}
            ></board-card>`,
          )
        : this.renderSummary(stack)}
    </div>`;
  }

  private renderRow(row: AdvisorRow, index: number, layout: BoardLayout, pastUntil: number) {
    const slots = layout.slots;
    const over = row.booked > row.capacity;
    const share = Math.min(1, row.capacity === 0 ? 0 : row.booked / row.capacity);
    const gridRow = index + 2;
    return html`
      <div class="advisor" style=${styleProps({ "grid-row": `${gridRow}`, "grid-column": "1", "--advisor-color": row.advisor.color })} data-advisor=${row.advisor.id}>
        <span class="name">${row.advisor.name}</span>
        <span class="load ${over ? "over" : ""}" title=${t(this.language, "board.grid.loadLabel", { booked: row.booked, capacity: row.capacity })}>
          <span>${t(this.language, "board.grid.load", { booked: row.booked, capacity: row.capacity })}</span>
          <span class="bar"><span style=${styleProps({ width: `${(share * 100).toFixed(1)}%` })}></span></span>
        </span>
      </div>
      ${guard([slots.join(), this.settings.slotMinutes, pastUntil, row.advisor.id, gridRow], () =>
        slots.map(
          (slot, c) => html`<div
            class="cell ${minutesOfDay(slot) + this.settings.slotMinutes <= pastUntil ? "past" : ""}"
            style=${styleProps({ "grid-row": `${gridRow}`, "grid-column": `${c + 2}` })}
            data-advisor=${row.advisor.id}
            data-slot=${slot}
            @click=${() => this.activateSlot(row.advisor.id, slot)}
          ></div>`,
        ),
      )}
      ${repeat(
        row.stacks,
        (st) => st.slot,
        (st) => guard(this.stackInputs(index, st, layout), () => this.renderStack(row, index, st, layout)),
      )}
    `;
  }

  override render() {
    if (!this.settings) return nothing;
    const layout = layoutBoard(this.settings, this.advisors, this.appointments);
    const pastUntil = this.pastUntil();
    const now = this.date && localParts(this.minute, this.settings.timeZone).date === this.date ? nowFraction(this.settings, pastUntil) : null;
    return html`<div class="grid" style=${styleProps({ "--slots": `${layout.slots.length}`, "--rows": `${Math.max(1, layout.rows.length)}` })}>
      ${guard([layout.slots.join(), this.settings.slotMinutes, pastUntil], () =>
        layout.slots.map(
          (slot, c) => html`<div class="hour ${minutesOfDay(slot) + this.settings.slotMinutes <= pastUntil ? "past" : ""}" style=${styleProps({ "grid-row": "1", "grid-column": `${c + 2}` })}>${slot}</div>`,
        ),
      )}
      ${layout.rows.length === 0 ? html`<div class="empty">${t(this.language, "board.grid.empty")}</div>` : nothing}
      ${repeat(
        layout.rows,
        (r) => r.advisor.id,
        (r, i) => this.renderRow(r, i, layout, pastUntil),
      )}
      ${now === null ? nothing : html`<div class="now"><div style=${styleProps({ left: `${(now * 100).toFixed(3)}%` })}></div></div>`}
    </div>`;
  }
}

import { html, nothing, type TemplateResult } from "lit";
import { repeat } from "lit/directives/repeat.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import type { Bay } from "../../shared/schemas/bay.js";
import type { Language } from "../../shared/schemas/common.js";
import type { Settings } from "../../shared/schemas/settings.js";
import type { Overlap } from "../../shared/rules/overlaps.js";
import { mayMove } from "../../shared/rules/status.js";
import { t } from "../../shared/i18n/board-messages.js";
import { hasOverlap, type BoardLayout, type Lane, type SlotStack } from "../board-layout.js";
import { cardView, earlierCounts, type EarlierCounts } from "../card-view.js";
import { styleProps } from "../style-props.js";
import type { CardFitter } from "../card-fit.js";
import "./board-card.js";

/** A cell of the grid: where it is, and what the editor's state says about it. */
export interface CellView {
  lane: Lane;
  /** Index among the layout's slots. */
  slot: number;
  stack: SlotStack | undefined;
  past: boolean;
  /** The keyboard or a pointer would drop the lifted card here. */
  drop: boolean;
}

/** Everything the cells read besides the cell itself: the same for the TV and the editor. */
export interface CellContext {
  layout: BoardLayout;
  settings: Settings;
  minute: number;
  language: Language;
  bays: readonly Bay[];
  highlighted: ReadonlySet<number>;
  /** The editor: cards are focusable tiles with a drag handle and the ⚠ of their overlaps, and a cell never summarises. */
  editable: boolean;
  /** The editor of someone who may read but not change the board (the group's director): no card has a handle to drag it by. */
  locked: boolean;
  /** How many cards a cell shows before it summarises them (the TV measures it). */
  fits: number;
  /** The TV: how many cards of a cell stand side by side (the pager decided the rows' heights with it). */
  across: number;
  selectedId: number | null;
  pending: ReadonlySet<number>;
  liftedId: number | null;
  /** What each card shows of itself, worked out from the cell's size. */
  fitter: CardFitter;
}

function bayName(ctx: CellContext, id: number | null): string | null {
  if (id === null) return null;
  return ctx.bays.find((b) => b.id === id)?.name ?? null;
}

export function overlapText(lang: Language, list: readonly Overlap[]): string {
  return list.map((o) => t(lang, `board.overlap.${o.kind}`)).join("; ");
}

/** The card's face, with the marks every screen shows: a bay booked twice, and a time outside opening hours. */
function face(ctx: CellContext, a: Appointment, fit: string): TemplateResult {
  return html`<board-card
    .appointment=${a}
    .fit=${fit}
    .rules=${ctx.settings}
    .minute=${ctx.minute}
    .language=${ctx.language}
    .bayName=${bayName(ctx, a.bayId)}
    ?bay-clash=${hasOverlap(ctx.layout, a.id, "bay_double_booked")}
    ?outside-hours=${hasOverlap(ctx.layout, a.id, "outside_opening_hours")}
    ?highlighted=${ctx.highlighted.has(a.id)}
  ></board-card>`;
}

/** The editor's card: the face in a focusable tile with a handle to drag it by and the ⚠ of its overlaps. */
function tile(ctx: CellContext, a: Appointment, fit: string): TemplateResult {
  const lang = ctx.language;
  const warnings = ctx.layout.overlaps.get(a.id);
  const movable = !ctx.locked && mayMove(a.status);
  const cls = [
    "tile",
    movable ? "" : "fixed",
    ctx.selectedId === a.id ? "selected" : "",
    ctx.liftedId === a.id ? "lifted" : "",
    ctx.pending.has(a.id) ? "pending" : "",
    warnings ? "warn" : "",
  ].join(" ");
  const warning = warnings ? overlapText(lang, warnings) : "";
  // named by what it shows (the card's face) and its overlaps, so what a person sees is what a screen reader says
  return html`<div class=${cls} data-card=${a.id} tabindex="0" role="button" title=${warnings ? warning : nothing}>
    <span class="side">
      ${movable ? html`<span class="handle" aria-hidden="true" title=${t(lang, "board.grid.dragHandle")}>⠿</span>` : nothing}
      ${warnings ? html`<span class="warn-badge" aria-hidden="true">⚠</span><span class="sr-only">⚠ ${warning}</span>` : nothing}
    </span>
    ${face(ctx, a, fit)}
  </div>`;
}

/** A slot with more cards than fit readably: one card-sized summary, each card as its status icon in its colour. */
function summary(ctx: CellContext, cards: readonly Appointment[]): TemplateResult {
  const first = cards[0]!;
  const highlighted = cards.some((a) => ctx.highlighted.has(a.id));
  return html`<div class="summary ${highlighted ? "highlighted" : ""}">
    <div class="line">${first.startTime} ${t(ctx.language, "board.grid.stackCount", { count: cards.length })}</div>
    <div class="line icons">
      ${cards.map((a) => {
        const v = cardView(a, ctx.settings, ctx.minute);
        return html`<span class="t-${v.tone}" title=${t(ctx.language, v.label)}>${v.icon}</span>`;
      })}
    </div>
  </div>`;
}

/**
 * Everything a cell's rendering reads, for `guard`. A patch changes one or two cards; the other
 * cells keep their card objects (applyPatch replaces only what changed), so they are skipped.
 */
export function cellInputs(ctx: CellContext, cell: CellView): unknown[] {
  const cards = cell.stack?.cards ?? [];
  return [cell.lane.id, cell.slot, cell.past, cell.drop, cell.stack?.overCapacity, ...contextInputs(ctx), ctx.fitter.fit(cell.lane.id, cards.length), cardMarks(ctx, cards), ...cards];
}

/** What every cell reads of the board besides its cards. */
export function contextInputs(ctx: CellContext): unknown[] {
  const { settings, minute, language, bays, editable, locked, fits, across } = ctx;
  return [settings, minute, language, bays, editable, locked, fits, across, ctx.fitter.key];
}

/** The marks and the editor's state of these cards (overlaps, highlighted, selected, lifted, pending), as one string to compare. */
export function cardMarks(ctx: CellContext, cards: readonly Appointment[]): string {
  return cards
    .map((a) => {
      const kinds = ctx.layout.overlaps.get(a.id)?.map((o) => o.kind).join("+") ?? "";
      const state = [ctx.highlighted.has(a.id), ctx.selectedId === a.id, ctx.liftedId === a.id, ctx.pending.has(a.id)].map(Number).join("");
      return `${kinds}/${state}`;
    })
    .join();
}

/**
 * One cell of the board, the same for the TV and the editor: its cards in time order (or, on the
 * TV, a summary when more than fit), the dashed edge of a slot over capacity, and the data the
 * editor finds drop targets by. Its role follows the grid's: a table cell on the TV, a grid cell
 * in the editor.
 */
export function renderCell(ctx: CellContext, cell: CellView): TemplateResult {
  const { lane, stack } = cell;
  const slot = ctx.layout.slots[cell.slot]!;
  const cards = stack?.cards ?? [];
  const over = stack?.overCapacity ?? false;
  const fit = ctx.fitter.fit(lane.id, cards.length);
  // the TV's cards by place, not by id: a move within the hour re-orders a cell, and moving the
  // card elements made the browser lay the whole page out again; filled anew in place, each card is
  // laid out alone (its box has strict containment). The editor's tiles keep their identity (focus, drag).
  const content = ctx.editable
    ? repeat(cards, (a) => a.id, (a) => tile(ctx, a, fit))
    : cards.length > ctx.fits
      ? summary(ctx, cards)
      : cards.map((a) => face(ctx, a, fit));
  const across = Math.max(1, Math.min(cards.length, ctx.across));
  // the TV's cards in a box of the cell's size that the browser lays out alone (board-grid-styles.ts, .room)
  return html`<div
    class="cell ${cell.past ? "past" : ""} ${over ? "over" : ""} ${cell.drop ? "drop" : ""}"
    role=${ctx.editable ? "gridcell" : "cell"}
    data-lane=${lane.id}
    data-slot=${slot}
    title=${over ? t(ctx.language, "board.grid.overCapacity") : nothing}
  >
    ${ctx.editable ? content : html`<div class="room"><div class="cards" style=${styleProps({ "--across": String(across) })}>${content}</div></div>`}
  </div>`;
}

const STRIP_ORDER: readonly (keyof EarlierCounts)[] = ["completed", "inShop", "late", "noShow"];

/**
 * The TV's strip of the hours before the window, for one advisor: what became of those cards
 * (完成 / 在店 / 延时 / 爽约), so the hours folded away still count every card.
 */
export function renderStrip(ctx: CellContext, lane: Lane, before: number): TemplateResult {
  const cards = lane.stacks.filter((s) => s.slot < before).flatMap((s) => s.cards);
  const counts = earlierCounts(cards);
  return html`<div class="cell strip" role="cell" data-lane=${lane.id} data-earlier=${cards.length}>
    ${STRIP_ORDER.filter((k) => counts[k] > 0).map((k) => html`<span class="count s-${k}" data-count=${k}>${t(ctx.language, `board.strip.${k}`, { count: counts[k] })}</span>`)}
  </div>`;
}

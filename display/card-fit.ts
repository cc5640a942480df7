import type { BoardLayout } from "./board-layout.js";
import { columnWidth, rowHeight, type Columns } from "./tv-pages.js";
import { EDITOR, TV } from "./tv-metrics.js";

/** A size the browser lays out may round a hair either way; a line at the edge is left out rather than cut. */
const ROUNDING = 0.01;

/**
 * The class that says what a card `height` × `width` em (of the card's font) shows. Lines by
 * priority: time, status word, customer, plate and work, bay; a card n lines high is
 * 0.2em + 1.1em × n. A narrow card shows the plate's tail, a tiny one drops the status icon.
 */
export function fitClass(height: number, width: number): string {
  const h = height - ROUNDING;
  const w = width - ROUNDING;
  const lines = h <= 3.45 ? 2 : h <= 4.55 ? 3 : h <= 5.65 ? 4 : 5;
  return `lines-${lines}${w <= 9 ? " narrow" : ""}${w <= 4.6 ? " tiny" : ""}`;
}

/**
 * The heights of rows sized `minmax(min-content, 1fr)` sharing `space`, as the browser's grid does
 * it: a row whose content needs more than an equal share keeps its need, the others share the rest.
 */
export function shareRows(needs: readonly number[], space: number): number[] {
  const fixed = needs.map(() => false);
  for (;;) {
    const taken = needs.reduce((sum, n, i) => sum + (fixed[i] ? n : 0), 0);
    const flexible = fixed.filter((f) => !f).length;
    if (flexible === 0) return [...needs];
    const share = (space - taken) / flexible;
    let changed = false;
    needs.forEach((n, i) => {
      if (!fixed[i] && n > share) {
        fixed[i] = true;
        changed = true;
      }
    });
    if (!changed) return needs.map((n, i) => (fixed[i] ? n : share));
  }
}

/** How the cards of one board are sized: the class of a card by its lane and how many cards share its cell. */
export interface CardFitter {
  /** What every card depends on (the columns' width), for skipping rows that did not change. */
  key: string;
  /** What the cards of a lane's row depend on besides (its height). */
  rowKey(laneId: number): number;
  fit(laneId: number, cards: number): string;
  /**
   * The TV: how the grid sizes each lane's row (in the layout's lane order), so that no card's content
   * sizes a row (board-grid-styles.ts): the height in em of the board's font of a row that keeps its
   * need, null for a row that has an equal share of what is left. Null for the editor, whose rows
   * follow their content.
   */
  rows: readonly (number | null)[] | null;
}

export interface TvBoard {
  layout: BoardLayout;
  shown: Columns;
  earlier: boolean;
  across: number;
  /** How many cards a cell shows before it summarises them. */
  fits: number;
  /** The board's size in em of its font. */
  width: number;
  height: number;
}

/**
 * The TV's cards: each row is as tall as its fullest cell needs and shares what the board has
 * left (board-grid-styles.ts), each cell's cards share its height and width. Worked out from the
 * layout and the board's measured size, once per render, so no card is measured by the browser.
 */
export function tvFitter(b: TvBoard): CardFitter {
  const needs = b.layout.lanes.map((lane) => {
    let fullest = 0;
    for (const s of lane.stacks) if (s.slot >= b.shown.from && s.slot < b.shown.to) fullest = Math.max(fullest, s.cards.length);
    // a row without cards needs less than a card's height; taking it as 0 changes no card's share (see shareRows)
    if (fullest === 0) return 0;
    return rowHeight(fullest > b.fits ? 1 : fullest, b.across);
  });
  const rows = shareRows(needs, b.height - TV.hourRow - b.layout.lanes.length * TV.gap);
  const heights = new Map(b.layout.lanes.map((lane, i) => [lane.id, rows[i]!]));
  const column = columnWidth(b.width, b.shown.to - b.shown.from, b.earlier);
  return {
    key: `${column}/${b.across}`,
    rowKey: (laneId) => heights.get(laneId) ?? 0,
    // a row that kept its need is drawn that high; the others share the rest as the browser's grid shares it (1fr)
    rows: rows.map((r, i) => (r === needs[i] && r > 0 ? r : null)),
    fit(laneId, cards) {
      const across = Math.max(1, Math.min(cards, b.across));
      const stacked = Math.max(1, Math.ceil(cards / across));
      const row = heights.get(laneId) ?? TV.cardHeight;
      const height = Math.max(TV.cardHeight, (row - 2 * TV.cellPad - (stacked - 1) * TV.cardGap) / stacked);
      const width = (column - 2 * TV.cellPad - (across - 1) * TV.cardGap) / across;
      return fitClass(height, width);
    },
  };
}

/**
 * The TV's rows as the cards were fitted to them (`CardFitter.rows`), as the grid's
 * `grid-template-rows`: a row that needs more than an equal share in em of the board's font, the
 * others sharing the rest, never less than a card high (its lane's name and strip fit that). No row
 * is sized by its cells' content, so each cell's cards can be laid out alone (board-grid-styles.ts, .room).
 */
export function rowTemplate(rows: readonly (number | null)[]): string {
  const least = TV.cardHeight + 2 * TV.cellPad;
  return [`${TV.hourRow}em`, ...rows.map((r) => (r === null ? `minmax(${least}em, 1fr)` : `${r.toFixed(4)}em`))].join(" ");
}

/** The editor's grid as measured: its width in px, its font and the cards' font in px. */
export interface EditorBox {
  width: number;
  em: number;
  cardEm: number;
}

/**
 * The editor's cards: every tile is as tall as EDITOR.tileHeight and as wide as its column (the
 * columns share the grid's width, none narrower than the zoom's) less the handle beside the card.
 * Unmeasured yet, a card shows every line.
 */
export function editorFitter(box: EditorBox | null, slots: number): CardFitter {
  if (!box || slots === 0) return fixedFit(fitClass(Infinity, Infinity));
  const column = (box.width - EDITOR.laneWidth * box.em - slots * EDITOR.gap) / slots;
  const cls = fitClass((EDITOR.tileHeight * box.em) / box.cardEm, (column - 2 * EDITOR.cellPad - EDITOR.side * box.em) / box.cardEm);
  return fixedFit(cls);
}

const fixedFit = (cls: string): CardFitter => ({ key: cls, rowKey: () => 0, fit: () => cls, rows: null });

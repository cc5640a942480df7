import { css } from "lit";
import { EDITOR, em, px, TV } from "../tv-metrics.js";

/**
 * The grid's look, kept apart from its logic; sizes in em of the board's font (see CARD_MIN_* in
 * board-grid.ts). The TV fills the screen; `:host([editable])` is the editor's scrolling grid.
 * Rows are subgrids of the board's columns, so each row owns its cells (ARIA) and still lines up.
 */
export const boardGridStyles = css`
  :host {
    display: block;
    height: 100%;
    min-height: 0;
    font-size: var(--mb-font-size);
    color: var(--mb-text);
    font-family: var(--mb-font);
  }
  .grid {
    position: relative;
    display: grid;
    height: 100%;
    grid-template-columns: ${em(TV.laneWidth)} repeat(var(--slots), minmax(0, 1fr));
    /*
     * a row is as tall as its fullest cell's cards (the TV's pager made sure the rows fit), then shares
     * what is left; once the board's size is known the grid sets its rows from card-fit.ts instead
     */
    grid-template-rows: ${em(TV.hourRow)} repeat(var(--rows), minmax(min-content, 1fr));
    gap: var(--mb-gap);
  }
  .grid.with-strip {
    grid-template-columns: ${em(TV.laneWidth)} ${em(TV.stripWidth)} repeat(var(--slots), minmax(0, 1fr));
  }
  .row {
    display: grid;
    grid-column: 1 / -1;
    grid-template-columns: subgrid;
    min-height: 0;
  }
  .row.head {
    grid-row: 1;
  }
  .hour {
    align-self: end;
    font-weight: 700;
    color: var(--mb-text);
    padding-left: 0.2em;
    border-left: 2px solid var(--mb-line);
    font-variant-numeric: tabular-nums;
  }
  .hour.past {
    color: var(--mb-text-muted);
  }
  .lane {
    display: flex;
    flex-direction: column;
    justify-content: center;
    min-width: 0;
    padding: 0 0.3em 0 0.4em;
    border-left: 0.25em solid var(--lane-color);
    background: var(--mb-surface);
    border-radius: var(--mb-radius);
    overflow: hidden;
  }
  .lane .name {
    font-weight: 700;
    line-height: 1.15;
    overflow: hidden;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
  }
  .load {
    display: flex;
    align-items: center;
    gap: 0.3em;
    color: var(--mb-text-muted);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .load.over {
    color: var(--mb-over);
    font-weight: 700;
  }
  .bar {
    flex: 1;
    height: 0.3em;
    border-radius: 0.15em;
    background: var(--mb-line);
    overflow: hidden;
  }
  .bar > span {
    display: block;
    height: 100%;
    background: var(--lane-color);
  }
  .cell {
    min-width: 0;
    min-height: 0;
    box-sizing: border-box;
    background: var(--mb-surface);
    border-radius: var(--mb-radius);
  }
  /*
   * The TV's cell holds its cards in a box of the cell's size, above the now line (the line shows in
   * the gaps and empty cells, never across a card's text). With the rows sized by the fitter
   * (.fixed-rows) that box has size and layout containment: Chromium lays a changed cell out from it
   * alone, which it never does from a grid item (the cell), so a card moved to another hour no longer
   * lays the whole document out. No paint containment: a highlighted card's ring reaches past it.
   */
  .room {
    position: relative;
    z-index: 1;
    height: 100%;
  }
  .fixed-rows .room {
    contain: size layout;
  }
  /* a box of its own inside the contained one: its columns change with its cards, and a contained box whose own style changes is laid out from the document */
  .cards {
    display: grid;
    grid-template-columns: repeat(var(--across, 1), minmax(0, 1fr));
    grid-auto-rows: minmax(${em(TV.cardHeight)}, 1fr);
    gap: ${em(TV.cardGap)};
    padding: ${em(TV.cellPad)};
    box-sizing: border-box;
    height: 100%;
  }
  .cell.past {
    background: var(--mb-surface-past);
  }
  .cell.over {
    outline: 0.12em dashed var(--mb-over);
    outline-offset: -0.06em;
  }
  .summary {
    grid-column: 1 / -1;
    min-width: 0;
    box-sizing: border-box;
    padding: 0.12em 0.2em 0.12em 0.25em;
    border-radius: var(--mb-radius);
    border-left: 0.22em solid var(--mb-text-muted);
    background: var(--mb-card-bg);
    color: var(--mb-card-text);
    line-height: 1.2em;
    overflow: hidden;
  }
  .summary.highlighted {
    box-shadow: 0 0 0 0.15em var(--mb-highlight);
  }
  .summary .line {
    height: 1.2em;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .summary .icons span + span {
    margin-left: 0.2em;
  }
  .t-booked { color: var(--mb-booked); }
  .t-confirmed { color: var(--mb-confirmed); }
  .t-grace { color: var(--mb-grace); }
  .t-late { color: var(--mb-late); }
  .t-late-escalated { color: var(--mb-escalated); }
  .t-arrived { color: var(--mb-arrived); }
  .t-in_service { color: var(--mb-service); }
  .t-completed, .t-no_show, .t-cancelled { color: var(--mb-completed); }
  .cards > board-card {
    min-width: 0;
    min-height: 0;
  }
  /* the hours before the window: what became of their cards, one count a line */
  .strip {
    display: flex;
    flex-direction: column;
    justify-content: center;
    gap: 0;
    padding: 0.1em 0.3em;
    background: var(--mb-surface-past);
    color: var(--mb-text);
    line-height: 1.1em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .strip .s-completed { color: var(--mb-text-muted); }
  .strip .s-inShop { color: var(--mb-arrived); font-weight: 700; }
  .strip .s-late { color: var(--mb-late); font-weight: 700; }
  .strip .s-noShow { color: var(--mb-text-muted); }
  .hour.earlier {
    white-space: nowrap;
  }
  .now {
    grid-row: 1 / -1;
    grid-column: 2 / -1;
    position: relative;
    z-index: 0;
    pointer-events: none;
  }
  .now.after-strip {
    grid-column: 3 / -1;
  }
  .now > div {
    position: absolute;
    top: 0;
    bottom: 0;
    width: 0.15em;
    margin-left: -0.075em;
    background: var(--mb-now);
    box-shadow: 0 0 0.3em var(--mb-now);
  }
  .empty {
    grid-row: 2;
    grid-column: 1 / -1;
    align-self: center;
    justify-self: center;
    color: var(--mb-text-muted);
  }

  /* the editor: a grid that scrolls under sticky hours and lane names, every card a tile to carry */
  :host([editable]) {
    height: auto;
    font-size: inherit;
  }
  :host([editable]) .grid {
    height: auto;
    grid-template-columns: ${em(EDITOR.laneWidth)} repeat(var(--slots), minmax(var(--cell-w, 11em), 1fr));
    grid-template-rows: auto repeat(var(--rows), minmax(7.4em, auto));
    gap: ${px(EDITOR.gap)};
    min-width: min-content;
  }
  :host([editable]) .row.head {
    position: sticky;
    top: 0;
    z-index: 3;
    background: var(--mb-bg);
  }
  :host([editable]) .hour {
    align-self: stretch;
    padding: 0.2em 0.3em;
  }
  :host([editable]) .corner {
    position: sticky;
    left: 0;
    z-index: 1;
    background: var(--mb-bg);
    box-shadow: -0.6em 0 0 0 var(--mb-bg);
  }
  :host([editable]) .lane {
    position: sticky;
    left: 0;
    z-index: 2;
    /* sticky stops at the scroller's padding: cover that strip too, so no card shows through beside the names */
    box-shadow: -0.6em 0 0 0 var(--mb-bg);
    justify-content: flex-start;
    padding: 0.3em;
    border-left-width: 0.35em;
  }
  :host([editable]) .lane .name {
    overflow-wrap: anywhere;
    -webkit-line-clamp: 3;
  }
  :host([editable]) .cell {
    display: flex;
    flex-direction: column;
    flex-wrap: nowrap;
    padding: ${px(EDITOR.cellPad)};
    gap: ${px(EDITOR.gap)};
    cursor: copy;
  }
  :host([locked]) .cell {
    cursor: default;
  }
  :host([editable]) .cell.over {
    outline: 2px dashed var(--mb-over);
    outline-offset: -2px;
  }
  .cell.drop {
    outline: 3px solid var(--mb-confirmed);
    outline-offset: -3px;
    background: color-mix(in srgb, var(--mb-confirmed) 18%, var(--mb-surface));
  }
  .tile {
    position: relative;
    z-index: 1;
    display: flex;
    min-height: ${em(EDITOR.tileHeight)};
    border-radius: var(--mb-radius);
    cursor: grab;
    -webkit-touch-callout: none;
    user-select: none;
  }
  .tile.fixed {
    cursor: pointer;
  }
  .tile board-card {
    flex: 1;
    min-width: 0;
  }
  .tile:focus-visible,
  .tile.selected {
    outline: 3px solid var(--mb-highlight);
    outline-offset: 1px;
  }
  .tile.lifted {
    opacity: 0.35;
  }
  .tile.pending {
    opacity: 0.7;
  }
  .tile.warn {
    box-shadow: 0 0 0 2px var(--mb-over);
  }
  .side {
    flex: none;
    width: ${em(EDITOR.side)};
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
  }
  .handle {
    flex: 1;
    display: grid;
    place-items: center;
    width: 100%;
    touch-action: none;
    cursor: grab;
    color: var(--mb-text-muted);
    font-size: 1.1em;
  }
  .warn-badge {
    font-size: 0.95em;
    color: var(--mb-over);
    font-weight: 700;
  }
  :host([editable]) .empty {
    padding: 2em;
  }
`;

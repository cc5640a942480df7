import { css } from "lit";

/** The editable board's look: sticky hours and lanes, cells as drop targets, cards with handle and overlap mark, the dragged copy. */
export const adminBoardStyles = css`
  :host {
    display: block;
    overflow: auto;
    touch-action: pan-x pan-y;
    /* a sideways swipe at the board's edge must scroll nothing else, least of all go back a page */
    overscroll-behavior: contain;
    font-family: var(--mb-font);
    color: var(--mb-text);
    --cell-w: 11em;
  }
  .grid {
    display: grid;
    grid-template-columns: 9em repeat(var(--slots), minmax(var(--cell-w), 1fr));
    grid-template-rows: auto;
    grid-auto-rows: minmax(7.4em, auto);
    gap: 3px;
    min-width: min-content;
  }
  .hour {
    position: sticky;
    top: 0;
    z-index: 2;
    background: var(--mb-bg);
    font-weight: 700;
    padding: 0.2em 0.3em;
    border-left: 2px solid var(--mb-line);
    font-variant-numeric: tabular-nums;
    min-height: auto;
  }
  .corner {
    position: sticky;
    top: 0;
    left: 0;
    z-index: 3;
    background: var(--mb-bg);
  }
  .lane {
    position: sticky;
    left: 0;
    z-index: 1;
    background: var(--mb-surface);
    border-left: 0.35em solid var(--lane-color);
    border-radius: var(--mb-radius);
    padding: 0.3em;
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .cell {
    background: var(--mb-surface);
    border-radius: var(--mb-radius);
    padding: 3px;
    display: flex;
    flex-direction: column;
    gap: 3px;
    cursor: copy;
    min-width: 0;
  }
  .cell.over {
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
    display: flex;
    min-height: 5.9em;
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
    width: 1.6em;
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
  .ghost {
    position: fixed;
    z-index: 10;
    width: var(--cell-w);
    height: 5.9em;
    pointer-events: none;
    transform: translate(-50%, -50%) rotate(-2deg);
    box-shadow: 0 0.5em 1.2em rgb(0 0 0 / 0.35);
    border-radius: var(--mb-radius);
  }
  .ghost board-card {
    height: 100%;
  }
  .empty {
    grid-column: 1 / -1;
    padding: 2em;
    color: var(--mb-text-muted);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .cancelled {
    margin: 0.6em 0;
    color: var(--mb-text-muted);
  }
  .cancelled button {
    font: inherit;
    margin: 0.3em 0.3em 0 0;
    padding: 0.25em 0.6em;
    border-radius: 0.35em;
    border: 1px solid var(--mb-line);
    background: var(--mb-card-bg);
    color: var(--mb-text);
    cursor: pointer;
  }
`;

import { css } from "lit";

/** The grid's look, kept apart from its logic; sizes in em of the board's font (see CARD_MIN_* in board-grid.ts). */
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
    grid-template-columns: 6.2em repeat(var(--slots), minmax(0, 1fr));
    grid-template-rows: 1.6em repeat(var(--rows), minmax(0, 1fr));
    gap: var(--mb-gap);
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
  .advisor {
    display: flex;
    flex-direction: column;
    justify-content: center;
    min-width: 0;
    padding: 0 0.3em 0 0.4em;
    border-left: 0.25em solid var(--advisor-color);
    background: var(--mb-surface);
    border-radius: var(--mb-radius);
    overflow: hidden;
  }
  .advisor .name {
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
    background: var(--advisor-color);
  }
  .cell {
    background: var(--mb-surface);
    border-radius: var(--mb-radius);
  }
  .cell.past {
    background: var(--mb-surface-past);
  }
  .stack {
    display: flex;
    flex-direction: column;
    flex-wrap: wrap;
    align-content: stretch;
    gap: 0.1em;
    padding: 0.1em;
    min-width: 0;
    min-height: 0;
    box-sizing: border-box;
    pointer-events: none;
    /* above the now line: the line shows in the gaps and empty cells, never across a card's text */
    position: relative;
    z-index: 1;
  }
  .stack.over {
    outline: 0.12em dashed var(--mb-over);
    outline-offset: -0.06em;
    border-radius: var(--mb-radius);
  }
  .summary {
    flex: 1;
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
  board-card {
    pointer-events: auto;
    /* two lines of text: a crowded slot puts cards side by side rather than shrinking them */
    flex: 1 1 0;
    min-height: min(100%, 2.7em);
    min-width: min(100%, 3.9em);
  }
  .now {
    grid-row: 1 / -1;
    grid-column: 2 / -1;
    position: relative;
    z-index: 0;
    pointer-events: none;
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
`;

import { css } from "lit";

/** The editable board's frame: it scrolls the shared grid (board-grid-styles.ts has the cells and tiles), the dragged copy, the cancelled cards. */
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
  /* moved by a transform once a frame (board-carry.ts), in a layer of its own: carrying it repaints nothing else */
  .ghost {
    position: fixed;
    left: 0;
    top: 0;
    z-index: 10;
    will-change: transform;
    animation: ghost-follow 1000000s linear infinite;
    width: var(--cell-w);
    height: 5.9em;
    pointer-events: none;
    box-shadow: 0 0.5em 1.2em rgb(0 0 0 / 0.35);
    border-radius: var(--mb-radius);
  }
  /* the copy's transform is this animation's, which follows --ghost-x and --ghost-y (board-carry.ts) */
  @keyframes ghost-follow {
    from {
      transform: translate(var(--ghost-x), var(--ghost-y)) translate(-50%, -50%) rotate(-2deg);
    }
    to {
      transform: translate(var(--ghost-x), var(--ghost-y)) translate(-50%, -50%) rotate(-2deg);
    }
  }
  .ghost board-card {
    height: 100%;
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

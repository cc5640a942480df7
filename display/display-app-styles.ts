import { css } from "lit";

/** The page frame: no cursor, no scrollbars, the lost banner and the page indicator. */
export const displayAppStyles = css`
  :host {
    position: fixed;
    inset: 0;
    display: flex;
    flex-direction: column;
    gap: calc(var(--mb-font-size) * 0.35);
    padding: calc(var(--mb-font-size) * 0.35) calc(var(--mb-font-size) * 0.4);
    box-sizing: border-box;
    background: var(--mb-bg);
    color: var(--mb-text);
    font-family: var(--mb-font);
    font-size: var(--mb-font-size);
    overflow: hidden;
    cursor: none;
  }
  main {
    flex: 1;
    min-height: 0;
    position: relative;
    transition: filter 0.4s;
  }
  :host([lost]) main,
  :host([lost]) board-header {
    filter: grayscale(1) brightness(0.75);
  }
  .banner {
    position: absolute;
    left: 50%;
    top: 40%;
    transform: translate(-50%, -50%);
    z-index: 2;
    padding: 0.5em 1.2em;
    border-radius: var(--mb-radius);
    background: var(--mb-banner-bg);
    color: var(--mb-banner-text);
    font-size: 1.8em;
    font-weight: 700;
    white-space: nowrap;
    box-shadow: 0 0 0 100vmax rgb(0 0 0 / 0.25);
  }
  .launch {
    flex: 1;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.6em;
    font-size: 1.6em;
  }
  .launch small {
    font-size: 0.7em;
    color: var(--mb-text-muted);
  }
`;

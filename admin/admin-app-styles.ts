import { css } from "lit";

/** The editor's frame: tool bar, board and side panel, pages, and what printing leaves out. */
export const adminAppStyles = css`
  :host {
    display: grid;
    grid-template-rows: auto auto 1fr;
    height: 100vh;
    font-family: var(--mb-font);
    color: var(--mb-text);
    background: var(--mb-bg);
    font-size: 14px;
    --mb-font-size: 13px;
  }
  main {
    min-height: 0;
    display: grid;
    grid-template-columns: 1fr auto;
  }
  admin-board {
    min-height: 0;
    padding: 0 0.5em 0.5em;
  }
  admin-card-panel {
    width: 22em;
    border-left: 1px solid var(--mb-line);
    overflow: auto;
  }
  .page {
    overflow: auto;
    padding: 0.8em;
    grid-column: 1 / -1;
  }
  .loading {
    padding: 2em;
  }
  @media print {
    :host {
      display: block;
      height: auto;
      background: white;
      color: black;
    }
    admin-toolbar,
    admin-toast {
      display: none;
    }
    main {
      display: block;
    }
    .page {
      overflow: visible;
      padding: 0;
    }
  }
`;

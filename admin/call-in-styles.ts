import { css } from "lit";

/** The call-in pages' tables and action rows (lists, register). */
export const callInStyles = css`
  :host {
    display: block;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    margin-top: 0.6em;
  }
  th,
  td {
    text-align: left;
    padding: 0.3em 0.5em;
    border-bottom: 1px solid var(--mb-line);
    vertical-align: top;
  }
  tr.taken td {
    color: var(--mb-text-muted);
  }
  tr.mine td {
    background: var(--mb-card-bg);
    font-weight: 600;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: flex-end;
  }
  .current {
    border: 2px solid var(--mb-confirmed);
    border-radius: 0.5em;
    padding: 0.6em 0.9em;
    margin-top: 0.8em;
    max-width: 60em;
  }
  .current h3 {
    margin: 0 0 0.3em;
  }
  .error,
  .bad {
    color: var(--mb-late);
    font-weight: 600;
  }
  .note {
    color: var(--mb-text-muted);
  }
  .primary {
    background: var(--mb-confirmed);
    color: var(--mb-pill-text);
    font-weight: 700;
  }
  a {
    color: inherit;
  }
`;

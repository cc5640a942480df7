import { css } from "lit";

/** The look of the editor's settings forms (master data, displays), kept in one place. */
export const formStyles = css`
  form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em 0.8em;
    align-items: flex-end;
    padding: 0.5em 0;
  }
  label {
    display: flex;
    flex-direction: column;
    font-size: 0.9em;
    gap: 0.15em;
  }
  label.inline {
    flex-direction: row;
    align-items: center;
    gap: 0.2em;
  }
  input,
  select {
    font: inherit;
    padding: 0.25em 0.4em;
    border-radius: 0.3em;
    border: 1px solid var(--mb-line);
    background: var(--mb-card-bg);
    color: var(--mb-text);
  }
  button {
    font: inherit;
    padding: 0.35em 0.9em;
    border-radius: 0.35em;
    border: 1px solid var(--mb-line);
    background: var(--mb-card-bg);
    color: var(--mb-text);
    cursor: pointer;
  }
  .error {
    color: var(--mb-late);
    font-weight: 600;
    flex-basis: 100%;
  }
  .note {
    color: var(--mb-text-muted);
    max-width: 48em;
  }
`;

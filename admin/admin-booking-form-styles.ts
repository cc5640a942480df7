import { css } from "lit";

/** The booking dialog: fields in a responsive grid, invalid fields and their messages in the late colour. */
export const adminBookingFormStyles = css`
  dialog {
    width: min(56em, 96vw);
    max-height: 94vh;
    border: none;
    border-radius: 0.6em;
    padding: 1em 1.2em;
    background: var(--mb-surface);
    color: var(--mb-text);
    font: inherit;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  h2 {
    margin: 0 0 0.6em;
    font-size: 1.15em;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(15em, 1fr));
    gap: 0.6em 1em;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
    font-weight: 600;
  }
  .wide {
    grid-column: 1 / -1;
  }
  input,
  select,
  textarea {
    font: inherit;
    font-weight: 400;
    padding: 0.35em 0.5em;
    border-radius: 0.3em;
    border: 1px solid var(--mb-line);
    background: var(--mb-card-bg);
    color: var(--mb-text);
  }
  [aria-invalid="true"] {
    border-color: var(--mb-late);
    outline: 1px solid var(--mb-late);
  }
  .error {
    color: var(--mb-late);
    font-weight: 600;
    font-size: 0.92em;
  }
  fieldset {
    border: 1px solid var(--mb-line);
    border-radius: 0.4em;
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em 1.2em;
  }
  fieldset label {
    flex-direction: row;
    align-items: center;
    font-weight: 400;
  }
  .warnings {
    color: var(--mb-over);
    font-weight: 700;
    margin: 0.6em 0 0;
  }
  .buttons {
    display: flex;
    justify-content: flex-end;
    gap: 0.6em;
    margin-top: 1em;
  }
  button {
    font: inherit;
    padding: 0.45em 1.2em;
    border-radius: 0.35em;
    border: 1px solid var(--mb-line);
    background: var(--mb-card-bg);
    color: var(--mb-text);
    cursor: pointer;
  }
  button[type="submit"] {
    background: var(--mb-confirmed);
    color: var(--mb-pill-text);
    border-color: var(--mb-confirmed);
    font-weight: 700;
  }
`;

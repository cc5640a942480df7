import { css } from "lit";

/**
 * The gate's look: black on white with thick edges, type and targets sized for a thumb and a
 * glance in sunlight (buttons at least 3.5rem high, text 1.25rem and up). Shared by the page and
 * the walk-in form.
 */
export const gateStyles = css`
  :host {
    display: block;
    max-width: 44rem;
    margin: 0 auto;
    padding: 0.8rem;
    font-family: var(--mb-font, sans-serif);
    font-size: 1.25rem;
    color: #000;
    background: #fff;
  }
  h1,
  h2 {
    margin: 0 0 0.6rem;
    font-size: 1.4rem;
  }
  label {
    display: block;
    font-weight: 700;
    margin: 0.6rem 0 0.3rem;
  }
  input,
  select {
    box-sizing: border-box;
    width: 100%;
    min-height: 3.5rem;
    font: inherit;
    font-size: 1.6rem;
    padding: 0.3rem 0.6rem;
    border: 3px solid #000;
    border-radius: 0.5rem;
    background: #fff;
    color: #000;
  }
  button {
    font: inherit;
    font-weight: 700;
    min-height: 3.5rem;
    padding: 0.3rem 1rem;
    border-radius: 0.6rem;
    border: 3px solid #000;
    background: #fff;
    color: #000;
    cursor: pointer;
  }
  button.primary {
    width: 100%;
    background: #0b5d1e;
    border-color: #0b5d1e;
    color: #fff;
    font-size: 1.5rem;
    min-height: 4.2rem;
  }
  button.secondary {
    width: 100%;
    background: #0b3d91;
    border-color: #0b3d91;
    color: #fff;
  }
  button[disabled] {
    background: #d0d4da;
    border-color: #6b7280;
    color: #1f2937;
  }
  .error {
    margin: 0.6rem 0;
    padding: 0.6rem;
    border: 3px solid #a3001b;
    border-radius: 0.5rem;
    color: #a3001b;
    font-weight: 700;
  }
  .field-error {
    color: #a3001b;
    font-weight: 700;
    font-size: 1.1rem;
  }
`;

/**
 * The same form at a desk PC (the editor's 接待 tab, attribute "desk"): the editor's type size,
 * line colours and compact controls, since a mouse and a 1366-pixel screen need no thumb targets.
 */
export const deskStyles = css`
  :host([desk]) {
    max-width: 40rem;
    margin: 0;
    padding: 0;
    font-size: inherit;
    color: var(--mb-text);
    background: transparent;
  }
  :host([desk]) h2 {
    font-size: 1.15em;
  }
  :host([desk]) label {
    margin: 0.5em 0 0.2em;
    font-size: 0.9em;
  }
  :host([desk]) input,
  :host([desk]) select {
    min-height: 0;
    font-size: inherit;
    padding: 0.25em 0.4em;
    border: 1px solid var(--mb-line);
    border-radius: 0.3em;
    background: var(--mb-card-bg);
    color: var(--mb-text);
  }
  :host([desk]) button {
    min-height: 0;
    font-size: inherit;
    font-weight: 600;
    padding: 0.35em 0.9em;
    border: 1px solid var(--mb-line);
    border-radius: 0.35em;
    background: var(--mb-card-bg);
    color: var(--mb-text);
  }
  :host([desk]) button.primary {
    width: auto;
    min-height: 0;
    font-size: inherit;
    background: #0b5d1e;
    border-color: #0b5d1e;
    color: #fff;
  }
  :host([desk]) .categories {
    grid-template-columns: repeat(auto-fill, minmax(7em, 1fr));
    gap: 0.3em;
  }
  :host([desk]) .categories button[aria-pressed="true"] {
    background: var(--mb-text);
    color: var(--mb-surface);
  }
  :host([desk]) .buttons {
    display: flex;
    gap: 0.5em;
    margin-top: 0.8em;
  }
  :host([desk]) .error {
    border-width: 1px;
    font-size: inherit;
  }
  :host([desk]) .field-error {
    font-size: 0.9em;
  }
  :host([desk]) .warn {
    color: var(--mb-over);
  }
`;

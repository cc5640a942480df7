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

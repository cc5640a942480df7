import { css } from "lit";

/** The sign-in and password forms: one column, thumb-sized fields and button on a phone. */
export const formStyles = css`
  :host {
    display: block;
    max-width: 26rem;
    margin: 0 auto;
    padding: 1.5rem 1rem;
    font-family: var(--mb-font, sans-serif);
    color: var(--mb-text, #f4f7fb);
  }
  h1 {
    font-size: 1.4rem;
    margin: 0 0 1rem;
  }
  p.hint {
    color: var(--mb-text-muted, #c3ccd8);
  }
  /* the theme's link colour reads at 7:1 on the light editor and the dark phone page alike */
  a {
    color: var(--mb-confirmed, #8fcbff);
  }
  label {
    display: block;
    margin-bottom: 1rem;
    font-size: 1rem;
  }
  input {
    display: block;
    box-sizing: border-box;
    width: 100%;
    margin-top: 0.3rem;
    padding: 0.8rem;
    font-size: 1.1rem;
    border-radius: 0.5rem;
    border: 1px solid var(--mb-line, #2b3645);
    background: var(--mb-surface, #121821);
    color: inherit;
  }
  button {
    width: 100%;
    min-height: 3.5rem;
    font-size: 1.2rem;
    font-weight: 700;
    border: 0;
    border-radius: 0.6rem;
    background: #4f8cff;
    color: #0a0d12;
  }
  button[disabled] {
    opacity: 0.6;
  }
  /* the page's theme colour for lateness reads at 7:1 on its background, light (the editor) or dark (the phone) */
  .error {
    color: var(--mb-late, #ff8a80);
  }
`;

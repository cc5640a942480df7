import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { formStyles } from "./admin-form-styles.js";

declare global {
  interface HTMLElementTagNameMap {
    "admin-secret-once": AdminSecretOnce;
  }
  interface HTMLElementEventMap {
    "admin-secret-done": CustomEvent<void>;
  }
}

/**
 * A secret the server keeps only a digest of (a one-time password, an API token), shown this once:
 * selectable, with a copy button; closing it is the caller's "I have it".
 */
@customElement("admin-secret-once")
export class AdminSecretOnce extends LitElement {
  @property() heading = "";
  @property() note = "";
  @property() label = "";
  @property() value = "";
  @property() copyLabel = "";
  @property() copiedText = "";
  @property() copyFailedText = "";
  @property() doneLabel = "";
  @state() private copyNote = "";

  static override styles = [
    formStyles,
    css`
      :host {
        display: block;
        border: 2px solid var(--mb-accent, #4f8cff);
        border-radius: 0.4em;
        padding: 0.6em 0.8em;
        margin: 0.6em 0;
      }
      input {
        width: 100%;
        box-sizing: border-box;
        font-family: monospace;
        font-size: 1.2em;
      }
      .row {
        display: flex;
        gap: 0.5em;
        align-items: center;
        flex-wrap: wrap;
        margin-top: 0.5em;
      }
      @media print {
        :host {
          display: none;
        }
      }
    `,
  ];

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.value);
      this.copyNote = this.copiedText;
    } catch {
      this.copyNote = this.copyFailedText;
      this.renderRoot.querySelector("input")?.select();
    }
  }

  override render() {
    return html`<div role="status">
      <strong>${this.heading}</strong>
      <p>${this.note}</p>
      <label>${this.label}<input class="secret" readonly .value=${this.value} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} /></label>
      <div class="row">
        <button type="button" data-action="copy" @click=${() => void this.copy()}>${this.copyLabel}</button>
        <slot></slot>
        <button type="button" data-action="done" @click=${() => this.dispatchEvent(new CustomEvent("admin-secret-done"))}>${this.doneLabel}</button>
        ${this.copyNote ? html`<span>${this.copyNote}</span>` : nothing}
      </div>
    </div>`;
  }
}

import { LitElement, css, html, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";

declare global {
  interface HTMLElementTagNameMap {
    "admin-toast": AdminToast;
  }
  interface HTMLElementEventMap {
    "admin-undo": CustomEvent<void>;
    "admin-toast-close": CustomEvent<void>;
  }
}

/** The note after each change ("moved 张伟 · 撤销") or refusal; the app decides how long it stays. */
@customElement("admin-toast")
export class AdminToast extends LitElement {
  @property() text = "";
  @property({ reflect: true }) tone: "ok" | "error" = "ok";
  /** Empty when the change cannot be undone from here. */
  @property() undoLabel = "";

  static override styles = css`
    :host {
      position: fixed;
      left: 50%;
      bottom: 1.2em;
      transform: translateX(-50%);
      z-index: 20;
      display: flex;
      gap: 1em;
      align-items: center;
      max-width: min(42em, 92vw);
      padding: 0.7em 1em;
      border-radius: 0.5em;
      background: var(--mb-text);
      color: var(--mb-bg);
      box-shadow: 0 0.4em 1.2em rgb(0 0 0 / 0.3);
    }
    :host([tone="error"]) {
      background: var(--mb-late);
      color: var(--mb-pill-text);
      font-weight: 700;
    }
    button {
      font: inherit;
      font-weight: 700;
      background: transparent;
      color: inherit;
      border: 1px solid currentColor;
      border-radius: 0.35em;
      padding: 0.3em 0.8em;
      cursor: pointer;
    }
  `;

  private fire(name: "admin-undo" | "admin-toast-close"): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }

  override render() {
    return html`<span role=${this.tone === "error" ? "alert" : "status"}>${this.text}</span>
      ${this.undoLabel ? html`<button class="undo" @click=${() => this.fire("admin-undo")}>${this.undoLabel}</button>` : nothing}
      <button aria-label="×" @click=${() => this.fire("admin-toast-close")}>×</button>`;
  }
}

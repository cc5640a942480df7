import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Language } from "../shared/schemas/common.js";
import { currentSession } from "./staff-api.js";
import "./staff-login.js";
import "./staff-password.js";
import { apiUrl } from "../display/site-path.js";

declare global {
  interface HTMLElementTagNameMap {
    "staff-gate": StaffGate;
  }
}

type Phase = "checking" | "sign-in" | "password" | "open";

/**
 * Puts a staff page behind sign-in: `<staff-gate page="admin-app">` shows the sign-in form (and
 * the one-time password change) until the browser holds a good session, and only then creates
 * the page's element, so the page never opens its staff socket without one.
 */
@customElement("staff-gate")
export class StaffGate extends LitElement {
  /** The tag of the page's root element, created once signed in. */
  @property() page = "";
  @state() private phase: Phase = "checking";
  @state() private language: Language = "zh-CN";

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadLanguage();
    void this.check();
  }

  /** The site's language is public (GET /api/settings), so even the sign-in form speaks it. */
  private async loadLanguage(): Promise<void> {
    try {
      const res = await fetch(apiUrl("/settings"));
      if (res.ok) this.language = ((await res.json()) as { language: Language }).language;
    } catch {
      // keep zh-CN, the site's first language
    }
  }

  private async check(): Promise<void> {
    const res = await currentSession();
    if (!res.ok) this.phase = "sign-in";
    else if (res.data.mustChangePassword) this.phase = "password";
    else this.open();
  }

  private open(): void {
    this.phase = "open";
    // a custom element tag: lowercase letters, digits and a dash; anything else is not created
    if (/^[a-z][a-z0-9]*-[a-z0-9-]+$/.test(this.page) && !this.querySelector(this.page)) this.append(document.createElement(this.page));
  }

  override render() {
    switch (this.phase) {
      case "checking":
        return nothing;
      case "sign-in":
        return html`<staff-login .language=${this.language} @signed-in=${() => void this.check()}></staff-login>`;
      case "password":
        return html`<staff-password .language=${this.language} @password-changed=${() => void this.check()}></staff-password>`;
      case "open":
        return html`<slot></slot>`;
    }
  }
}

import { LitElement, css, html } from "lit";
import { customElement, state } from "lit/decorators.js";
import type { Language } from "../shared/schemas/common.js";
import { t } from "../shared/i18n/messages.js";
import { currentSession, signOut, type StaffSession } from "../login/staff-api.js";
import "../login/staff-login.js";
import "../login/staff-password.js";
import "./advisor-day.js";
import { apiUrl } from "../display/site-path.js";

declare global {
  interface HTMLElementTagNameMap {
    "advisor-app": AdvisorApp;
  }
}

type Phase = { kind: "loading" } | { kind: "sign-in" } | { kind: "password" } | { kind: "day"; session: StaffSession } | { kind: "not-advisor"; session: StaffSession };

/** The advisor's phone page: sign in, replace a one-time password, then my day. */
@customElement("advisor-app")
export class AdvisorApp extends LitElement {
  @state() private phase: Phase = { kind: "loading" };
  @state() private language: Language = "zh-CN";

  static override styles = css`
    .note {
      padding: 1rem;
      color: #f4f7fb;
      font-family: var(--mb-font, sans-serif);
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadLanguage();
    void this.refresh();
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

  private async refresh(): Promise<void> {
    const res = await currentSession();
    if (!res.ok) {
      this.phase = { kind: "sign-in" };
      return;
    }
    const session = res.data;
    if (session.mustChangePassword) this.phase = { kind: "password" };
    else if (session.actor.advisorId === undefined) this.phase = { kind: "not-advisor", session };
    else this.phase = { kind: "day", session };
  }

  private readonly end = async () => {
    await signOut();
    this.phase = { kind: "sign-in" };
  };

  override render() {
    const p = this.phase;
    switch (p.kind) {
      case "loading":
        return html``;
      case "sign-in":
        return html`<staff-login .language=${this.language} @signed-in=${() => void this.refresh()}></staff-login>`;
      case "password":
        return html`<staff-password .language=${this.language} @password-changed=${() => void this.refresh()}></staff-password>`;
      case "not-advisor":
        return html`<p class="note">${t(this.language, "advisor.notAdvisor", { name: p.session.actor.name })}</p>
          <staff-login .language=${this.language} @signed-in=${() => void this.refresh()}></staff-login>`;
      case "day":
        return html`<advisor-day
          .advisorId=${p.session.actor.advisorId ?? 0}
          name=${p.session.account?.displayName ?? p.session.actor.name}
          .fallbackLanguage=${this.language}
          @session-ended=${this.end}
        ></advisor-day>`;
    }
  }
}

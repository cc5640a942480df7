import { LitElement, css, html } from "lit";
import { customElement, state } from "lit/decorators.js";
import type { Language } from "../shared/schemas/common.js";
import { t } from "../shared/i18n/messages.js";
import { currentSession, signOut, type StaffSession } from "../login/staff-api.js";
import "./gate-page.js";

declare global {
  interface HTMLElementTagNameMap {
    "gate-app": GateApp;
  }
}

/** The guide's page once signed in: for desk and manager accounts, who may mark arrivals and receive walk-ins. */
@customElement("gate-app")
export class GateApp extends LitElement {
  @state() private session: StaffSession | null = null;
  @state() private language: Language = "zh-CN";

  static override styles = css`
    .note {
      padding: 1rem;
      font-size: 1.3rem;
      font-family: var(--mb-font, sans-serif);
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const res = await currentSession();
    if (res.ok) this.session = res.data;
  }

  private readonly end = async () => {
    await signOut();
    location.reload();
  };

  override render() {
    const s = this.session;
    if (!s) return html``;
    if (s.actor.role !== "desk" && s.actor.role !== "manager") {
      return html`<p class="note">${t(this.language, "gate.notForRole", { name: s.actor.name })}</p>`;
    }
    return html`<gate-page name=${s.account?.displayName ?? s.actor.name} @session-ended=${this.end}></gate-page>`;
  }
}

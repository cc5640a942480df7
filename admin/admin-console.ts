import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Advisor } from "../shared/schemas/advisor.js";
import type { Language } from "../shared/schemas/common.js";
import { t } from "../shared/i18n/messages.js";
import { say, type AnyMessageKey } from "../shared/i18n/report-messages.js";
import { currentSession } from "../login/staff-api.js";
import "./admin-people.js";
import "./admin-tokens.js";
import "./admin-displays.js";
import "./admin-history.js";

declare global {
  interface HTMLElementTagNameMap {
    "admin-console": AdminConsole;
  }
}

export type ConsoleSection = "people" | "devices" | "history" | "reports";

const SECTIONS: [ConsoleSection, AnyMessageKey][] = [
  ["people", "admin.console.people"],
  ["devices", "admin.console.devices"],
  ["history", "admin.console.history"],
  ["reports", "admin.console.reports"],
];

/**
 * The manager's console: people (accounts), devices and integrations (API tokens beside the paired
 * displays), the history of every change with its retention, and the reports. Other roles get a note and send no requests; the server refuses them anyway.
 */
@customElement("admin-console")
export class AdminConsole extends LitElement {
  @property({ attribute: false }) advisors: Advisor[] = [];
  @property() language: Language = "zh-CN";
  @property() timeZone = "Asia/Shanghai";
  @property() siteName = "";
  @property() section: ConsoleSection = "people";
  /** Set when opened from an advisor's form: create that advisor's phone account. */
  @property({ type: Number }) forAdvisor: number | null = null;

  @state() private access: "checking" | "manager" | "denied" = "checking";
  @state() private me: number | null = null;

  static override styles = css`
    :host {
      display: block;
    }
    nav {
      display: flex;
      gap: 0.3em;
      margin-bottom: 0.6em;
    }
    nav button {
      font: inherit;
      padding: 0.35em 0.9em;
      border-radius: 0.35em;
      border: 1px solid var(--mb-line);
      background: var(--mb-card-bg);
      color: var(--mb-text);
      cursor: pointer;
    }
    nav button[aria-pressed="true"] {
      background: var(--mb-confirmed);
      color: var(--mb-pill-text);
      border-color: var(--mb-confirmed);
    }
    h2 {
      font-size: 1.15em;
    }
    @media print {
      nav,
      h2 {
        display: none;
      }
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.check();
  }

  private async check(): Promise<void> {
    const session = await currentSession();
    this.access = session.ok && session.data.actor.role === "manager" ? "manager" : "denied";
    this.me = session.ok ? (session.data.account?.id ?? null) : null;
  }

  private body() {
    const lang = this.language;
    if (this.section === "people") {
      return html`<h2>${t(lang, "admin.console.people")}</h2>
        <admin-people .advisors=${this.advisors} .language=${lang} .timeZone=${this.timeZone} .siteName=${this.siteName} .me=${this.me} .forAdvisor=${this.forAdvisor}></admin-people>`;
    }
    if (this.section === "reports") {
      // the charting library is loaded with the reports only: the editor's first load does not carry it
      void import("./admin-reports.js");
      return html`<h2>${say(lang, "admin.console.reports")}</h2>
        <admin-reports .language=${lang}></admin-reports>`;
    }
    if (this.section === "history") {
      return html`<h2>${t(lang, "admin.console.history")}</h2>
        <admin-history .language=${lang} .timeZone=${this.timeZone}></admin-history>`;
    }
    return html`<h2>${t(lang, "admin.tokens.title")}</h2>
      <admin-tokens .advisors=${this.advisors} .language=${lang} .timeZone=${this.timeZone}></admin-tokens>
      <h2>${t(lang, "admin.displays.title")}</h2>
      <admin-displays .advisors=${this.advisors} .language=${lang} .timeZone=${this.timeZone}></admin-displays>`;
  }

  override render() {
    if (this.access === "checking") return nothing;
    if (this.access === "denied") return html`<p class="note">${t(this.language, "admin.console.managerOnly")}</p>`;
    return html`<nav aria-label=${t(this.language, "admin.console.sections")}>
        ${SECTIONS.map(([s, key]) => html`<button type="button" aria-pressed=${this.section === s} @click=${() => (this.section = s)}>${say(this.language, key)}</button>`)}
      </nav>
      ${this.body()}`;
  }
}

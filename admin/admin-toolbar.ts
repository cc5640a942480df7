import { LitElement, css, html } from "lit";
import { customElement, property } from "lit/decorators.js";
import type { Language } from "../shared/schemas/common.js";
import type { ConnectionStatus } from "../display/board-connection.js";
import { addDays } from "../shared/rules/zoned-time.js";
import { t, type MessageKey } from "../shared/i18n/messages.js";
import type { LaneMode } from "../display/board-layout.js";
import { DEFAULT_ZOOM, ZOOMS, type Zoom } from "./board-zoom.js";
import { groupPageUrl } from "../display/site-path.js";
import "./admin-search.js";

export type Tab = "board" | "reception" | "dayBefore" | "callLists" | "register" | "sheet" | "import" | "settings" | "console" | "reports";

export type ToolbarAction =
  | { kind: "tab"; tab: Tab }
  | { kind: "date"; date: string }
  | { kind: "mode"; mode: LaneMode }
  | { kind: "zoom"; zoom: Zoom }
  | { kind: "language"; language: Language }
  | { kind: "book" }
  | { kind: "undoLast" };

declare global {
  interface HTMLElementTagNameMap {
    "admin-toolbar": AdminToolbar;
  }
  interface HTMLElementEventMap {
    "admin-toolbar-action": CustomEvent<ToolbarAction>;
  }
}

const TABS: [Tab, MessageKey][] = [
  ["board", "admin.tab.board"],
  ["reception", "reception.tab"],
  ["dayBefore", "admin.tab.dayBefore"],
  ["callLists", "admin.tab.callLists"],
  ["register", "admin.tab.register"],
  ["sheet", "admin.tab.sheet"],
  ["import", "admin.tab.import"],
  ["settings", "admin.tab.settings"],
  ["console", "admin.tab.console"],
];

/** What the group's director reads of a store (role group: the board, its records and figures): pages that change nothing. */
const READ_TABS: [Tab, MessageKey][] = [
  ["board", "admin.tab.board"],
  ["sheet", "admin.tab.sheet"],
  ["reports", "admin.tab.reports"],
];

/** The editor's header and tool bar: pages, dates, connection, language, search, view, new booking, undo. */
@customElement("admin-toolbar")
export class AdminToolbar extends LitElement {
  @property() siteName = "";
  @property() tab: Tab = "board";
  @property() date = "";
  /** Today in the site's zone by the server's clock. */
  @property() today = "";
  @property() mode: LaneMode = "advisors";
  @property({ type: Number }) zoom: Zoom = DEFAULT_ZOOM;
  @property() language: Language = "zh-CN";
  @property() status: ConnectionStatus = "connecting";
  @property({ type: Boolean }) canUndo = false;
  /** Role group: only the pages that read, no booking and no undo, and a word that says so. */
  @property({ type: Boolean }) readOnly = false;

  static override styles = css`
    :host {
      display: block;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 1em;
      padding: 0.5em 0.8em;
      background: var(--mb-surface);
      border-bottom: 1px solid var(--mb-line);
    }
    h1 {
      font-size: 1.1em;
      margin: 0;
    }
    nav,
    .dates,
    .views {
      display: flex;
      gap: 0.3em;
      flex-wrap: wrap;
      align-items: center;
    }
    button,
    input,
    select {
      font: inherit;
    }
    button {
      padding: 0.35em 0.8em;
      border-radius: 0.35em;
      border: 1px solid var(--mb-line);
      background: var(--mb-card-bg);
      color: var(--mb-text);
      cursor: pointer;
      min-height: 2.2em;
    }
    button[aria-pressed="true"] {
      background: var(--mb-confirmed);
      color: var(--mb-pill-text);
      border-color: var(--mb-confirmed);
    }
    .status {
      margin-left: auto;
      color: var(--mb-text-muted);
    }
    .status.lost {
      color: var(--mb-late);
      font-weight: 700;
    }
    .read-only {
      padding: 0.3em 0.7em;
      border-radius: 0.35em;
      border: 1px solid var(--mb-line);
      color: var(--mb-text-muted);
    }
    a {
      color: var(--mb-confirmed);
    }
    .bar {
      display: flex;
      gap: 0.8em;
      align-items: center;
      padding: 0.4em 0.8em;
      flex-wrap: wrap;
    }
  `;

  private fire(action: ToolbarAction): void {
    this.dispatchEvent(new CustomEvent("admin-toolbar-action", { detail: action, bubbles: true, composed: true }));
  }

  override render() {
    const lang = this.language;
    const tomorrow = this.today ? addDays(this.today, 1) : "";
    return html`<header>
        <h1>${this.siteName} · ${t(lang, "admin.title")}</h1>
        <nav aria-label=${t(lang, "admin.tabs")}>
          ${(this.readOnly ? READ_TABS : TABS).map(([tab, key]) => html`<button aria-pressed=${this.tab === tab} @click=${() => this.fire({ kind: "tab", tab })}>${t(lang, key)}</button>`)}
        </nav>
        <div class="dates">
          <button aria-pressed=${this.date === this.today} @click=${() => this.fire({ kind: "date", date: this.today })}>${t(lang, "admin.date.today")}</button>
          <button aria-pressed=${this.date === tomorrow} @click=${() => this.fire({ kind: "date", date: tomorrow })}>${t(lang, "admin.date.tomorrow")}</button>
          <input
            type="date"
            aria-label=${t(lang, "admin.date.pick")}
            .value=${this.date}
            @change=${(e: Event) => {
              const date = (e.target as HTMLInputElement).value;
              if (date) this.fire({ kind: "date", date });
            }}
          />
        </div>
        <span class="status ${this.status === "lost" ? "lost" : ""}" role="status">${t(lang, `admin.connection.${this.status}`)}</span>
        <select aria-label=${t(lang, "admin.language")} @change=${(e: Event) => this.fire({ kind: "language", language: (e.target as HTMLSelectElement).value as Language })}>
          <option value="zh-CN" ?selected=${lang === "zh-CN"}>中文</option>
          <option value="en" ?selected=${lang === "en"}>English</option>
        </select>
      </header>
      <div class="bar">
        <admin-search .date=${this.date} .language=${lang}></admin-search>
        <div class="views" role="group" aria-label=${t(lang, "admin.view")}>
          <button aria-pressed=${this.mode === "advisors"} @click=${() => this.fire({ kind: "mode", mode: "advisors" })}>${t(lang, "admin.view.advisors")}</button>
          <button aria-pressed=${this.mode === "bays"} @click=${() => this.fire({ kind: "mode", mode: "bays" })}>${t(lang, "admin.view.bays")}</button>
        </div>
        <div class="views" role="group" aria-label=${t(lang, "admin.zoom")}>
          <span>${t(lang, "admin.zoom")}</span>
          ${ZOOMS.map((z) => html`<button data-zoom=${z} aria-pressed=${this.zoom === z} @click=${() => this.fire({ kind: "zoom", zoom: z })}>${t(lang, `admin.zoom.${z}`)}</button>`)}
        </div>
        ${this.readOnly
          ? html`<span class="read-only" data-read-only>${t(lang, "admin.readOnly")}</span><a href=${groupPageUrl()}>${t(lang, "admin.toGroup")}</a>`
          : html`<button @click=${() => this.fire({ kind: "book" })}>＋ ${t(lang, "admin.book")}</button>
              <button ?disabled=${!this.canUndo} @click=${() => this.fire({ kind: "undoLast" })} title=${t(lang, "admin.undo.lastHint")}>↶ ${t(lang, "admin.undo.last")}</button>`}
      </div>`;
  }
}

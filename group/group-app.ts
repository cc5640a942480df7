import { LitElement, css, html, nothing } from "lit";
import { customElement, state } from "lit/decorators.js";
import type { Language } from "../shared/schemas/common.js";
import { t, type MessageKey } from "../shared/i18n/messages.js";
import { currentDirector, fetchStores, signOutDirector, type GroupDirector, type StoreToday } from "./group-api.js";
import "./group-login.js";
import "./group-stores.js";

declare global {
  interface HTMLElementTagNameMap {
    "group-app": GroupApp;
  }
}

/** How often the figures are read again while the page is open. */
export const REFRESH_MS = 30_000;

const LANGUAGE_KEY = "magboard.group.language";

function storedLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === "en" ? "en" : "zh-CN";
  } catch {
    return "zh-CN";
  }
}

/**
 * The group director's page (集团售后总监): signs in with the group's account, then shows every
 * store's today and reads it again every 30 s while the page is shown. One timer at most: the next
 * read is set only when one has finished, and none is left when the page goes or signs out.
 */
@customElement("group-app")
export class GroupApp extends LitElement {
  @state() private phase: "checking" | "sign-in" | "open" = "checking";
  @state() private director: GroupDirector | null = null;
  @state() private stores: StoreToday[] | null = null;
  @state() private updatedAt: number | null = null;
  @state() private stale = false;
  @state() private language: Language = storedLanguage();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private reading = false;

  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
      box-sizing: border-box;
      padding: 1.2rem clamp(0.6rem, 3vw, 3rem) 2rem;
      font-family: var(--mb-font, sans-serif);
      font-size: 1rem;
      color: var(--mb-text);
      background: var(--mb-bg);
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.6rem 1rem;
      margin-bottom: 1rem;
    }
    h1 {
      font-size: 1.5rem;
      margin: 0;
      flex: 1 1 auto;
    }
    .who {
      color: var(--mb-text-muted);
    }
    header button {
      min-height: 2.75rem;
      padding: 0.4rem 0.9rem;
      font: inherit;
      border: 1px solid var(--mb-line);
      border-radius: 0.4rem;
      background: var(--mb-surface);
      color: var(--mb-text);
    }
    .status {
      margin: 0.8rem 0 0;
      color: var(--mb-text-muted);
    }
    .status.stale {
      color: var(--mb-late);
      font-weight: 600;
    }
    main {
      max-width: 96rem;
      margin: 0 auto;
    }
    @media (max-width: 47.99rem) {
      :host {
        padding: 0.8rem 0 1.5rem;
      }
      header,
      .status {
        padding: 0 0.8rem;
      }
      h1 {
        font-size: 1.25rem;
        flex-basis: 100%;
      }
    }
  `;

  private msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.language, key, params);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener("visibilitychange", this.onVisibility);
    this.applyLanguage();
    void this.check();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener("visibilitychange", this.onVisibility);
    this.stopTimer();
  }

  private async check(): Promise<void> {
    const me = await currentDirector();
    if (me.ok) this.open(me.data);
    else this.phase = "sign-in";
  }

  private open(director: GroupDirector): void {
    this.director = director;
    this.phase = "open";
    void this.refresh();
  }

  private stopTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Reads the figures now and sets the one next read; a read already under way is not doubled. */
  private async refresh(): Promise<void> {
    if (this.reading) return;
    this.stopTimer();
    this.reading = true;
    const res = await fetchStores();
    this.reading = false;
    if (this.phase !== "open") return;
    if (res.ok) {
      this.stores = res.data.sites;
      this.updatedAt = Date.now();
      this.stale = false;
    } else if (res.status === 401) {
      this.signedOut();
      return;
    } else {
      this.stale = true;
    }
    if (this.isConnected && document.visibilityState !== "hidden") this.timer = setTimeout(() => void this.refresh(), REFRESH_MS);
  }

  /** A hidden tab reads nothing; shown again, it reads at once rather than showing old figures for up to 30 s. */
  private readonly onVisibility = () => {
    if (document.visibilityState === "hidden") this.stopTimer();
    else if (this.phase === "open") void this.refresh();
  };

  private signedOut(): void {
    this.stopTimer();
    this.phase = "sign-in";
    this.director = null;
    this.stores = null;
    this.updatedAt = null;
    this.stale = false;
  }

  private readonly signOut = async () => {
    await signOutDirector();
    this.signedOut();
  };

  private readonly toggleLanguage = () => {
    this.language = this.language === "zh-CN" ? "en" : "zh-CN";
    try {
      localStorage.setItem(LANGUAGE_KEY, this.language);
    } catch {
      // the choice then lasts this page only
    }
    this.applyLanguage();
  };

  private applyLanguage(): void {
    document.documentElement.lang = this.language;
    document.title = `magboard · ${this.msg("group.title")}`;
  }

  private time(ms: number): string {
    return new Intl.DateTimeFormat(this.language, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(ms);
  }

  private status() {
    if (this.updatedAt === null) return nothing;
    const time = this.time(this.updatedAt);
    return this.stale
      ? html`<p class="status stale" role="status">${this.msg("group.stale", { time })}</p>`
      : html`<p class="status">${this.msg("group.updated", { time })}</p>`;
  }

  override render() {
    const language = html`<button type="button" lang=${this.language === "zh-CN" ? "en" : "zh-CN"} data-action="language" @click=${this.toggleLanguage}>${this.msg("group.language")}</button>`;
    switch (this.phase) {
      case "checking":
        return nothing;
      case "sign-in":
        return html`<main>
          <header><h1>${this.msg("group.title")}</h1>${language}</header>
          <group-login .language=${this.language} @director-signed-in=${(e: CustomEvent<GroupDirector>) => this.open(e.detail)}></group-login>
        </main>`;
      case "open":
        return html`<main>
          <header>
            <h1>${this.msg("group.title")}</h1>
            <span class="who">${this.msg("group.signedInAs", { name: this.director?.displayName ?? "" })}</span>
            ${language}
            <button type="button" data-action="sign-out" @click=${this.signOut}>${this.msg("group.signOut")}</button>
          </header>
          ${this.stores === null ? html`<p role="status">${this.msg("group.loading")}</p>` : html`<group-stores .stores=${this.stores} .language=${this.language}></group-stores>`}
          ${this.status()}
        </main>`;
    }
  }
}

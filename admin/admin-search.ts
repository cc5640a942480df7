import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Appointment } from "../shared/schemas/appointment.js";
import type { Language } from "../shared/schemas/common.js";
import { t } from "../shared/i18n/messages.js";
import { LatestAnswer } from "../login/staff-api.js";
import { searchCards } from "./staff-api.js";

declare global {
  interface HTMLElementTagNameMap {
    "admin-search": AdminSearch;
  }
  interface HTMLElementEventMap {
    "admin-search-hits": CustomEvent<{ ids: number[] }>;
  }
}

/**
 * The guide's "do you have an appointment?": one box for plate, name or phone, in any form the
 * server's search understands (京A12345, a12345, 12345, A·12345). The hits are announced, and the
 * app jumps to the first and highlights them all.
 */
@customElement("admin-search")
export class AdminSearch extends LitElement {
  @property() date = "";
  @property() language: Language = "zh-CN";
  @state() private hits: Appointment[] | null = null;
  private readonly searches = new LatestAnswer();

  static override styles = css`
    :host {
      display: flex;
      gap: 0.4em;
      align-items: center;
      flex-wrap: wrap;
    }
    input {
      font: inherit;
      width: 16em;
      padding: 0.35em 0.6em;
      border-radius: 0.35em;
      border: 1px solid var(--mb-line);
      background: var(--mb-card-bg);
      color: var(--mb-text);
    }
    button {
      font: inherit;
      padding: 0.3em 0.6em;
      border-radius: 0.35em;
      border: 1px solid var(--mb-line);
      background: var(--mb-card-bg);
      color: var(--mb-text);
      cursor: pointer;
    }
    .none {
      color: var(--mb-late);
    }
  `;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has("date")) this.hits = null;
  }

  private async run(q: string): Promise<void> {
    const latest = this.searches.ask();
    if (q.trim() === "") {
      this.hits = null;
      return;
    }
    const found = await searchCards(this.date, q);
    if (!latest()) return;
    this.hits = found ?? [];
    this.pick(this.hits.map((a) => a.id));
  }

  private pick(ids: number[]): void {
    this.dispatchEvent(new CustomEvent("admin-search-hits", { detail: { ids }, bubbles: true, composed: true }));
  }

  override render() {
    const lang = this.language;
    return html`<input
        type="search"
        aria-label=${t(lang, "admin.search.label")}
        placeholder=${t(lang, "admin.search.placeholder")}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === "Enter") void this.run((e.target as HTMLInputElement).value);
        }}
        @search=${(e: Event) => void this.run((e.target as HTMLInputElement).value)}
      />
      <span role="status" aria-live="polite">
        ${this.hits === null
          ? nothing
          : this.hits.length === 0
            ? html`<span class="none">${t(lang, "admin.search.none")}</span>`
            : this.hits.length > 1
              ? this.hits.map((a) => html`<button @click=${() => this.pick([a.id])}>${a.startTime} ${a.plate} ${a.customerName}</button>`)
              : t(lang, "admin.search.found", { time: this.hits[0]!.startTime, plate: this.hits[0]!.plate })}
      </span>`;
  }
}

import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Language } from "../shared/schemas/common.js";
import type { RegisterEntry } from "../shared/schemas/register.js";
import { t } from "../shared/i18n/messages.js";
import { LatestAnswer } from "../login/staff-api.js";
import { lookupRegister } from "./call-in-api.js";

declare global {
  interface HTMLElementTagNameMap {
    "register-lookup": RegisterLookup;
  }
  interface HTMLElementEventMap {
    "register-pick": CustomEvent<RegisterEntry>;
  }
}

/** The booking form's lookup: a plate or a phone finds the car and its owner, so nothing is typed twice. */
@customElement("register-lookup")
export class RegisterLookup extends LitElement {
  @property() language: Language = "zh-CN";
  @state() private hits: RegisterEntry[] = [];
  @state() private asked = "";
  private readonly lookups = new LatestAnswer();

  static override styles = css`
    :host {
      display: block;
      margin-bottom: 0.6em;
    }
    input {
      font: inherit;
      padding: 0.3em 0.5em;
      width: 16em;
      border-radius: 0.3em;
      border: 1px solid var(--mb-line);
      background: var(--mb-card-bg);
      color: var(--mb-text);
    }
    ul {
      list-style: none;
      margin: 0.3em 0 0;
      padding: 0;
    }
    button {
      font: inherit;
      text-align: left;
      width: 100%;
      padding: 0.3em 0.5em;
      border: 1px solid var(--mb-line);
      border-radius: 0.3em;
      background: var(--mb-card-bg);
      color: var(--mb-text);
      cursor: pointer;
      margin-top: 0.2em;
    }
    .note {
      color: var(--mb-text-muted);
      font-size: 0.9em;
    }
  `;

  private async find(q: string): Promise<void> {
    this.asked = q.trim();
    const latest = this.lookups.ask();
    const found = this.asked.length < 2 ? [] : ((await lookupRegister(this.asked)) ?? []);
    if (latest()) this.hits = found;
  }

  private pick(e: RegisterEntry): void {
    this.dispatchEvent(new CustomEvent("register-pick", { detail: e, bubbles: true, composed: true }));
    this.hits = [];
  }

  override render() {
    const lang = this.language;
    return html`<label>${t(lang, "callin.lookup.label")}
        <input name="lookup" type="search" autocomplete="off" placeholder=${t(lang, "callin.lookup.placeholder")}
          @input=${(e: Event) => void this.find((e.target as HTMLInputElement).value)} />
      </label>
      ${this.hits.length > 0
        ? html`<ul aria-label=${t(lang, "callin.lookup.results")}>
            ${this.hits.map(
              (h) => html`<li><button type="button" @click=${() => this.pick(h)}>
                ${h.vehicle.plate} · ${h.vehicle.model} · ${h.customer?.name ?? ""} ${h.customer?.phone ?? ""}
              </button></li>`,
            )}
          </ul>`
        : this.asked.length >= 2
          ? html`<p class="note" role="status">${t(lang, "callin.lookup.none")}</p>`
          : nothing}`;
  }
}

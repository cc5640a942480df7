import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Language } from "../shared/schemas/common.js";
import type { LetterSettings } from "../shared/schemas/letters.js";
import { PLACEHOLDERS, fillTemplate, textMessageOf, unknownPlaceholders } from "../shared/rules/letters.js";
import { t, type MessageKey } from "../shared/i18n/messages.js";
import { errorText } from "../shared/i18n/errors.js";
import { currentSession } from "../login/staff-api.js";
import type { SendCommand } from "./staff-api.js";
import { fetchLetterSample, fetchLetterSettings, type LetterSample, type LetterSettingsView } from "./letters-api.js";
import { formStyles } from "./admin-form-styles.js";

declare global {
  interface HTMLElementTagNameMap {
    "admin-letter-settings": AdminLetterSettings;
  }
}

type TemplateField = "letterTemplateZh" | "letterTemplateEn" | "textTemplateZh" | "textTemplateEn";
const TEMPLATES: [TemplateField, Language, "letter" | "text"][] = [
  ["letterTemplateZh", "zh-CN", "letter"],
  ["letterTemplateEn", "en", "letter"],
  ["textTemplateZh", "zh-CN", "text"],
  ["textTemplateEn", "en", "text"],
];
const TEXT_FIELDS = ["hotline", "generalManager", "storeName"] as const;
const NUMBER_FIELDS = ["serviceIntervalKm", "followUpDays"] as const;

/**
 * The manager's letter and text settings: hotline, signature, the four templates with a live
 * preview filled with a real customer of the register (by the same function the server fills
 * letters with), and the SMS gateway's hook. An unknown {placeholder} is named as it is typed, and
 * refused by the server naming it too. Others see the settings but cannot change them.
 */
@customElement("admin-letter-settings")
export class AdminLetterSettings extends LitElement {
  @property() language: Language = "zh-CN";
  @property({ attribute: false }) send!: SendCommand;
  @state() private saved: LetterSettingsView | null = null;
  @state() private draft: LetterSettings | null = null;
  @state() private sample: LetterSample | null = null;
  @state() private manager = false;
  @state() private message = "";

  static override styles = [
    formStyles,
    css`
      :host {
        display: block;
      }
      .templates {
        flex-basis: 100%;
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(28em, 1fr));
        gap: 1em;
      }
      textarea {
        font: inherit;
        width: 100%;
        box-sizing: border-box;
        padding: 0.4em;
        border-radius: 0.3em;
        border: 1px solid var(--mb-line);
        background: var(--mb-card-bg);
        color: var(--mb-text);
      }
      .preview {
        white-space: pre-wrap;
        border: 1px dashed var(--mb-line);
        border-radius: 0.3em;
        padding: 0.5em;
        margin: 0.3em 0 0;
        font-size: 0.9em;
      }
      form .note {
        flex-basis: 100%;
      }
      h3 {
        font-size: 1em;
        margin: 0.4em 0;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const [settings, sample, session] = await Promise.all([fetchLetterSettings(), fetchLetterSample(), currentSession()]);
    this.manager = session.ok && session.data.actor.role === "manager";
    this.sample = sample;
    if (settings) {
      this.saved = settings;
      const { version: _v, ...draft } = settings;
      this.draft = draft;
    }
  }

  private edit<K extends keyof LetterSettings>(field: K, value: LetterSettings[K]): void {
    if (this.draft) this.draft = { ...this.draft, [field]: value };
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.draft || !this.saved) return;
    // the hook's address is sent only by the manager, the one who sees it
    const { hookUrl, ...rest } = this.draft;
    const changes = this.manager ? { ...rest, hookUrl } : rest;
    const ack = await this.send({ type: "letters.settings", version: this.saved.version, changes }, "letters.settings.saved");
    if (ack.ok) {
      this.message = "";
      await this.load();
    } else {
      this.message = errorText(this.language, ack.error);
    }
  }

  private preview(field: TemplateField, lang: Language, kind: "letter" | "text") {
    const values = this.sample?.values[lang];
    if (!values || !this.draft) return html`<p class="note">${t(this.language, "letters.settings.previewNone")}</p>`;
    const filled = fillTemplate(this.draft[field], values);
    return html`<div class="preview">${kind === "text" ? textMessageOf(filled) : filled}</div>`;
  }

  private templateBox([field, lang, kind]: (typeof TEMPLATES)[number]) {
    const d = this.draft!;
    const unknown = unknownPlaceholders(d[field]);
    return html`<div>
      <label
        >${t(this.language, `letters.field.${field}` as MessageKey)}
        <textarea
          name=${field}
          rows=${kind === "letter" ? 18 : 4}
          ?readonly=${!this.manager}
          aria-invalid=${unknown.length > 0 ? "true" : "false"}
          .value=${d[field]}
          @input=${(e: Event) => this.edit(field, (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </label>
      ${unknown.length > 0 ? html`<p class="error" role="alert">${t(this.language, "letters.settings.unknown", { names: unknown.map((n) => `{${n}}`).join(" ") })}</p>` : nothing}
      <h3>${t(this.language, "letters.settings.preview", { plate: this.sample?.entry.vehicle.plate ?? "—" })}</h3>
      ${this.preview(field, lang, kind)}
    </div>`;
  }

  override render() {
    const lang = this.language;
    const d = this.draft;
    if (!d) return nothing;
    const bad = TEMPLATES.some(([f]) => unknownPlaceholders(d[f]).length > 0);
    return html`<form @submit=${(e: Event) => void this.save(e)}>
      ${this.manager ? nothing : html`<p class="note">${t(lang, "letters.settings.managerOnly")}</p>`}
      ${TEXT_FIELDS.map(
        (f) => html`<label>${t(lang, `letters.field.${f}`)}<input name=${f} .value=${d[f]} ?readonly=${!this.manager} @input=${(e: Event) => this.edit(f, (e.target as HTMLInputElement).value)} /></label>`,
      )}
      ${NUMBER_FIELDS.map(
        (f) => html`<label>${t(lang, `letters.field.${f}`)}<input name=${f} type="number" .value=${String(d[f])} ?readonly=${!this.manager} @input=${(e: Event) => this.edit(f, Number((e.target as HTMLInputElement).value))} /></label>`,
      )}
      ${this.manager
        ? html`<label>${t(lang, "letters.field.hookUrl")}<input name="hookUrl" type="url" size="40" .value=${d.hookUrl} @input=${(e: Event) => this.edit("hookUrl", (e.target as HTMLInputElement).value)} /></label>
            <p class="note">${t(lang, "letters.settings.hookNote")}</p>`
        : nothing}
      <p class="note">${t(lang, "letters.settings.placeholders", { names: PLACEHOLDERS.map((p) => `{${p}}`).join(" ") })}</p>
      <div class="templates">${TEMPLATES.map((tpl) => this.templateBox(tpl))}</div>
      ${this.manager ? html`<button type="submit" ?disabled=${bad}>${t(lang, "letters.settings.save")}</button>` : nothing}
      ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
    </form>`;
  }
}

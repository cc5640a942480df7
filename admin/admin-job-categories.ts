import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { BAY_KINDS, type BayKind } from "../shared/schemas/bay.js";
import { JobCategoryListSchema, type JobCategory } from "../shared/schemas/job-category.js";
import type { Settings } from "../shared/schemas/settings.js";
import type { Language } from "../shared/schemas/common.js";
import { t } from "../shared/i18n/messages.js";
import { errorText, fieldLabel } from "../shared/i18n/errors.js";
import { formText } from "../login/form-text.js";
import { fieldProblems, type FieldProblem } from "./field-problems.js";
import { formStyles } from "./admin-form-styles.js";
import type { SendCommand } from "./staff-api.js";

declare global {
  interface HTMLElementTagNameMap {
    "admin-job-categories": AdminJobCategories;
  }
}

/**
 * The manager's list of job categories (作业类别): a code the cards keep, the names in zh-CN and
 * en, and the bay kinds that suit it. Saved as one settings change, so every screen follows at once.
 * Removing a category leaves its cards as they are; they read 未分类 until given another.
 */
@customElement("admin-job-categories")
export class AdminJobCategories extends LitElement {
  @property({ attribute: false }) settings!: Settings;
  @property({ type: Number }) settingsVersion = 0;
  @property() language: Language = "zh-CN";
  @property({ attribute: false }) send!: SendCommand;
  @state() private problems = new Map<string, FieldProblem>();
  @state() private serverError = "";
  /** Rows taken off but not yet saved. */
  @state() private removed = new Set<string>();

  static override styles = [
    formStyles,
    css`
      :host {
        display: block;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4em;
        align-items: end;
        border-bottom: 1px solid var(--mb-line);
        padding: 0.3em 0;
      }
      fieldset {
        display: flex;
        gap: 0.3em;
        border: none;
        padding: 0;
        margin: 0;
      }
      input.code {
        width: 9em;
      }
    `,
  ];

  private row(c: JobCategory | null, i: number) {
    const lang = this.language;
    const p = `c${i}`;
    return html`<div class="row" data-code=${c?.code ?? "new"}>
      <label>${t(lang, "reception.field.code")}<input class="code" name="${p}-code" .value=${c?.code ?? ""} ?readonly=${c !== null} /></label>
      <label>${t(lang, "reception.field.nameZh")}<input name="${p}-nameZh" .value=${c?.nameZh ?? ""} /></label>
      <label>${t(lang, "reception.field.nameEn")}<input name="${p}-nameEn" .value=${c?.nameEn ?? ""} /></label>
      <fieldset>
        <legend>${t(lang, "reception.field.bayKinds")}</legend>
        ${BAY_KINDS.map((k) => html`<label class="inline"><input type="checkbox" name="${p}-bay-${k}" .checked=${c?.bayKinds.includes(k) ?? false} />${t(lang, `admin.bayKind.${k}`)}</label>`)}
      </fieldset>
      ${c ? html`<button type="button" @click=${() => (this.removed = new Set([...this.removed, c.code]))}>${t(lang, "reception.categories.remove")}</button>` : nothing}
    </div>`;
  }

  private readonly save = async (e: Event): Promise<void> => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const kept = this.settings.jobCategories.filter((c) => !this.removed.has(c.code));
    const read = (i: number) => ({
      code: formText(form, `c${i}-code`),
      nameZh: formText(form, `c${i}-nameZh`),
      nameEn: formText(form, `c${i}-nameEn`),
      bayKinds: BAY_KINDS.filter((k: BayKind) => (form.elements.namedItem(`c${i}-bay-${k}`) as HTMLInputElement | null)?.checked),
    });
    const list = kept.map((_, i) => read(i));
    const added = read(kept.length);
    if (added.code !== "" || added.nameZh !== "" || added.nameEn !== "") list.push(added);
    const parsed = JobCategoryListSchema.safeParse(list);
    if (!parsed.success) {
      this.problems = fieldProblems(parsed.error);
      return;
    }
    this.problems = new Map();
    const ack = await this.send({ type: "settings.update", version: this.settingsVersion, changes: { jobCategories: parsed.data } }, "admin.toast.saved");
    this.serverError = ack.ok ? "" : errorText(this.language, ack.error);
    if (ack.ok) {
      this.removed = new Set();
      form.reset();
    }
  };

  override render() {
    const lang = this.language;
    const kept = this.settings.jobCategories.filter((c) => !this.removed.has(c.code));
    const problems = [...this.problems.values()];
    return html`<form data-form="job-categories" @submit=${this.save} novalidate>
      ${kept.map((c, i) => this.row(c, i))} ${this.row(null, kept.length)}
      <button type="submit">${t(lang, "admin.master.save")}</button>
      ${problems.length > 0 || this.serverError
        ? html`<div class="error" role="alert">
            ${problems.map((p) => html`<div>${fieldLabel(lang, p.field)}: ${t(lang, p.key, p.params)}</div>`)}${this.serverError ? html`<div>${this.serverError}</div>` : nothing}
          </div>`
        : nothing}
    </form>`;
  }
}

import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Language } from "../shared/schemas/common.js";
import { t, type MessageKey } from "../shared/i18n/messages.js";
import { formStyles } from "../login/form-styles.js";
import { formText } from "../login/form-text.js";
import { signInDirector, type GroupDirector } from "./group-api.js";

declare global {
  interface HTMLElementTagNameMap {
    "group-login": GroupLogin;
  }
  interface HTMLElementEventMap {
    "director-signed-in": CustomEvent<GroupDirector>;
  }
}

type Field = "username" | "password";

/**
 * The group director's sign-in (POST /group/api/auth/login): a group account, not a store's, so
 * not the stores' staff form. Each problem is said under the field it is about, and the field is
 * marked invalid and described by it; a refusal that cannot tell which field was wrong names both.
 */
@customElement("group-login")
export class GroupLogin extends LitElement {
  @property() language: Language = "zh-CN";
  @state() private problems: Partial<Record<Field, MessageKey>> = {};
  @state() private refusal: { key: MessageKey; seconds?: number } | null = null;
  @state() private busy = false;

  static override styles = [
    formStyles,
    css`
      :host {
        margin-top: 8vh;
        background: var(--mb-surface);
        border: 1px solid var(--mb-line);
        border-radius: 0.8rem;
      }
      .field {
        margin-bottom: 1rem;
      }
      .field label {
        margin-bottom: 0;
      }
      .field-error {
        margin: 0.3rem 0 0;
      }
      input[aria-invalid="true"] {
        border-color: var(--mb-late);
        border-width: 2px;
      }
      button {
        background: #0b5394;
        color: #ffffff;
      }
    `,
  ];

  override render() {
    const l = this.language;
    return html`<form novalidate @submit=${this.submit}>
      <h1>${t(l, "group.login.title")}</h1>
      ${this.field("username", t(l, "login.username"), "text", "username")} ${this.field("password", t(l, "login.password"), "password", "current-password")}
      ${this.refusal ? html`<p class="error" role="alert">${t(l, this.refusal.key, { seconds: this.refusal.seconds ?? 60 })}</p>` : nothing}
      <button type="submit" ?disabled=${this.busy}>${t(l, "login.submit")}</button>
    </form>`;
  }

  private field(name: Field, label: string, type: string, autocomplete: string) {
    const problem = this.problems[name];
    const invalid = problem !== undefined || this.refusal?.key === "group.login.wrong";
    // the problem stays outside the label, so the field's name is its label alone and the problem its description
    return html`<div class="field">
      <label
        >${label}<input
          name=${name}
          type=${type}
          autocomplete=${autocomplete}
          autocapitalize="none"
          maxlength=${name === "password" ? 200 : 64}
          aria-invalid=${invalid ? "true" : "false"}
          aria-describedby=${problem ? `${name}-error` : nothing}
      /></label>
      ${problem ? html`<p class="error field-error" id="${name}-error" role="alert">${t(this.language, problem)}</p>` : nothing}
    </div>`;
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const username = formText(form, "username").trim();
    const password = formText(form, "password");
    this.refusal = null;
    this.problems = {
      ...(username ? {} : { username: "group.login.usernameMissing" as const }),
      ...(password ? {} : { password: "group.login.passwordMissing" as const }),
    };
    if (!username || !password) {
      this.renderRoot.querySelector<HTMLInputElement>(`input[name="${username ? "password" : "username"}"]`)?.focus();
      return;
    }
    this.busy = true;
    const res = await signInDirector(username, password);
    this.busy = false;
    if (res.ok) {
      this.dispatchEvent(new CustomEvent("director-signed-in", { detail: res.data, bubbles: true, composed: true }));
      return;
    }
    if (res.status === 429) this.refusal = { key: "login.limited", seconds: res.retryAfter ?? 60 };
    else if (res.status === 401 || res.status === 400) this.refusal = { key: "group.login.wrong" };
    else this.refusal = { key: "login.failed" };
  }
}

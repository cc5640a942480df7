import { LitElement, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Language } from "../shared/schemas/common.js";
import { t } from "../shared/i18n/messages.js";
import { errorText } from "../shared/i18n/errors.js";
import { changePassword } from "./staff-api.js";
import { formStyles } from "./form-styles.js";
import { formText } from "./form-text.js";

declare global {
  interface HTMLElementTagNameMap {
    "staff-password": StaffPassword;
  }
  interface HTMLElementEventMap {
    "password-changed": CustomEvent<void>;
  }
}

/** Replacing a one-time password (POST /api/auth/password): until then the account may do nothing else. */
@customElement("staff-password")
export class StaffPassword extends LitElement {
  @property() language: Language = "zh-CN";
  @state() private error = "";

  static override styles = formStyles;

  override render() {
    const l = this.language;
    return html`<form @submit=${this.submit}>
      <h1>${t(l, "password.title")}</h1>
      <p class="hint">${t(l, "password.hint")}</p>
      <label>${t(l, "password.current")}<input name="current" type="password" autocomplete="current-password" required maxlength="200" /></label>
      <label>${t(l, "password.new")}<input name="next" type="password" autocomplete="new-password" required minlength="10" maxlength="200" /></label>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <button type="submit">${t(l, "password.submit")}</button>
    </form>`;
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const res = await changePassword(formText(form, "current"), formText(form, "next"));
    if (res.ok) {
      this.dispatchEvent(new CustomEvent("password-changed", { bubbles: true, composed: true }));
      return;
    }
    this.error = res.error ? errorText(this.language, res.error) : t(this.language, "login.failed");
  }
}

import { LitElement, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Language } from "../shared/schemas/common.js";
import { t } from "../shared/i18n/messages.js";
import { signIn } from "./staff-api.js";
import { formStyles } from "./form-styles.js";
import { formText } from "./form-text.js";
import { groupPageUrl, sitePrefix } from "../display/site-path.js";

declare global {
  interface HTMLElementTagNameMap {
    "staff-login": StaffLogin;
  }
  interface HTMLElementEventMap {
    "signed-in": CustomEvent<{ mustChangePassword: boolean }>;
  }
}

/**
 * The staff sign-in form, shared by the staff pages (advisor, admin) (POST /api/auth/login); fires
 * `signed-in` once the session cookie is set. A group's store (under /s/<slug>/) also points the
 * group's director, whose account is not the store's, to the group's own sign-in.
 */
@customElement("staff-login")
export class StaffLogin extends LitElement {
  @property() language: Language = "zh-CN";
  @state() private error = "";
  @state() private busy = false;

  static override styles = formStyles;

  override render() {
    const l = this.language;
    return html`<form @submit=${this.submit}>
      <h1>${t(l, "login.title")}</h1>
      <label>${t(l, "login.username")}<input name="username" autocomplete="username" autocapitalize="none" required maxlength="64" /></label>
      <label>${t(l, "login.password")}<input name="password" type="password" autocomplete="current-password" required maxlength="200" /></label>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <button type="submit" ?disabled=${this.busy}>${t(l, "login.submit")}</button>
      ${sitePrefix() ? html`<p class="hint"><a href=${groupPageUrl()} data-link="group">${t(l, "login.groupAccount")}</a></p>` : nothing}
    </form>`;
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    this.busy = true;
    const res = await signIn(formText(form, "username"), formText(form, "password"));
    this.busy = false;
    if (res.ok) {
      this.error = "";
      this.dispatchEvent(new CustomEvent("signed-in", { detail: { mustChangePassword: res.data.mustChangePassword }, bubbles: true, composed: true }));
      return;
    }
    if (res.status === 401 && res.error?.field === "cookie") this.error = t(this.language, "login.cookies");
    else if (res.status === 429) this.error = t(this.language, "login.limited", { seconds: res.retryAfter ?? 60 });
    else if (res.status === 401 || res.status === 400) this.error = t(this.language, "login.wrong");
    else this.error = t(this.language, "login.failed");
  }
}

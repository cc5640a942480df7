import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { ACCOUNT_ROLES, TokenInputSchema, type AccountRole, type ApiToken } from "../shared/schemas/access.js";
import type { Advisor } from "../shared/schemas/advisor.js";
import type { Language } from "../shared/schemas/common.js";
import { t, type MessageKey, type MessageParams } from "../shared/i18n/messages.js";
import { errorText } from "../shared/i18n/errors.js";
import type { ApiResult } from "../login/staff-api.js";
import { formText } from "../login/form-text.js";
import { createToken, listTokens, revokeToken } from "./access-api.js";
import { fieldProblems, type FieldProblem } from "./field-problems.js";
import { formStyles } from "./admin-form-styles.js";
import { consoleTableStyles, problemAlert, siteTime } from "./console-table.js";
import "./admin-secret-once.js";

declare global {
  interface HTMLElementTagNameMap {
    "admin-tokens": AdminTokens;
  }
}

/**
 * API tokens for other systems: each acts with one role; its secret is shown once (the server keeps
 * a digest), the list says when each was last used, and revoking one cuts its connections at once.
 */
@customElement("admin-tokens")
export class AdminTokens extends LitElement {
  @property({ attribute: false }) advisors: Advisor[] = [];
  @property() language: Language = "zh-CN";
  @property() timeZone = "Asia/Shanghai";

  @state() private tokens: ApiToken[] = [];
  @state() private loadFailed = false;
  @state() private newRole: AccountRole = "desk";
  @state() private problems = new Map<string, FieldProblem>();
  @state() private serverError = "";
  @state() private created: { name: string; secret: string } | null = null;
  @state() private confirming: number | null = null;

  static override styles = [
    formStyles,
    consoleTableStyles,
    css`
      :host {
        display: block;
      }
      .revoked {
        color: var(--mb-late);
        font-weight: 600;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private msg(key: MessageKey, params?: MessageParams): string {
    return t(this.language, key, params);
  }

  private async load(): Promise<void> {
    const res = await listTokens();
    this.loadFailed = !res.ok;
    if (res.ok) this.tokens = res.data;
  }

  private refusal(res: ApiResult<unknown>): string {
    if (res.ok) return "";
    return res.error ? errorText(this.language, res.error) : this.msg("admin.tokens.loadFailed");
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const role = formText(form, "role");
    const advisorText = formText(form, "advisorId");
    const parsed = TokenInputSchema.safeParse({ name: formText(form, "name"), role, advisorId: role === "advisor" && advisorText ? Number(advisorText) : null });
    if (!parsed.success) {
      this.problems = fieldProblems(parsed.error);
      return;
    }
    this.problems = new Map();
    const res = await createToken(parsed.data);
    this.serverError = this.refusal(res);
    if (!res.ok) return;
    this.created = { name: parsed.data.name, secret: res.data.secret };
    form.reset();
    this.newRole = "desk";
    await this.load();
  }

  private async revoke(tk: ApiToken): Promise<void> {
    this.confirming = null;
    const res = await revokeToken(tk);
    this.serverError = this.refusal(res);
    await this.load();
  }

  private actions(tk: ApiToken) {
    if (tk.revoked) return nothing;
    if (this.confirming === tk.id) {
      return html`<div role="alertdialog" aria-label=${this.msg("admin.tokens.revoke")}>
        <p>${this.msg("admin.tokens.revokeConfirm", { name: tk.name })}</p>
        <button type="button" data-action="revoke-yes" @click=${() => void this.revoke(tk)}>${this.msg("admin.tokens.revokeYes")}</button>
        <button type="button" data-action="revoke-no" @click=${() => (this.confirming = null)}>${this.msg("admin.tokens.cancel")}</button>
      </div>`;
    }
    return html`<button type="button" data-action="revoke" @click=${() => (this.confirming = tk.id)}>${this.msg("admin.tokens.revoke")}</button>`;
  }

  private row(tk: ApiToken) {
    const advisor = tk.advisorId === null ? "" : ` · ${this.advisors.find((v) => v.id === tk.advisorId)?.name ?? `#${tk.advisorId}`}`;
    return html`<tr data-token=${tk.id}>
      <td>${tk.name}</td>
      <td>${this.msg(`admin.role.${tk.role}`)}${advisor}</td>
      <td>${siteTime(tk.createdAt, this.timeZone)}</td>
      <td>${tk.createdBy}</td>
      <td data-cell="lastUsed">${tk.lastUsedAt ? siteTime(tk.lastUsedAt, this.timeZone) : this.msg("admin.tokens.never")}</td>
      <td data-cell="status">${tk.revoked ? html`<span class="revoked">${this.msg("admin.tokens.revoked")}</span>` : this.msg("admin.tokens.live")}</td>
      <td>${this.actions(tk)}</td>
    </tr>`;
  }

  private createForm() {
    const lang = this.language;
    return html`<form data-form="token-new" @submit=${this.create} novalidate>
      <label>${this.msg("admin.tokens.name")}<input name="name" /></label>
      <label>${this.msg("admin.tokens.role")}
        <select name="role" @change=${(e: Event) => (this.newRole = (e.target as HTMLSelectElement).value as AccountRole)}>
          ${ACCOUNT_ROLES.map((r) => html`<option value=${r} ?selected=${r === this.newRole}>${this.msg(`admin.role.${r}`)}</option>`)}
        </select>
      </label>
      ${this.newRole === "advisor"
        ? html`<label>${this.msg("admin.tokens.advisor")}<select name="advisorId">${this.advisors.map((v) => html`<option value=${v.id}>${v.name}</option>`)}</select></label>`
        : nothing}
      <button type="submit">${this.msg("admin.tokens.createButton")}</button>
      ${problemAlert(lang, this.problems)}
    </form>`;
  }

  override render() {
    const heads: MessageKey[] = [
      "admin.tokens.name",
      "admin.tokens.role",
      "admin.tokens.createdAt",
      "admin.tokens.createdBy",
      "admin.tokens.lastUsed",
      "admin.tokens.status",
      "admin.displays.actions",
    ];
    const c = this.created;
    return html`<p class="note">${this.msg("admin.tokens.note")}</p>
      ${this.loadFailed ? html`<p class="error" role="alert">${this.msg("admin.tokens.loadFailed")}</p>` : nothing}
      ${this.serverError ? html`<p class="error" role="alert">${this.serverError}</p>` : nothing}
      ${c
        ? html`<admin-secret-once
            heading=${this.msg("admin.tokens.secret", { name: c.name })}
            note=${this.msg("admin.tokens.secretOnce")}
            label=${this.msg("admin.tokens.secret", { name: c.name })}
            .value=${c.secret}
            copyLabel=${this.msg("admin.tokens.copy")}
            copiedText=${this.msg("admin.people.copied")}
            copyFailedText=${this.msg("admin.people.copyFailed")}
            doneLabel=${this.msg("admin.tokens.done")}
            @admin-secret-done=${() => (this.created = null)}
          ></admin-secret-once>`
        : nothing}
      ${this.tokens.length === 0
        ? html`<p>${this.msg("admin.tokens.none")}</p>`
        : html`<table>
            <thead><tr>${heads.map((k) => html`<th>${this.msg(k)}</th>`)}</tr></thead>
            <tbody>${this.tokens.map((tk) => this.row(tk))}</tbody>
          </table>`}
      <h3>${this.msg("admin.tokens.create")}</h3>
      ${this.createForm()}`;
  }
}

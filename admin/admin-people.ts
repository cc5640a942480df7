import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { ACCOUNT_ROLES, AccountInputSchema, type AccountListing, type AccountRole } from "../shared/schemas/access.js";
import type { Advisor } from "../shared/schemas/advisor.js";
import type { Language } from "../shared/schemas/common.js";
import { isLastActiveManager } from "../shared/rules/accounts.js";
import { t, type MessageKey, type MessageParams } from "../shared/i18n/messages.js";
import { errorText } from "../shared/i18n/errors.js";
import type { ApiResult } from "../login/staff-api.js";
import { formText } from "../login/form-text.js";
import { createAccount, listAccounts, oneTimePassword, resetPassword, updateAccount } from "./access-api.js";
import { fieldProblems, type FieldProblem } from "./field-problems.js";
import { formStyles } from "./admin-form-styles.js";
import { consoleTableStyles, problemAlert, siteTime } from "./console-table.js";
import { pageUrl } from "../display/site-path.js";
import "./admin-secret-once.js";

declare global {
  interface HTMLElementTagNameMap {
    "admin-people": AdminPeople;
  }
}

/** A password just set, shown once with its slip. */
interface Issued {
  displayName: string;
  username: string;
  password: string;
  heading: MessageKey;
  role: AccountRole;
}

/** The page an account signs in at, printed on its slip: the advisor's phone page, else the editor. */
const signInPage = (role: AccountRole) => pageUrl(role === "advisor" ? "advisor" : "admin");

type Confirming = { id: number; kind: "disable" | "reset" } | null;

/**
 * The manager's people: every account with role, linked advisor, state and last sign-in; creating
 * one or resetting a password sets a one-time password made here, shown once with a copy button
 * and a printable slip. The last active manager cannot be demoted or disabled, and the row says why.
 */
@customElement("admin-people")
export class AdminPeople extends LitElement {
  @property({ attribute: false }) advisors: Advisor[] = [];
  @property() language: Language = "zh-CN";
  @property() timeZone = "Asia/Shanghai";
  @property() siteName = "";
  /** The signed-in manager's own account, marked in the list. */
  @property({ type: Number }) me: number | null = null;
  /** An advisor to create a phone account for, when the console was opened from the advisor's form. */
  @property({ type: Number }) forAdvisor: number | null = null;
  /** While printing, only the slip is printed. */
  @property({ reflect: true }) printing: "slip" | "" = "";

  @state() private accounts: AccountListing[] = [];
  @state() private loadFailed = false;
  @state() private drafts = new Map<number, { role: AccountRole; advisorId: number | null }>();
  @state() private newRole: AccountRole = "desk";
  @state() private newAdvisor: number | null = null;
  @state() private newName = "";
  @state() private problems = new Map<string, FieldProblem>();
  @state() private serverError = "";
  @state() private issued: Issued | null = null;
  @state() private confirming: Confirming = null;

  static override styles = [
    formStyles,
    consoleTableStyles,
    css`
      :host {
        display: block;
      }
      .why {
        color: var(--mb-text-muted);
        font-size: 0.85em;
        max-width: 22em;
      }
      .off {
        color: var(--mb-late);
        font-weight: 600;
      }
      .slip {
        display: none;
      }
      @media print {
        :host([printing="slip"]) > :not(.slip) {
          display: none;
        }
        :host([printing="slip"]) .slip {
          display: block;
          border: 1px dashed black;
          padding: 1em;
          width: 12cm;
          color: black;
        }
        .slip dd {
          font-family: monospace;
          font-size: 1.4em;
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has("forAdvisor") && this.forAdvisor !== null) this.prefillFor(this.forAdvisor);
  }

  private msg(key: MessageKey, params?: MessageParams): string {
    return t(this.language, key, params);
  }

  private async load(): Promise<void> {
    const res = await listAccounts();
    this.loadFailed = !res.ok;
    if (res.ok) {
      this.accounts = res.data;
      this.drafts = new Map();
    }
  }

  private refusal(res: ApiResult<unknown>): string {
    if (res.ok) return "";
    return res.error ? errorText(this.language, res.error) : this.msg("admin.people.loadFailed");
  }

  private prefillFor(advisorId: number): void {
    const advisor = this.advisors.find((a) => a.id === advisorId);
    this.newRole = "advisor";
    this.newAdvisor = advisorId;
    this.newName = advisor?.name ?? "";
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>("form[data-form='account-new'] input[name='username']")?.focus());
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const role = formText(form, "role");
    const advisorText = formText(form, "advisorId");
    const input = {
      username: formText(form, "username"),
      displayName: formText(form, "displayName"),
      role,
      password: oneTimePassword(),
      advisorId: role === "advisor" && advisorText ? Number(advisorText) : null,
    };
    const parsed = AccountInputSchema.safeParse(input);
    if (!parsed.success) {
      this.problems = fieldProblems(parsed.error);
      return;
    }
    this.problems = new Map();
    const res = await createAccount(parsed.data);
    this.serverError = this.refusal(res);
    if (!res.ok) return;
    this.issued = { displayName: parsed.data.displayName, username: parsed.data.username, password: parsed.data.password, heading: "admin.people.created", role: parsed.data.role };
    form.reset();
    this.newName = "";
    this.newRole = "desk";
    this.newAdvisor = null;
    this.dispatchEvent(new CustomEvent("admin-accounts-changed", { bubbles: true, composed: true }));
    await this.load();
  }

  private draftOf(a: AccountListing) {
    return this.drafts.get(a.id) ?? { role: a.role, advisorId: a.advisorId };
  }

  private setDraft(a: AccountListing, change: Partial<{ role: AccountRole; advisorId: number | null }>): void {
    const next = { ...this.draftOf(a), ...change };
    if (next.role === "advisor" && next.advisorId === null) next.advisorId = this.advisors[0]?.id ?? null;
    this.drafts = new Map(this.drafts).set(a.id, next);
  }

  private async saveRole(a: AccountListing): Promise<void> {
    const d = this.draftOf(a);
    const res = await updateAccount(a, { role: d.role, advisorId: d.role === "advisor" ? d.advisorId : null });
    this.serverError = this.refusal(res);
    await this.load();
  }

  private async setActive(a: AccountListing, active: boolean): Promise<void> {
    this.confirming = null;
    const res = await updateAccount(a, { active });
    this.serverError = this.refusal(res);
    await this.load();
  }

  private async reset(a: AccountListing): Promise<void> {
    this.confirming = null;
    const password = oneTimePassword();
    const res = await resetPassword(a, password);
    this.serverError = this.refusal(res);
    if (res.ok) this.issued = { displayName: a.displayName, username: a.username, password, heading: "admin.people.resetDone", role: a.role };
    await this.load();
  }

  private async printSlip(): Promise<void> {
    this.printing = "slip";
    await this.updateComplete;
    window.print();
    this.printing = "";
  }

  private roleOptions(selected: AccountRole) {
    return ACCOUNT_ROLES.map((r) => html`<option value=${r} ?selected=${r === selected}>${this.msg(`admin.role.${r}`)}</option>`);
  }

  private advisorOptions(selected: number | null) {
    return html`<option value="" ?selected=${selected === null}>${this.msg("admin.people.noAdvisor")}</option>
      ${this.advisors.map((v) => html`<option value=${v.id} ?selected=${v.id === selected}>${v.name}</option>`)}`;
  }

  private confirmBox(a: AccountListing) {
    const c = this.confirming;
    if (!c || c.id !== a.id) return nothing;
    const yes = c.kind === "disable" ? () => void this.setActive(a, false) : () => void this.reset(a);
    const label = this.msg(c.kind === "disable" ? "admin.people.disable" : "admin.people.reset");
    return html`<div role="alertdialog" aria-label=${label}>
      <button type="button" data-action="confirm-yes" @click=${yes}>${label} · ${a.displayName}</button>
      <button type="button" data-action="confirm-no" @click=${() => (this.confirming = null)}>${this.msg("admin.tokens.cancel")}</button>
    </div>`;
  }

  private row(a: AccountListing) {
    const last = isLastActiveManager(this.accounts, a);
    const d = this.draftOf(a);
    const dirty = d.role !== a.role || (d.role === "advisor" && d.advisorId !== a.advisorId);
    const whyId = `why-${a.id}`;
    const described = last ? whyId : undefined;
    return html`<tr data-account=${a.id}>
      <td>${a.displayName}${a.id === this.me ? this.msg("admin.people.you") : ""}</td>
      <td data-cell="username">${a.username}</td>
      <td>
        <select name="role" aria-label=${this.msg("admin.people.role")} aria-describedby=${described ?? nothing} ?disabled=${last}
          @change=${(e: Event) => this.setDraft(a, { role: (e.target as HTMLSelectElement).value as AccountRole })}>${this.roleOptions(d.role)}</select>
        ${d.role === "advisor"
          ? html`<select name="advisorId" aria-label=${this.msg("admin.people.advisor")}
              @change=${(e: Event) => this.setDraft(a, { advisorId: Number((e.target as HTMLSelectElement).value) || null })}>${this.advisorOptions(d.advisorId)}</select>`
          : nothing}
        ${dirty ? html`<button type="button" data-action="save" @click=${() => void this.saveRole(a)}>${this.msg("admin.people.save")}</button>` : nothing}
        ${last ? html`<div class="why" id=${whyId} data-cell="why">${this.msg("admin.people.lastManager")}</div>` : nothing}
      </td>
      <td data-cell="advisor">${a.advisorId === null ? "—" : (this.advisors.find((v) => v.id === a.advisorId)?.name ?? `#${a.advisorId}`)}</td>
      <td data-cell="state">
        ${a.active ? this.msg("admin.people.active") : html`<span class="off">${this.msg("admin.people.disabled")}</span>`}
        ${a.active && a.mustChangePassword ? html`<div class="why">${this.msg("admin.people.mustChange")}</div>` : nothing}
      </td>
      <td data-cell="lastSignIn">${a.lastSignInAt ? siteTime(a.lastSignInAt, this.timeZone) : this.msg("admin.people.never")}</td>
      <td>
        ${a.active
          ? html`<button type="button" data-action="disable" aria-describedby=${described ?? nothing} ?disabled=${last} @click=${() => (this.confirming = { id: a.id, kind: "disable" })}>${this.msg("admin.people.disable")}</button>`
          : html`<button type="button" data-action="enable" @click=${() => void this.setActive(a, true)}>${this.msg("admin.people.enable")}</button>`}
        <button type="button" data-action="reset" @click=${() => (this.confirming = { id: a.id, kind: "reset" })}>${this.msg("admin.people.reset")}</button>
        ${this.confirmBox(a)}
      </td>
    </tr>`;
  }

  private createForm() {
    const lang = this.language;
    return html`<form data-form="account-new" @submit=${this.create} novalidate>
      <label>${this.msg("admin.people.displayName")}<input name="displayName" .value=${this.newName} /></label>
      <label>${this.msg("admin.people.username")}<input name="username" autocomplete="off" /></label>
      <label>${this.msg("admin.people.role")}
        <select name="role" @change=${(e: Event) => (this.newRole = (e.target as HTMLSelectElement).value as AccountRole)}>${this.roleOptions(this.newRole)}</select>
      </label>
      ${this.newRole === "advisor"
        ? html`<label>${this.msg("admin.people.advisor")}<select name="advisorId">${this.advisorOptions(this.newAdvisor)}</select></label>`
        : nothing}
      <button type="submit">${this.msg("admin.people.createButton")}</button>
      ${problemAlert(lang, this.problems)}
    </form>`;
  }

  private issuedBox() {
    const i = this.issued;
    if (!i) return nothing;
    return html`<admin-secret-once
        heading=${this.msg(i.heading, { name: i.displayName })}
        note=${this.msg("admin.people.passwordOnce")}
        label=${`${this.msg("admin.people.password")} · ${i.username}`}
        .value=${i.password}
        copyLabel=${this.msg("admin.people.copy")}
        copiedText=${this.msg("admin.people.copied")}
        copyFailedText=${this.msg("admin.people.copyFailed")}
        doneLabel=${this.msg("admin.people.done")}
        @admin-secret-done=${() => (this.issued = null)}
        ><button type="button" data-action="print" @click=${() => void this.printSlip()}>${this.msg("admin.people.print")}</button></admin-secret-once
      >
      <div class="slip" aria-hidden="true">
        <h3>${this.msg("admin.people.slipTitle", { site: this.siteName })}</h3>
        <dl>
          <dt>${this.msg("admin.people.displayName")}</dt><dd>${i.displayName}</dd>
          <dt>${this.msg("admin.people.username")}</dt><dd>${i.username}</dd>
          <dt>${this.msg("admin.people.password")}</dt><dd>${i.password}</dd>
          <dt>${this.msg("admin.people.slipAddress")}</dt><dd>${location.origin}${signInPage(i.role)}</dd>
        </dl>
        <p>${this.msg("admin.people.slipHint")}</p>
      </div>`;
  }

  /** The board's rows without a phone account: the other side of the advisor ↔ account link. */
  private withoutAccount() {
    const linked = new Set(this.accounts.filter((a) => a.role === "advisor" && a.active).map((a) => a.advisorId));
    const missing = this.advisors.filter((v) => v.active && !linked.has(v.id));
    if (missing.length === 0) return nothing;
    return html`<h3>${this.msg("admin.people.withoutAccount")}</h3>
      <p class="chips">
        ${missing.map((v) => html`<button type="button" data-advisor=${v.id} @click=${() => this.prefillFor(v.id)}>＋ ${this.msg("admin.people.createFor", { name: v.name })}</button>`)}
      </p>`;
  }

  override render() {
    const heads: MessageKey[] = [
      "admin.people.displayName",
      "admin.people.username",
      "admin.people.role",
      "admin.people.advisor",
      "admin.people.state",
      "admin.people.lastSignIn",
      "admin.people.actions",
    ];
    return html`<p class="note">${this.msg("admin.people.note")}</p>
      ${this.loadFailed ? html`<p class="error" role="alert">${this.msg("admin.people.loadFailed")}</p>` : nothing}
      ${this.serverError ? html`<p class="error" role="alert">${this.serverError}</p>` : nothing}
      ${this.issuedBox()}
      <table>
        <thead><tr>${heads.map((k) => html`<th>${this.msg(k)}</th>`)}</tr></thead>
        <tbody>${this.accounts.map((a) => this.row(a))}</tbody>
      </table>
      ${this.withoutAccount()}
      <h3>${this.msg("admin.people.create")}</h3>
      ${this.createForm()}`;
  }
}

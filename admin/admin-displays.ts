import { LitElement, css, html, nothing } from "lit";
import { formStyles } from "./admin-form-styles.js";
import { customElement, property, state } from "lit/decorators.js";
import { DISPLAY_LAYOUTS, DISPLAY_VISIBILITIES, DisplayInputSchema, type DisplayStatus } from "../shared/schemas/access.js";
import type { Advisor } from "../shared/schemas/advisor.js";
import type { Language } from "../shared/schemas/common.js";
import { localParts } from "../shared/rules/zoned-time.js";
import { t, type MessageKey, type MessageParams } from "../shared/i18n/messages.js";
import { errorText } from "../shared/i18n/errors.js";
import { currentSession, type ApiResult } from "../login/staff-api.js";
import { createDisplay, listDisplays, pairingUrl, revokeDisplay, updateDisplay } from "./display-api.js";
import { fieldProblems, type FieldProblem } from "./field-problems.js";
import { formText } from "../login/form-text.js";
import { consoleTableStyles, problemAlert } from "./console-table.js";

declare global {
  interface HTMLElementTagNameMap {
    "admin-displays": AdminDisplays;
  }
}

/** How often the status list is asked again while the panel is open. */
export const DISPLAY_REFRESH_MS = 10_000;

type Access = "checking" | "manager" | "denied";

/**
 * The manager's list of paired TVs: which are public and which staff-only, whether each is online
 * and what it shows; pairing a new one (its link is shown once, as the server keeps only a hash)
 * and revoking one, which cuts that TV off at once. Other roles get a short note and no requests.
 */
@customElement("admin-displays")
export class AdminDisplays extends LitElement {
  @property({ attribute: false }) advisors: Advisor[] = [];
  @property() language: Language = "zh-CN";
  @property() timeZone = "Asia/Shanghai";

  @state() private access: Access = "checking";
  @state() private displays: DisplayStatus[] = [];
  @state() private loadFailed = false;
  @state() private created: { name: string; url: string } | null = null;
  @state() private copyNote: MessageKey | null = null;
  @state() private confirming: number | null = null;
  @state() private problems = new Map<string, FieldProblem>();
  @state() private serverError = "";

  private timer: ReturnType<typeof setInterval> | undefined;

  static override styles = [
    formStyles,
    consoleTableStyles,
    css`
      :host {
        display: block;
      }
      .online {
        color: var(--mb-ok, green);
        font-weight: 600;
      }
      .revoked {
        color: var(--mb-late);
        font-weight: 600;
      }
      fieldset {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3em;
        border: none;
        padding: 0;
        margin: 0;
      }
      .created {
        border: 2px solid var(--mb-accent, #4f8cff);
        border-radius: 0.4em;
        padding: 0.6em 0.8em;
        margin: 0.6em 0;
      }
      .created input {
        width: 100%;
        box-sizing: border-box;
        font-family: monospace;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private msg(key: MessageKey, params?: MessageParams): string {
    return t(this.language, key, params);
  }

  /** The server refuses others anyway; asking first spares them a screen of errors and the timer. */
  private async start(): Promise<void> {
    const session = await currentSession();
    if (!this.isConnected) return;
    this.access = session.ok && session.data.actor.role === "manager" ? "manager" : "denied";
    if (this.access !== "manager") return;
    await this.load();
    clearInterval(this.timer);
    if (this.isConnected) this.timer = setInterval(() => void this.load(), DISPLAY_REFRESH_MS);
  }

  private async load(): Promise<void> {
    const res = await listDisplays();
    this.loadFailed = !res.ok;
    if (res.ok) this.displays = res.data;
  }

  private refusal(res: ApiResult<unknown>): string {
    if (res.ok) return "";
    return res.error ? errorText(this.language, res.error) : this.msg("admin.displays.loadFailed");
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const input = {
      name: formText(data, "name"),
      visibility: formText(data, "visibility"),
      language: formText(data, "language"),
      advisorIds: this.advisors.filter((a) => data.get(`advisor-${a.id}`) !== null).map((a) => a.id),
      layout: formText(data, "layout"),
      windowBefore: Number(formText(data, "windowBefore")),
      windowAfter: Number(formText(data, "windowAfter")),
    };
    const parsed = DisplayInputSchema.safeParse(input);
    if (!parsed.success) {
      this.problems = fieldProblems(parsed.error);
      return;
    }
    this.problems = new Map();
    const res = await createDisplay(parsed.data);
    this.serverError = this.refusal(res);
    if (!res.ok) return;
    this.created = { name: parsed.data.name, url: pairingUrl(location.origin, res.data.secret) };
    this.copyNote = null;
    form.reset();
    await this.load();
  }

  private async copy(): Promise<void> {
    if (!this.created) return;
    try {
      await navigator.clipboard.writeText(this.created.url);
      this.copyNote = "admin.displays.copied";
    } catch {
      this.copyNote = "admin.displays.copyFailed";
      this.renderRoot.querySelector<HTMLInputElement>(".created input")?.select();
    }
  }

  /** A choice made in a display's row (public or staff-only, its layout): sent as it is picked, the TV reconnecting to it. */
  private async setChoice<K extends "visibility" | "layout">(d: DisplayStatus, key: K, options: readonly DisplayStatus[K][], e: Event): Promise<void> {
    const value = (e.target as HTMLSelectElement).value;
    const choice = options.find((v) => v === value);
    if (!choice || choice === d[key]) return;
    const res = await updateDisplay(d, { [key]: choice });
    this.serverError = this.refusal(res);
    await this.load();
  }

  private async revoke(d: DisplayStatus): Promise<void> {
    this.confirming = null;
    const res = await revokeDisplay(d);
    this.serverError = this.refusal(res);
    await this.load();
  }

  private when(iso: string | null): string {
    if (!iso) return this.msg("admin.displays.never");
    const p = localParts(new Date(iso), this.timeZone);
    return `${p.date} ${p.time}`;
  }

  private advisorNames(ids: number[]): string {
    if (ids.length === 0) return this.msg("admin.displays.allAdvisors");
    return ids.map((id) => this.advisors.find((a) => a.id === id)?.name ?? `#${id}`).join("、");
  }

  private status(d: DisplayStatus) {
    if (d.revoked) return html`<span class="revoked">${this.msg("admin.displays.revoked")}</span>`;
    return d.online ? html`<span class="online">${this.msg("admin.displays.online")}</span>` : html`<span>${this.msg("admin.displays.offline")}</span>`;
  }

  private actions(d: DisplayStatus) {
    if (d.revoked) return nothing;
    if (this.confirming === d.id) {
      return html`<div role="alertdialog" aria-label=${this.msg("admin.displays.revoke")}>
        <p>${this.msg("admin.displays.revokeConfirm", { name: d.name })}</p>
        <button type="button" data-action="revoke-yes" @click=${() => void this.revoke(d)}>${this.msg("admin.displays.revokeYes")}</button>
        <button type="button" data-action="revoke-no" @click=${() => (this.confirming = null)}>${this.msg("admin.displays.cancel")}</button>
      </div>`;
    }
    return html`<button type="button" data-action="revoke" @click=${() => (this.confirming = d.id)}>${this.msg("admin.displays.revoke")}</button>`;
  }

  private row(d: DisplayStatus) {
    const visibility = d.revoked
      ? this.msg(`admin.displays.visibility.${d.visibility}`)
      : html`<select name="visibility" aria-label=${this.msg("admin.displays.visibility")} @change=${(e: Event) => void this.setChoice(d, "visibility", DISPLAY_VISIBILITIES, e)}>
          ${DISPLAY_VISIBILITIES.map((v) => html`<option value=${v} ?selected=${d.visibility === v}>${this.msg(`admin.displays.visibility.${v}`)}</option>`)}
        </select>`;
    const layout = d.revoked
      ? this.msg(`admin.displays.layout.${d.layout}`)
      : html`<select name="layout" aria-label=${this.msg("admin.displays.layout")} @change=${(e: Event) => void this.setChoice(d, "layout", DISPLAY_LAYOUTS, e)}>
          ${DISPLAY_LAYOUTS.map((v) => html`<option value=${v} ?selected=${d.layout === v}>${this.msg(`admin.displays.layout.${v}`)}</option>`)}
        </select>`;
    const showing = d.online && d.date ? this.msg("admin.displays.showingValue", { date: d.date, page: d.page ?? "—" }) : "—";
    return html`<tr data-display=${d.id}>
      <td>${d.name}</td>
      <td>${visibility}</td>
      <td>${layout}<div class="hint">${this.msg("admin.displays.windowValue", { before: d.windowBefore, after: d.windowAfter })}</div></td>
      <td>${d.language === "en" ? "English" : "中文"}</td>
      <td>${this.advisorNames(d.advisorIds)}</td>
      <td data-cell="status">${this.status(d)}</td>
      <td data-cell="lastSeen">${this.when(d.lastSeenAt)}</td>
      <td data-cell="showing">${showing}</td>
      <td data-cell="reconnects">${d.reconnectsToday}</td>
      <td data-cell="rtt">${d.online && d.rttMs !== null ? this.msg("admin.displays.rttValue", { ms: d.rttMs }) : "—"}</td>
      <td>${this.actions(d)}</td>
    </tr>`;
  }

  private createForm() {
    const lang = this.language;
    return html`<form data-form="display-new" @submit=${this.create} novalidate>
      <label>${this.msg("admin.displays.name")}<input name="name" /></label>
      <label>${this.msg("admin.displays.visibility")}
        <select name="visibility">${DISPLAY_VISIBILITIES.map((v) => html`<option value=${v}>${this.msg(`admin.displays.visibility.${v}`)}</option>`)}</select>
      </label>
      <label>${this.msg("admin.displays.language")}
        <select name="language"><option value="zh-CN" ?selected=${lang === "zh-CN"}>中文</option><option value="en" ?selected=${lang === "en"}>English</option></select>
      </label>
      <label>${this.msg("admin.displays.layout")}
        <select name="layout">${DISPLAY_LAYOUTS.map((v) => html`<option value=${v}>${this.msg(`admin.displays.layout.${v}`)}</option>`)}</select>
      </label>
      <label>${this.msg("admin.displays.windowBefore")}<input name="windowBefore" type="number" min="0" max="12" step="0.5" value="1" /></label>
      <label>${this.msg("admin.displays.windowAfter")}<input name="windowAfter" type="number" min="0" max="12" step="0.5" value="3" /></label>
      <fieldset>
        <legend>${this.msg("admin.displays.advisors")} (${this.msg("admin.displays.advisorsHint")})</legend>
        ${this.advisors.map((a) => html`<label class="inline"><input type="checkbox" name="advisor-${a.id}" />${a.name}</label>`)}
      </fieldset>
      <button type="submit">${this.msg("admin.displays.createButton")}</button>
      ${problemAlert(lang, this.problems)}
    </form>`;
  }

  private createdLink() {
    const c = this.created;
    if (!c) return nothing;
    return html`<div class="created" role="status">
      <strong>${this.msg("admin.displays.url", { name: c.name })}</strong>
      <p>${this.msg("admin.displays.urlOnce")}</p>
      <input class="pairing-url" readonly aria-label=${this.msg("admin.displays.url", { name: c.name })} .value=${c.url} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
      <p>
        <button type="button" data-action="copy" @click=${() => void this.copy()}>${this.msg("admin.displays.copy")}</button>
        <button type="button" data-action="done" @click=${() => (this.created = null)}>${this.msg("admin.displays.done")}</button>
        ${this.copyNote ? html`<span>${this.msg(this.copyNote)}</span>` : nothing}
      </p>
    </div>`;
  }

  override render() {
    if (this.access === "checking") return nothing;
    if (this.access === "denied") return html`<p class="note">${this.msg("admin.displays.managerOnly")}</p>`;
    const heads: MessageKey[] = [
      "admin.displays.name",
      "admin.displays.visibility",
      "admin.displays.layout",
      "admin.displays.language",
      "admin.displays.advisors",
      "admin.displays.status",
      "admin.displays.lastSeen",
      "admin.displays.showing",
      "admin.displays.reconnects",
      "admin.displays.rtt",
      "admin.displays.actions",
    ];
    return html`<p class="note">${this.msg("admin.displays.note")}</p>
      <button type="button" data-action="refresh" @click=${() => void this.load()}>${this.msg("admin.displays.refresh")}</button>
      ${this.loadFailed ? html`<p class="error" role="alert">${this.msg("admin.displays.loadFailed")}</p>` : nothing}
      ${this.serverError ? html`<p class="error" role="alert">${this.serverError}</p>` : nothing}
      ${this.displays.length === 0
        ? html`<p>${this.msg("admin.displays.none")}</p>`
        : html`<table>
            <thead><tr>${heads.map((k) => html`<th>${this.msg(k)}</th>`)}</tr></thead>
            <tbody>${this.displays.map((d) => this.row(d))}</tbody>
          </table>`}
      <h3>${this.msg("admin.displays.create")}</h3>
      ${this.createdLink()} ${this.createForm()}`;
  }
}

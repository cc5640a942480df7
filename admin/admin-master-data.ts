import { LitElement, css, html, nothing } from "lit";
import { formStyles } from "./admin-form-styles.js";
import { customElement, property, state } from "lit/decorators.js";
import { AdvisorInputSchema, type Advisor } from "../shared/schemas/advisor.js";
import { BAY_KINDS, BayInputSchema, type Bay } from "../shared/schemas/bay.js";
import { SettingsSchema } from "../shared/schemas/settings.js";
import type { BoardSnapshot } from "../shared/schemas/board.js";
import type { Language } from "../shared/schemas/common.js";
import { t } from "../shared/i18n/messages.js";
import { errorText, fieldLabel } from "../shared/i18n/errors.js";
import { fieldProblems, type FieldProblem } from "./field-problems.js";
import type { SendCommand } from "./staff-api.js";
import "./admin-displays.js";
import "./admin-job-categories.js";
import "./admin-letter-settings.js";
import { categoryName } from "../shared/i18n/job-categories.js";
import { formText } from "../login/form-text.js";
import { currentSession } from "../login/staff-api.js";
import { listAccounts } from "./access-api.js";

declare global {
  interface HTMLElementTagNameMap {
    "admin-master-data": AdminMasterData;
  }
  interface HTMLElementEventMap {
    /** Open the console's people page to create a phone account for this advisor. */
    "admin-open-people": CustomEvent<{ advisorId: number }>;
  }
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;

const numberOr = (v: string): number | string => (v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v);

/**
 * The manager's page: advisors (order, colour, days on duty, job categories taken), bays, the
 * site's rules (opening hours, slot length, grace, no-show and greeting minutes, capacity per slot),
 * the job categories, and the paired displays. Each row saves on its own,
 * through the same commands and version checks as the board.
 */
@customElement("admin-master-data")
export class AdminMasterData extends LitElement {
  @property({ attribute: false }) board!: BoardSnapshot;
  @property() language: Language = "zh-CN";
  @property({ attribute: false }) send!: SendCommand;
  /** Problems by form ("advisor-3", "bay-new", "settings") and field. */
  @state() private problems = new Map<string, Map<string, FieldProblem>>();
  @state() private serverError = new Map<string, string>();
  /** For the manager: each advisor's phone account (username), the other side of the account's advisor link. */
  @state() private phoneAccounts: Map<number, string> | null = null;
  /** An advisor just added, offered a phone account. */
  @state() private offer: Pick<Advisor, "id" | "name"> | null = null;

  static override styles = [
    formStyles,
    css`
      :host {
        display: block;
      }
      section {
        margin-bottom: 1.6em;
      }
      h2 {
        font-size: 1.15em;
      }
      form {
        border-bottom: 1px solid var(--mb-line);
      }
      input[type="number"] {
        width: 5em;
      }
      .link {
        align-self: center;
        color: var(--mb-text-muted);
      }
      .offer {
        border: 2px solid var(--mb-accent, #4f8cff);
        border-radius: 0.4em;
        padding: 0.5em 0.8em;
        margin: 0.5em 0;
      }
      .days {
        display: flex;
        gap: 0.3em;
        border: none;
        padding: 0;
        margin: 0;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadPhoneAccounts();
  }

  /** Only the manager reads accounts; others see the advisors without the link. */
  private async loadPhoneAccounts(): Promise<void> {
    const session = await currentSession();
    if (!session.ok || session.data.actor.role !== "manager") return;
    const res = await listAccounts();
    if (res.ok) this.phoneAccounts = new Map(res.data.filter((a) => a.role === "advisor" && a.active && a.advisorId !== null).map((a) => [a.advisorId!, a.username]));
  }

  private openPeople(advisorId: number): void {
    this.offer = null;
    this.dispatchEvent(new CustomEvent("admin-open-people", { detail: { advisorId }, bubbles: true, composed: true }));
  }

  private phoneLink(a: Advisor) {
    if (!this.phoneAccounts) return nothing;
    const username = this.phoneAccounts.get(a.id);
    if (username) return html`<span class="link" data-cell="phone">${t(this.language, "admin.people.phoneAccount", { username })}</span>`;
    return html`<span class="link" data-cell="phone">${t(this.language, "admin.people.noPhoneAccount")}
      <button type="button" data-action="phone-account" @click=${() => this.openPeople(a.id)}>${t(this.language, "admin.people.offerYes")}</button></span>`;
  }

  private offerBox() {
    const a = this.offer;
    if (!a || !this.phoneAccounts) return nothing;
    return html`<div class="offer" role="status">
      ${t(this.language, "admin.people.offer", { name: a.name })}
      <button type="button" data-action="offer-yes" @click=${() => this.openPeople(a.id)}>${t(this.language, "admin.people.offerYes")}</button>
      <button type="button" data-action="offer-no" @click=${() => (this.offer = null)}>${t(this.language, "admin.people.offerNo")}</button>
    </div>`;
  }

  private setProblems(form: string, problems: Map<string, FieldProblem>, server = ""): void {
    this.problems = new Map(this.problems).set(form, problems);
    const s = new Map(this.serverError);
    if (server) s.set(form, server);
    else s.delete(form);
    this.serverError = s;
  }

  private errors(form: string) {
    const list = [...(this.problems.get(form)?.values() ?? [])];
    const server = this.serverError.get(form);
    if (list.length === 0 && !server) return nothing;
    return html`<div class="error" role="alert">
      ${list.map((p) => html`<div>${fieldLabel(this.language, p.field)}: ${t(this.language, p.key, p.params)}</div>`)}${server ? html`<div>${server}</div>` : nothing}
    </div>`;
  }

  private async saveAdvisor(e: Event, a: Advisor | null): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const key = a ? `advisor-${a.id}` : "advisor-new";
    const days = WEEKDAYS.filter((d) => (form.elements.namedItem(`day-${d}`) as HTMLInputElement | null)?.checked);
    const input = {
      name: formText(form, "name"),
      color: formText(form, "color"),
      displayOrder: numberOr(formText(form, "displayOrder")),
      active: (form.elements.namedItem("active") as HTMLInputElement | null)?.checked ?? true,
      daysOnDuty: [...days],
      jobCategories: this.board.settings.jobCategories.map((c) => c.code).filter((c) => (form.elements.namedItem(`cat-${c}`) as HTMLInputElement | null)?.checked),
    };
    const parsed = AdvisorInputSchema.safeParse(input);
    if (!parsed.success) return this.setProblems(key, fieldProblems(parsed.error));
    const ack = a
      ? await this.send({ type: "advisor.update", id: a.id, version: a.version, changes: parsed.data }, "admin.toast.saved")
      : await this.send({ type: "advisor.create", input: parsed.data }, "admin.toast.saved");
    this.setProblems(key, new Map(), ack.ok ? "" : errorText(this.language, ack.error));
    if (ack.ok && !a) {
      form.reset();
      this.offer = { id: (ack.data.record as Advisor).id, name: parsed.data.name };
    }
  }

  private async saveBay(e: Event, b: Bay | null): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const key = b ? `bay-${b.id}` : "bay-new";
    const input = {
      name: formText(form, "name"),
      kind: formText(form, "kind"),
      active: (form.elements.namedItem("active") as HTMLInputElement | null)?.checked ?? true,
    };
    const parsed = BayInputSchema.safeParse(input);
    if (!parsed.success) return this.setProblems(key, fieldProblems(parsed.error));
    const ack = b
      ? await this.send({ type: "bay.update", id: b.id, version: b.version, changes: parsed.data }, "admin.toast.saved")
      : await this.send({ type: "bay.create", input: parsed.data }, "admin.toast.saved");
    this.setProblems(key, new Map(), ack.ok ? "" : errorText(this.language, ack.error));
    if (ack.ok && !b) form.reset();
  }

  private async saveSettings(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const changes = {
      siteName: formText(form, "siteName"),
      openTime: formText(form, "openTime"),
      closeTime: formText(form, "closeTime"),
      slotMinutes: numberOr(formText(form, "slotMinutes")),
      lateGraceMinutes: numberOr(formText(form, "lateGraceMinutes")),
      noShowAfterMinutes: numberOr(formText(form, "noShowAfterMinutes")),
      advisorCapacityPerSlot: numberOr(formText(form, "advisorCapacityPerSlot")),
      greetingLimitMinutes: numberOr(formText(form, "greetingLimitMinutes")),
      language: formText(form, "language"),
    };
    // the merged whole is checked, so rules that tie fields together (close after open) hold too
    const merged = SettingsSchema.safeParse({ ...this.board.settings, ...changes });
    if (!merged.success) return this.setProblems("settings", fieldProblems(merged.error));
    const ack = await this.send({ type: "settings.update", version: this.board.settingsVersion, changes: merged.data }, "admin.toast.saved");
    this.setProblems("settings", new Map(), ack.ok ? "" : errorText(this.language, ack.error));
  }

  private advisorForm(a: Advisor | null) {
    const lang = this.language;
    const key = a ? `advisor-${a.id}` : "advisor-new";
    return html`<form data-form=${key} @submit=${(e: Event) => this.saveAdvisor(e, a)} novalidate>
      <label>${t(lang, "admin.master.name")}<input name="name" .value=${a?.name ?? ""} /></label>
      <label>${t(lang, "admin.master.color")}<input name="color" type="color" .value=${a?.color ?? "#4f8cff"} /></label>
      <label>${t(lang, "admin.master.order")}<input name="displayOrder" type="number" min="0" .value=${String(a?.displayOrder ?? this.board.advisors.length + 1)} /></label>
      <fieldset class="days">
        <legend>${t(lang, "admin.master.days")}</legend>
        ${WEEKDAYS.map((d) => html`<label class="inline"><input type="checkbox" name="day-${d}" .checked=${a ? a.daysOnDuty.includes(d) : true} />${t(lang, `admin.weekday.${d}`)}</label>`)}
      </fieldset>
      <fieldset class="days">
        <legend>${t(lang, "reception.field.jobCategories")}</legend>
        ${this.board.settings.jobCategories.map(
          (c) => html`<label class="inline"><input type="checkbox" name="cat-${c.code}" .checked=${a?.jobCategories.includes(c.code) ?? false} />${categoryName(lang, this.board.settings.jobCategories, c.code)}</label>`,
        )}
      </fieldset>
      <label class="inline"><input type="checkbox" name="active" .checked=${a?.active ?? true} />${t(lang, "admin.master.active")}</label>
      <button type="submit">${t(lang, a ? "admin.master.save" : "admin.master.add")}</button>
      ${a ? this.phoneLink(a) : nothing}
      ${this.errors(key)}
    </form>`;
  }

  private bayForm(b: Bay | null) {
    const lang = this.language;
    const key = b ? `bay-${b.id}` : "bay-new";
    return html`<form data-form=${key} @submit=${(e: Event) => this.saveBay(e, b)} novalidate>
      <label>${t(lang, "admin.master.name")}<input name="name" .value=${b?.name ?? ""} /></label>
      <label>${t(lang, "admin.master.kind")}
        <select name="kind">${BAY_KINDS.map((k) => html`<option value=${k} ?selected=${(b?.kind ?? "general_repair") === k}>${t(lang, `admin.bayKind.${k}`)}</option>`)}</select>
      </label>
      <label class="inline"><input type="checkbox" name="active" .checked=${b?.active ?? true} />${t(lang, "admin.master.active")}</label>
      <button type="submit">${t(lang, b ? "admin.master.save" : "admin.master.add")}</button>
      ${this.errors(key)}
    </form>`;
  }

  private settingsForm() {
    const lang = this.language;
    const s = this.board.settings;
    const num = (name: string, value: number, key: Parameters<typeof t>[1]) =>
      html`<label>${t(lang, key)}<input name=${name} type="number" .value=${String(value)} /></label>`;
    return html`<form data-form="settings" @submit=${this.saveSettings} novalidate>
      <label>${t(lang, "admin.master.siteName")}<input name="siteName" .value=${s.siteName} /></label>
      <label>${t(lang, "admin.master.openTime")}<input name="openTime" type="time" .value=${s.openTime} /></label>
      <label>${t(lang, "admin.master.closeTime")}<input name="closeTime" type="time" .value=${s.closeTime} /></label>
      <label>${t(lang, "admin.master.slotMinutes")}
        <select name="slotMinutes">${[30, 60].map((m) => html`<option value=${m} ?selected=${s.slotMinutes === m}>${m}</option>`)}</select>
      </label>
      ${num("lateGraceMinutes", s.lateGraceMinutes, "admin.master.grace")}
      ${num("noShowAfterMinutes", s.noShowAfterMinutes, "admin.master.noShow")}
      ${num("advisorCapacityPerSlot", s.advisorCapacityPerSlot, "admin.master.capacity")}
      ${num("greetingLimitMinutes", s.greetingLimitMinutes, "reception.field.greetingLimitMinutes")}
      <label>${t(lang, "admin.master.language")}
        <select name="language"><option value="zh-CN" ?selected=${s.language === "zh-CN"}>中文</option><option value="en" ?selected=${s.language === "en"}>English</option></select>
      </label>
      <label>${t(lang, "admin.master.timeZone")}<input .value=${s.timeZone} readonly /></label>
      <button type="submit">${t(lang, "admin.master.save")}</button>
      ${this.errors("settings")}
    </form>`;
  }

  override render() {
    const lang = this.language;
    const advisors = [...this.board.advisors].sort((a, b) => a.displayOrder - b.displayOrder || a.id - b.id);
    return html`<section>
        <h2>${t(lang, "admin.master.rules")}</h2>
        ${this.settingsForm()}
      </section>
      <section>
        <h2>${t(lang, "reception.categories.title")}</h2>
        <admin-job-categories .settings=${this.board.settings} .settingsVersion=${this.board.settingsVersion} .language=${lang} .send=${this.send}></admin-job-categories>
      </section>
      <section>
        <h2>${t(lang, "admin.master.advisors")}</h2>
        ${advisors.map((a) => this.advisorForm(a))} ${this.advisorForm(null)} ${this.offerBox()}
      </section>
      <section>
        <h2>${t(lang, "admin.master.bays")}</h2>
        ${this.board.bays.map((b) => this.bayForm(b))} ${this.bayForm(null)}
      </section>
      <section>
        <h2>${t(lang, "letters.settings.title")}</h2>
        <admin-letter-settings .language=${lang} .send=${this.send}></admin-letter-settings>
      </section>
`;
  }
}

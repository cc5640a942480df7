import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { AUDIT_KINDS, RetentionInputSchema, type Retention } from "../shared/schemas/retention.js";
import type { Language } from "../shared/schemas/common.js";
import { t, type MessageKey } from "../shared/i18n/messages.js";
import { errorText, fieldLabel } from "../shared/i18n/errors.js";
import { QUIET_FIELDS, recordFieldLabel } from "../shared/i18n/record-fields.js";
import { formText } from "../login/form-text.js";
import { readHistory, setRetention, type HistoryAnswer, type HistoryItem } from "./history-api.js";
import { LatestAnswer } from "../login/staff-api.js";
import { actionKey } from "./admin-card-panel.js";
import { formStyles } from "./admin-form-styles.js";
import { consoleTableStyles, siteTime } from "./console-table.js";

declare global {
  interface HTMLElementTagNameMap {
    "admin-history": AdminHistory;
  }
}

const VERBS = ["create", "update", "revoke", "set_password", "init", "seed", "remove"] as const;


function show(v: unknown): string {
  if (v === undefined || v === null || v === "") return "";
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}

/** The kind of record an audit entry is about, as the history's filter names it (an entity of a table → its kind of change). */
const ENTITY_KIND: Partial<Record<string, (typeof AUDIT_KINDS)[number]>> = {
  advisor: "advisor",
  bay: "bay",
  settings: "settings",
  account: "account",
  display: "display",
  token: "token",
  customer: "customer",
  vehicle: "vehicle",
  call_entry: "call",
  call_rules: "call",
  letter_settings: "letters",
  contact_send: "letters",
  retention: "retention",
};

/**
 * The audit viewer: filter by day, card, plate, person and kind; each change with its before and
 * after side by side; a card's whole life one click away; archived entries on request; and the
 * retention the manager sets.
 */
@customElement("admin-history")
export class AdminHistory extends LitElement {
  @property() language: Language = "zh-CN";
  @property() timeZone = "Asia/Shanghai";

  @state() private answer: HistoryAnswer | null = null;
  @state() private failed = "";
  @state() private open = new Set<number>();
  @state() private query = new URLSearchParams();
  @state() private retentionNote = "";
  private readonly answers = new LatestAnswer();

  static override styles = [
    formStyles,
    consoleTableStyles,
    css`
      :host {
        display: block;
      }
      .sides th {
        width: 30%;
      }
      .changed td {
        background: var(--mb-confirmed-bg, rgba(79, 140, 255, 0.14));
        font-weight: 600;
      }
      .sides td {
        word-break: break-all;
      }
      .muted {
        color: var(--mb-text-muted);
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.language, key, params);
  }

  private async load(): Promise<void> {
    const latest = this.answers.ask();
    const res = await readHistory(this.query);
    if (!latest()) return;
    if (res.ok) {
      this.answer = res.data;
      this.failed = "";
    } else this.failed = res.error ? errorText(this.language, res.error) : this.msg("admin.history.loadFailed");
  }

  private search(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const q = new URLSearchParams();
    for (const name of ["day", "card", "plate", "person", "kind"]) {
      const v = formText(form, name).trim();
      if (v) q.set(name, v);
    }
    if ((form.elements.namedItem("archive") as HTMLInputElement).checked) q.set("archive", "1");
    this.query = q;
    this.open = new Set();
    void this.load();
  }

  private followCard(id: number): void {
    this.query = new URLSearchParams({ card: String(id), archive: "1" });
    this.open = new Set();
    void this.load();
  }

  private async saveRetention(e: Event, r: Retention): Promise<void> {
    e.preventDefault();
    const parsed = RetentionInputSchema.safeParse({ auditDays: Number(formText(e.target as HTMLFormElement, "auditDays")) });
    if (!parsed.success) {
      this.retentionNote = this.msg("error.invalid.field", { field: fieldLabel(this.language, "auditDays") });
      return;
    }
    const res = await setRetention(r, parsed.data.auditDays);
    this.retentionNote = res.ok ? this.msg("admin.retention.saved") : res.error ? errorText(this.language, res.error) : this.msg("admin.history.loadFailed");
    await this.load();
  }

  private actionLabel(action: string): string {
    const key = actionKey(action);
    if (key !== "admin.audit.other") return this.msg(key);
    const [kind = "", verb = ""] = action.split(".");
    const kindKey = `admin.history.kind.${kind}`;
    const kindText = (AUDIT_KINDS as readonly string[]).includes(kind) ? this.msg(kindKey as MessageKey) : kind;
    const verbText = (VERBS as readonly string[]).includes(verb) ? this.msg(`admin.history.verb.${verb as (typeof VERBS)[number]}`) : verb;
    return `${kindText} · ${verbText}`;
  }

  private subject(e: HistoryItem) {
    if (e.entity === "appointment" && e.entityId !== null) {
      const card = (e.after ?? e.before) as { customerName?: string; plate?: string } | null;
      return html`<button type="button" data-action="card-life" title=${this.msg("admin.history.cardLife")} @click=${() => this.followCard(e.entityId!)}>
        #${e.entityId} ${card?.plate ?? ""} ${card?.customerName ?? ""}</button>`;
    }
    const rec = (e.after ?? e.before) as { name?: string; username?: string } | null;
    const kind = ENTITY_KIND[e.entity];
    return html`${kind ? this.msg(`admin.history.kind.${kind}`) : e.entity} ${rec?.name ?? rec?.username ?? (e.entityId !== null ? `#${e.entityId}` : "")}`;
  }

  /** Before and after side by side: every field that changed (or every field of a new or removed record), changed ones marked. */
  private sides(e: HistoryItem) {
    const before = (e.before ?? {}) as Record<string, unknown>;
    const after = (e.after ?? {}) as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !QUIET_FIELDS.has(k));
    const both = e.before !== null && e.after !== null;
    const rows = keys.filter((k) => !both || show(before[k]) !== show(after[k]));
    return html`<table class="sides" data-sides=${e.id}>
      <thead><tr><th>${this.msg("admin.history.field")}</th><th>${this.msg("admin.history.before")}</th><th>${this.msg("admin.history.after")}</th></tr></thead>
      <tbody>
        ${rows.map(
          (k) => html`<tr class=${show(before[k]) !== show(after[k]) ? "changed" : ""} data-field=${k}>
            <td>${recordFieldLabel(this.language, k)}</td>
            <td data-side="before">${show(before[k]) || html`<span class="muted">${this.msg("admin.history.empty")}</span>`}</td>
            <td data-side="after">${show(after[k]) || html`<span class="muted">${this.msg("admin.history.empty")}</span>`}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private row(e: HistoryItem) {
    const opened = this.open.has(e.id);
    const toggle = () => {
      const next = new Set(this.open);
      if (opened) next.delete(e.id);
      else next.add(e.id);
      this.open = next;
    };
    return html`<tr data-entry=${e.id}>
        <td>${siteTime(e.at, this.timeZone)}</td>
        <td>${e.actor}</td>
        <td data-cell="action">${this.actionLabel(e.action)}</td>
        <td>${this.subject(e)}</td>
        <td><button type="button" data-action="details" aria-expanded=${opened} @click=${toggle}>${this.msg("admin.history.details")}</button></td>
      </tr>
      ${opened ? html`<tr><td colspan="5">${this.sides(e)}</td></tr>` : nothing}`;
  }

  private filters() {
    const q = this.query;
    return html`<form data-form="history-filter" @submit=${this.search} novalidate aria-label=${this.msg("admin.history.filters")}>
      <label>${this.msg("admin.history.day")}<input name="day" type="date" .value=${q.get("day") ?? ""} /></label>
      <label>${this.msg("admin.history.card")}<input name="card" inputmode="numeric" size="6" .value=${q.get("card") ?? ""} /></label>
      <label>${this.msg("admin.history.plate")}<input name="plate" size="10" .value=${q.get("plate") ?? ""} /></label>
      <label>${this.msg("admin.history.person")}<input name="person" size="10" .value=${q.get("person") ?? ""} /></label>
      <label>${this.msg("admin.history.kind")}
        <select name="kind">
          <option value="">${this.msg("admin.history.anyKind")}</option>
          ${AUDIT_KINDS.map((k) => html`<option value=${k} ?selected=${q.get("kind") === k}>${this.msg(`admin.history.kind.${k}`)}</option>`)}
        </select>
      </label>
      <label class="inline"><input type="checkbox" name="archive" .checked=${q.get("archive") === "1"} />${this.msg("admin.history.archive")}</label>
      <button type="submit">${this.msg("admin.history.search")}</button>
    </form>`;
  }

  private retentionForm(a: HistoryAnswer) {
    return html`<h3>${this.msg("admin.retention.title")}</h3>
      <p class="note">${this.msg("admin.retention.note", { from: siteTime(a.onlineFrom, this.timeZone).slice(0, 10) })}</p>
      <form data-form="retention" @submit=${(e: Event) => void this.saveRetention(e, a.retention)} novalidate>
        <label>${this.msg("admin.retention.days")}<input name="auditDays" type="number" min="30" max="3650" .value=${String(a.retention.auditDays)} /></label>
        <button type="submit">${this.msg("admin.retention.save")}</button>
        ${this.retentionNote ? html`<span role="status">${this.retentionNote}</span>` : nothing}
      </form>`;
  }

  override render() {
    const a = this.answer;
    return html`<p class="note">${this.msg("admin.history.note")}</p>
      ${this.filters()}
      ${this.failed ? html`<p class="error" role="alert">${this.failed}</p>` : nothing}
      ${a
        ? html`<p class="muted" role="status">
              ${this.msg("admin.history.count", { n: a.entries.length })}
              ${a.archivedMonths.length > 0 ? html` · ${this.msg("admin.history.archivedMonths", { months: a.archivedMonths.join("、") })}` : nothing}
            </p>
            ${a.entries.length === 0
              ? html`<p>${this.msg("admin.history.none")}</p>`
              : html`<table>
                  <thead><tr><th>${this.msg("admin.history.when")}</th><th>${this.msg("admin.history.who")}</th><th>${this.msg("admin.history.what")}</th><th>${this.msg("admin.history.subject")}</th><th>${this.msg("admin.history.details")}</th></tr></thead>
                  <tbody>${a.entries.map((e) => this.row(e))}</tbody>
                </table>`}
            ${this.retentionForm(a)}`
        : nothing}`;
  }
}

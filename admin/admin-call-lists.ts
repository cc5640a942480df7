import { LitElement, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Language } from "../shared/schemas/common.js";
import type { AppointmentInput } from "../shared/schemas/appointment.js";
import { CALL_LISTS, type CallEntry, type CallList, type CallOutcome } from "../shared/schemas/call-lists.js";
import { sourceOfList } from "../shared/rules/due-lists.js";
import { t } from "../shared/i18n/messages.js";
import { localParts } from "../shared/rules/zoned-time.js";
import { errorText } from "../shared/i18n/errors.js";
import type { SendCommand } from "./staff-api.js";
import { fetchCallList, type CallEntryView } from "./call-in-api.js";
import { formStyles } from "./admin-form-styles.js";
import { callInStyles } from "./call-in-styles.js";
import "./admin-letters-bar.js";

declare global {
  interface HTMLElementTagNameMap {
    "admin-call-lists": AdminCallLists;
  }
  interface HTMLElementEventMap {
    "callin-book": CustomEvent<CallInBooking>;
  }
}

/** 已预约: the booking form opened for an entry, filled in from it. */
export interface CallInBooking {
  entry: { id: number; version: number };
  prefill: Partial<AppointmentInput>;
}

/** Other people's claims and outcomes are not pushed; the list is read again this often while it is open. */
const REFRESH_MS = 20_000;

/**
 * The service desk's (客服) lists: every entry with the customer, the car, why and when it is due
 * and the last contact; "next" takes the first free entry (never one a colleague holds), and each
 * call ends with an outcome or a booking.
 */
@customElement("admin-call-lists")
export class AdminCallLists extends LitElement {
  @property() language: Language = "zh-CN";
  /** The site's zone: a contact at 07:30 in Shanghai is that day's, not the day before's in UTC. */
  @property() timeZone = "Asia/Shanghai";
  @property({ attribute: false }) send!: SendCommand;
  @state() private list: CallList = "regular_maintenance";
  @state() private entries: CallEntryView[] = [];
  @state() private current: CallEntry | null = null;
  @state() private note = "";
  @state() private callBack = "";
  @state() private message = "";
  private timer: ReturnType<typeof setInterval> | undefined;

  static override styles = [formStyles, callInStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
    this.timer = setInterval(() => void this.reload(), REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  private async reload(): Promise<void> {
    this.entries = (await fetchCallList(this.list)) ?? [];
  }

  private choose(list: CallList): void {
    this.list = list;
    this.current = null;
    void this.reload();
  }

  private async next(): Promise<void> {
    const ack = await this.send({ type: "call.claim", list: this.list }, "callin.toast.claimed");
    this.message = ack.ok ? "" : errorText(this.language, ack.error);
    this.current = ack.ok ? (ack.data.record as CallEntry) : null;
    await this.reload();
  }

  private async outcome(outcome: CallOutcome): Promise<void> {
    const e = this.current;
    if (!e) return;
    const ack = await this.send(
      { type: "call.outcome", id: e.id, version: e.version, outcome, note: this.note, ...(outcome === "call_back" ? { callBackDate: this.callBack } : {}) },
      "callin.toast.outcome",
    );
    if (ack.ok) {
      this.current = null;
      this.note = "";
      this.message = "";
    } else this.message = errorText(this.language, ack.error);
    await this.reload();
  }

  private book(): void {
    const e = this.current;
    const view = e && this.entries.find((x) => x.id === e.id);
    if (!e || !view) return;
    const c = view.customer;
    const prefill: Partial<AppointmentInput> = {
      customerName: c?.name ?? "",
      customerTitle: c?.title ?? "none",
      phone: c?.phone ?? "",
      plate: view.vehicle?.plate ?? "",
      vehicleModel: view.vehicle?.model ?? "",
      workRequested: e.reason || t(this.language, `callin.work.${e.list}`),
      source: sourceOfList(e.list),
      initiatedBy: "dealer",
      ...(e.advisorId !== null ? { advisorId: e.advisorId } : {}),
    };
    this.dispatchEvent(new CustomEvent("callin-book", { detail: { entry: { id: e.id, version: e.version }, prefill }, bubbles: true, composed: true }));
    this.current = null;
  }

  private renderCurrent() {
    const lang = this.language;
    const e = this.current;
    const view = e && this.entries.find((x) => x.id === e.id);
    if (!e || !view) return nothing;
    const c = view.customer;
    const title = c && c.title !== "none" ? t(lang, `admin.title.${c.title}`) : "";
    return html`<section class="current" aria-labelledby="current-title">
      <h3 id="current-title">${c?.name ?? ""}${title} · ${c?.phone ?? ""}</h3>
      <p>${view.vehicle?.plate} · ${view.vehicle?.model} · ${t(lang, `callin.list.${e.list}`)} ${e.dueDate ?? ""} ${e.reason}</p>
      <p class="note">${t(lang, "callin.lastService", { date: view.vehicle?.lastServiceDate ?? "—", km: view.vehicle?.lastServiceKm ?? "—" })}</p>
      <div class="bar">
        <button class="primary" @click=${this.book}>${t(lang, "callin.outcome.booked")}</button>
        <label>${t(lang, "callin.field.note")}<input name="note" .value=${this.note} @input=${(ev: Event) => (this.note = (ev.target as HTMLInputElement).value)} /></label>
        <button @click=${() => void this.outcome("declined")}>${t(lang, "callin.outcome.declined")}</button>
        <button @click=${() => void this.outcome("no_answer")}>${t(lang, "callin.outcome.no_answer")}</button>
        <label>${t(lang, "callin.field.callBackDate")}<input name="callBackDate" type="date" .value=${this.callBack} @input=${(ev: Event) => (this.callBack = (ev.target as HTMLInputElement).value)} /></label>
        <button @click=${() => void this.outcome("call_back")}>${t(lang, "callin.outcome.call_back")}</button>
        <button @click=${() => void this.outcome("wrong_number")}>${t(lang, "callin.outcome.wrong_number")}</button>
      </div>
    </section>`;
  }

  /** The letter and text this customer got, beside the last call. */
  private siteDate(iso: string): string {
    return localParts(Date.parse(iso), this.timeZone).date;
  }

  private sentNote(e: CallEntryView): string {
    const lang = this.language;
    const notes = [
      e.letterAt ? t(lang, "letters.sent.letter", { date: this.siteDate(e.letterAt) }) : "",
      e.textAt ? t(lang, "letters.sent.text", { date: this.siteDate(e.textAt) }) : "",
    ].filter((n) => n !== "");
    return notes.length > 0 ? ` · ${notes.join(" · ")}` : "";
  }

  override render() {
    const lang = this.language;
    const today = this.entries.filter((e) => e.dueToday);
    const free = today.filter((e) => !e.taken).length;
    return html`<h2>${t(lang, "callin.lists.title")}</h2>
      <div class="bar">
        <label>${t(lang, "callin.field.list")}
          <select name="list" @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value as CallList)}>
            ${CALL_LISTS.map((l) => html`<option value=${l} ?selected=${l === this.list}>${t(lang, `callin.list.${l}`)}</option>`)}
          </select>
        </label>
        <button class="primary" ?disabled=${free === 0} @click=${() => void this.next()}>${t(lang, "callin.next")}</button>
        <span role="status">${t(lang, "callin.lists.counts", { today: today.length, free, later: this.entries.length - today.length })}</span>
      </div>
      <admin-letters-bar .language=${lang} .send=${this.send} .entries=${this.entries} @letters-sent=${() => void this.reload()}></admin-letters-bar>
      ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
      ${this.renderCurrent()}
      <table>
        <thead><tr>
          <th>${t(lang, "admin.field.customerName")}</th><th>${t(lang, "admin.field.plate")}</th><th>${t(lang, "callin.field.reason")}</th>
          <th>${t(lang, "callin.field.dueDate")}</th><th>${t(lang, "callin.lastContact")}</th><th>${t(lang, "callin.state")}</th>
        </tr></thead>
        <tbody>
          ${this.entries.slice(0, 200).map(
            (e) => html`<tr class=${e.taken ? "taken" : e.id === this.current?.id ? "mine" : ""}>
              <td>${e.customer?.name ?? ""} ${e.customer?.phone ?? ""}</td>
              <td>${e.vehicle?.plate ?? ""} ${e.vehicle?.model ?? ""}</td>
              <td>${e.reason || t(lang, `callin.list.${e.list}`)}</td>
              <td>${e.dueDate ?? ""}</td>
              <td>${e.lastContactAt ? `${this.siteDate(e.lastContactAt)} ${e.outcome ? t(lang, `callin.outcome.${e.outcome}`) : ""} (${e.attempts})` : "—"}${this.sentNote(e)}</td>
              <td>${e.taken ? t(lang, "callin.taken", { who: e.claimedName ?? "" }) : e.dueToday ? t(lang, "callin.due") : t(lang, "callin.later", { date: e.nextTryDate ?? "" })}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.entries.length > 200 ? html`<p class="note">${t(lang, "callin.more", { count: this.entries.length - 200 })}</p>` : nothing}`;
  }
}

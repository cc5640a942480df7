import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Appointment } from "../shared/schemas/appointment.js";
import type { Language } from "../shared/schemas/common.js";
import type { CommandInput } from "../shared/schemas/commands.js";
import type { Customer, Vehicle } from "../shared/schemas/register.js";
import { ADVISOR_LISTS, type CallEntry, type CallOutcome } from "../shared/schemas/call-lists.js";
import { callDue, type ConfirmationCall, type ConfirmationOutcome } from "../shared/rules/confirmation.js";
import { t } from "../shared/i18n/messages.js";
import { localParts } from "../shared/rules/zoned-time.js";
import { call, LatestAnswer } from "../login/staff-api.js";
import { apiUrl } from "../display/site-path.js";

declare global {
  interface HTMLElementTagNameMap {
    "advisor-calls": AdvisorCalls;
  }
}

/** A list entry as GET /api/call-lists/:list answers an advisor: only those naming them. */
interface EntryView extends CallEntry {
  customer: Customer | null;
  vehicle: Vehicle | null;
  dueToday: boolean;
}

/** How the phone sends a command: true when it went through (the day shows any refusal itself). */
export type SendFromPhone = (command: CommandInput) => Promise<boolean>;

/** Others' changes to the lists are not pushed; the section is read again this often. */
const REFRESH_MS = 60_000;
const LIST_OUTCOMES: CallOutcome[] = ["no_answer", "declined", "wrong_number"];

/**
 * The calls an advisor makes (the paper process has the advisor call): tomorrow's own bookings to
 * confirm (已确认, 无人接听, 已发短信), and the entries of the parts-arrived, unresolved-fault and
 * campaign lists that name them, with the phone number to tap. Every button is the editor's own
 * command (appointment.status confirm, appointment.confirmation_call, call.outcome).
 */
@customElement("advisor-calls")
export class AdvisorCalls extends LitElement {
  @property({ type: Number }) advisorId = 0;
  @property() language: Language = "zh-CN";
  /** Tomorrow in the site's zone, by the server's clock. */
  @property() tomorrow = "";
  @property({ type: Number }) now = 0;
  @property() timeZone = "Asia/Shanghai";
  @property({ attribute: false }) send!: SendFromPhone;
  @state() private cards: Appointment[] = [];
  @state() private tries = new Map<number, ConfirmationCall>();
  @state() private entries: EntryView[] = [];
  @state() private busy = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly answers = new LatestAnswer();

  static override styles = css`
    :host {
      display: block;
      margin-top: 1.4rem;
    }
    h2 {
      font-size: 1.15rem;
      margin: 1rem 0 0.6rem;
    }
    .item {
      border-radius: 0.8rem;
      background: #1b2431;
      padding: 0.8rem 1rem;
      margin-bottom: 0.8rem;
    }
    .top {
      display: flex;
      justify-content: space-between;
      gap: 0.5rem;
      font-size: 1.15rem;
      overflow-wrap: anywhere;
    }
    .detail {
      color: #c3ccd8;
      overflow-wrap: anywhere;
    }
    a {
      display: inline-block;
      margin: 0.4rem 0;
      color: #8fd3ff;
      font-size: 1.15rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    button {
      flex: 1 1 6rem;
      min-height: 3rem;
      font-size: 1.05rem;
      font-weight: 700;
      border: 0;
      border-radius: 0.5rem;
      background: #e8edf3;
      color: #0a0d12;
    }
    button.confirm {
      background: #3ddc84;
    }
    .empty {
      color: #c3ccd8;
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => void this.load(), REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has("tomorrow") && this.tomorrow !== "") void this.load();
  }

  private async load(): Promise<void> {
    if (this.tomorrow === "") return;
    const latest = this.answers.ask();
    const date = encodeURIComponent(this.tomorrow);
    const [board, confirmations, ...lists] = await Promise.all([
      call<{ appointments: Appointment[] }>(apiUrl(`/board?date=${date}`)),
      call<{ calls: ConfirmationCall[] }>(apiUrl(`/call-lists/confirmations?date=${date}`)),
      ...ADVISOR_LISTS.map((l) => call<EntryView[]>(apiUrl(`/call-lists/${l}`))),
    ]);
    // Answers can come back out of order: the page first follows the phone's own date, then the
    // server's, and a slow answer for the first must not empty the list of the second.
    if (!latest()) return;
    if (board.ok) this.cards = board.data.appointments.filter((a) => a.advisorId === this.advisorId && a.status === "booked").sort((a, b) => a.startTime.localeCompare(b.startTime));
    if (confirmations.ok) this.tries = new Map(confirmations.data.calls.map((c) => [c.appointmentId, c]));
    this.entries = lists.flatMap((r) => (r.ok ? r.data : [])).filter((e) => e.dueToday && e.advisorId === this.advisorId);
  }

  private async run(command: CommandInput): Promise<void> {
    this.busy = true;
    await this.send(command);
    await this.load();
    this.busy = false;
  }

  private phone(phone: string) {
    return phone ? html`<a href=${`tel:${phone.replace(/[^0-9+]/g, "")}`}>${t(this.language, "advisor.calls.phone", { phone })}</a>` : nothing;
  }

  private cardItem(a: Appointment) {
    const l = this.language;
    const tried = this.tries.get(a.id);
    const confirmation = (outcome: ConfirmationOutcome) => this.run({ type: "appointment.confirmation_call", id: a.id, outcome });
    return html`<div class="item">
      <div class="top"><strong>${a.startTime}</strong><span>${t(l, `board.card.customer.${a.customerTitle}`, { name: a.customerName })}</span></div>
      <div class="detail">${[a.plate, a.workRequested].filter((x) => x !== "").join(" · ")}</div>
      ${this.phone(a.phone)}
      ${tried ? html`<div class="detail">${t(l, `callin.confirmation.tried.${tried.outcome}`, { count: tried.attempts, at: localParts(Date.parse(tried.at), this.timeZone).time })}</div>` : nothing}
      <div class="actions">
        <button class="confirm" ?disabled=${this.busy} @click=${() => void this.run({ type: "appointment.status", id: a.id, version: a.version, action: "confirm" })}>${t(l, "advisor.calls.confirm")}</button>
        <button ?disabled=${this.busy} @click=${() => void confirmation("no_answer")}>${t(l, "callin.outcome.no_answer")}</button>
        <button ?disabled=${this.busy} @click=${() => void confirmation("texted")}>${t(l, "callin.confirmation.texted")}</button>
      </div>
    </div>`;
  }

  private entryItem(e: EntryView) {
    const l = this.language;
    const c = e.customer;
    return html`<div class="item">
      <div class="top"><span>${c ? t(l, `board.card.customer.${c.title}`, { name: c.name }) : ""}</span><span class="detail">${t(l, `callin.list.${e.list}`)}</span></div>
      <div class="detail">${[e.vehicle?.plate ?? "", e.reason].filter((x) => x !== "").join(" · ")}</div>
      ${this.phone(c?.phone ?? "")}
      <div class="actions">
        ${LIST_OUTCOMES.map(
          (o) => html`<button ?disabled=${this.busy} @click=${() => void this.run({ type: "call.outcome", id: e.id, version: e.version, outcome: o })}>${t(l, `callin.outcome.${o}`)}</button>`,
        )}
      </div>
    </div>`;
  }

  override render() {
    const l = this.language;
    // a customer who did not answer comes back once the retry time has passed
    const toCall = this.cards.filter((a) => callDue(a, this.tries.get(a.id), this.now));
    return html`<section aria-labelledby="day-before">
        <h2 id="day-before">${t(l, "advisor.calls.dayBefore", { count: toCall.length })}</h2>
        ${toCall.length === 0 ? html`<p class="empty">${t(l, "advisor.calls.none")}</p>` : toCall.map((a) => this.cardItem(a))}
      </section>
      <section aria-labelledby="lists">
        <h2 id="lists">${t(l, "advisor.calls.lists", { count: this.entries.length })}</h2>
        ${this.entries.length === 0 ? html`<p class="empty">${t(l, "advisor.calls.none")}</p>` : this.entries.map((e) => this.entryItem(e))}
      </section>`;
  }
}

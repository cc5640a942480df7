import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Appointment } from "../shared/schemas/appointment.js";
import type { Language } from "../shared/schemas/common.js";
import type { CommandResult } from "../shared/protocol.js";
import type { StaffToServerEvents } from "../shared/protocol.js";
import { t } from "../shared/i18n/messages.js";
import { errorText } from "../shared/i18n/errors.js";
import { formatTimeOfDay } from "../shared/i18n/dates.js";
import { TODAY } from "../shared/protocol-constants.js";
import { isAwaited } from "../shared/rules/lateness.js";
import { greetingWaitMinutes, isGreetingOverdue } from "../shared/rules/greeting.js";
import { BoardConnection, type BoardChange } from "../display/board-connection.js";
import { TickController } from "../display/tick-controller.js";
import { cardView, markText } from "../display/card-view.js";
import { call, LatestAnswer } from "../login/staff-api.js";
import { gateStyles } from "./gate-styles.js";
import type { WalkInDone } from "./gate-walk-in.js";
import "./gate-walk-in.js";
import { queueLabel } from "../shared/i18n/queue-number.js";
import { printRoofSigns } from "../display/print-roof-signs.js";
import { apiUrl } from "../display/site-path.js";

declare global {
  interface HTMLElementTagNameMap {
    "gate-page": GatePage;
  }
}

/** Letters typed before the search asks the server; the editor's box waits for the same. */
const SEARCH_DELAY_MS = 150;

/**
 * The guide at the gate, phone in one hand: a plate box with the editor's tolerant search, today's
 * matches as big cards with one 已到店 button (page open → type → tap: the advisor's phone and the
 * TV are told at once), 散客接待 when nothing matches, and the customers nobody has come out to
 * greet past the site's limit, with a button to stamp 已出迎 for an advisor without a phone.
 */
@customElement("gate-page")
export class GatePage extends LitElement {
  @property() name = "";
  @state() private query = "";
  @state() private hits: number[] | null = null;
  @state() private searching = false;
  @state() private walkIn = false;
  @state() private busy = new Set<number>();
  @state() private error = "";
  @state() private notice = "";
  /** The walk-in just received: its roof sign is printed from the notice. */
  @state() private received: Appointment | null = null;
  private readonly connection: BoardConnection<StaffToServerEvents>;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly searches = new LatestAnswer();

  constructor() {
    super();
    this.connection = new BoardConnection<StaffToServerEvents>(this, { namespace: "staff", onChange: (c) => this.onBoardChange(c) });
    new TickController(this, 30_000, () => this.connection.serverNow(), () => this.rollOver());
    this.connection.follow(TODAY);
  }

  static override styles = [
    gateStyles,
    css`
      header {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 0.5rem;
      }
      header button {
        min-height: 3rem;
        font-size: 1.1rem;
      }
      .greeting {
        font-size: 1.1rem;
        margin: 0.2rem 0 0.6rem;
      }
      .search {
        display: flex;
        gap: 0.5rem;
        align-items: stretch;
      }
      .search input {
        flex: 1;
        font-size: 2rem;
        min-height: 4.2rem;
        text-transform: uppercase;
        letter-spacing: 0.05em;
      }
      .hint {
        font-size: 1.05rem;
        margin-top: 0.2rem;
      }
      .lost {
        padding: 0.6rem;
        margin-bottom: 0.6rem;
        border: 3px solid #000;
        background: #ffd23f;
        font-weight: 700;
      }
      .overdue {
        margin: 0.6rem 0;
        padding: 0.6rem;
        border: 4px solid #9a006a;
        border-radius: 0.6rem;
        background: #ffe0f4;
      }
      .overdue h2 {
        color: #7a0054;
      }
      .overdue li {
        display: flex;
        flex-wrap: nowrap;
        gap: 0.4rem;
        align-items: center;
        justify-content: space-between;
        padding: 0.4rem 0;
        border-top: 2px solid #9a006a;
        font-weight: 700;
      }
      .overdue ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .card {
        margin: 0.8rem 0;
        padding: 0.8rem;
        border: 3px solid #000;
        border-radius: 0.7rem;
      }
      .card .plate {
        font-size: 2.2rem;
        font-weight: 800;
        letter-spacing: 0.04em;
      }
      .card .row {
        display: flex;
        justify-content: space-between;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
      .card .time {
        font-size: 1.6rem;
        font-weight: 800;
      }
      .card .status {
        font-weight: 800;
      }
      .mark {
        display: inline-block;
        margin: 0.3rem 0.4rem 0 0;
        padding: 0 0.35rem;
        border: 3px solid #7a4a00;
        border-radius: 0.3rem;
        color: #7a4a00;
        font-weight: 800;
      }
      .done {
        margin-top: 0.5rem;
        font-weight: 800;
        color: #0b5d1e;
      }
      .nomatch {
        margin: 0.8rem 0;
        font-weight: 700;
      }
      .notice {
        margin: 0.6rem 0;
        padding: 0.6rem;
        border: 3px solid #0b5d1e;
        border-radius: 0.5rem;
        color: #0b5d1e;
        font-weight: 800;
      }
    `,
  ];

  private get language(): Language {
    return this.connection.state?.settings.language ?? "zh-CN";
  }

  private rollOver(): void {
    this.connection.followToday();
  }

  private onBoardChange(change: BoardChange): void {
    if (!change.patch) this.rollOver();
  }

  private readonly onInput = (e: Event): void => {
    this.query = (e.target as HTMLInputElement).value;
    this.walkIn = false;
    this.notice = "";
    this.received = null;
    clearTimeout(this.searchTimer);
    if (this.query.trim().length < 2) {
      this.hits = null;
      return;
    }
    this.searchTimer = setTimeout(() => void this.search(), SEARCH_DELAY_MS);
  };

  private async search(): Promise<void> {
    const s = this.connection.state;
    if (!s) return;
    const latest = this.searches.ask();
    this.searching = true;
    const res = await call<Appointment[]>(apiUrl(`/search?date=${encodeURIComponent(s.date)}&q=${encodeURIComponent(this.query.trim())}`));
    if (!latest()) return;
    this.searching = false;
    if (!res.ok) {
      this.error = res.error ? errorText(this.language, res.error) : t(this.language, "gate.connection.lost");
      return;
    }
    this.error = "";
    this.hits = res.data.map((a) => a.id);
  }

  private async step(a: Appointment, action: "arrive" | "greet"): Promise<void> {
    this.busy = new Set([...this.busy, a.id]);
    this.error = "";
    const res = await call<CommandResult>(apiUrl(`/appointments/${a.id}/${action}`), { method: "POST", body: JSON.stringify({ version: a.version }) });
    const rest = new Set(this.busy);
    rest.delete(a.id);
    this.busy = rest;
    if (res.ok) return;
    if (res.status === 401) {
      this.dispatchEvent(new CustomEvent("session-ended", { bubbles: true, composed: true }));
      return;
    }
    this.error = res.error ? errorText(this.language, res.error) : t(this.language, "gate.connection.lost");
  }

  private advisorName(id: number): string {
    return this.connection.state?.advisors.find((x) => x.id === id)?.name ?? "";
  }

  private customer(a: Appointment): string {
    return a.customerName === "" ? "" : t(this.language, `board.card.customer.${a.customerTitle}`, { name: a.customerName });
  }

  private renderCard(a: Appointment) {
    const s = this.connection.state!;
    const l = this.language;
    const now = this.connection.serverNow();
    const v = cardView(a, s.settings, now);
    return html`<article class="card" data-id=${a.id}>
      <div class="row"><span class="time">${a.startTime}</span><span class="status">${v.icon} ${t(l, v.label)}</span></div>
      <div class="plate">${a.plate}</div>
      <div class="row"><span>${this.customer(a)}</span><span>${t(l, "gate.advisor", { name: this.advisorName(a.advisorId) })}</span></div>
      <div>${a.workRequested}</div>
      ${v.marks.length > 0 ? html`<div>${v.marks.map((m) => html`<span class="mark">${markText(l, m)}</span>`)}</div>` : nothing}
      ${isAwaited(a.status) || a.status === "no_show"
        ? html`<button class="primary" data-action="arrive" ?disabled=${this.busy.has(a.id)} @click=${() => void this.step(a, "arrive")}>
            ${t(l, "step.action.arrive")}
          </button>`
        : a.arrivedAt
          ? html`<div class="done" role="status">✔ ${t(l, "gate.arrivedAt", { time: formatTimeOfDay(Date.parse(a.arrivedAt), s.settings.timeZone) })}</div>`
          : nothing}
    </article>`;
  }

  private renderOverdue() {
    const s = this.connection.state;
    if (!s) return nothing;
    const l = this.language;
    const now = this.connection.serverNow();
    const overdue = s.appointments.filter(isGreetingOverdue);
    if (overdue.length === 0) return nothing;
    return html`<section class="overdue" aria-live="polite">
      <h2>${t(l, "gate.overdue.title", { limit: s.settings.greetingLimitMinutes })}</h2>
      <ul>
        ${overdue.map(
          (a) => html`<li data-id=${a.id}>
            <span>${t(l, "gate.overdue.item", { plate: a.plate, customer: this.customer(a), advisor: this.advisorName(a.advisorId), minutes: greetingWaitMinutes(a, now) ?? 0 })}</span>
            <button data-action="greet" ?disabled=${this.busy.has(a.id)} @click=${() => void this.step(a, "greet")}>${t(l, "step.action.greet")}</button>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderResults() {
    const s = this.connection.state;
    if (!s || this.hits === null) return nothing;
    const l = this.language;
    const cards = this.hits.map((id) => s.appointments.find((a) => a.id === id)).filter((a): a is Appointment => a !== undefined && a.status !== "cancelled");
    const expected = cards.some((a) => isAwaited(a.status) || a.status === "no_show");
    return html`${cards.map((a) => this.renderCard(a))}
      ${expected || this.searching
        ? nothing
        : html`<p class="nomatch">${cards.length === 0 ? t(l, "gate.noMatch", { query: this.query.trim() }) : ""}</p>
            <button class="secondary" data-action="walk-in" @click=${() => (this.walkIn = true)}>${t(l, "gate.walkIn")}</button>`}`;
  }

  private readonly walkInDone = (e: CustomEvent<WalkInDone>) => {
    const { card, plate, advisor } = e.detail;
    this.walkIn = false;
    this.hits = null;
    this.query = "";
    this.notice = t(this.language, "roof.walkIn.done", { plate, advisor, number: queueLabel(this.language, card) });
    this.received = card;
  };

  private printReceived() {
    const card = this.received;
    const s = this.connection.state;
    if (!card || !s) return;
    void printRoofSigns(document, { cards: [card], advisors: s.advisors, language: this.language });
  }

  override render() {
    const l = this.language;
    const s = this.connection.state;
    return html`<header>
        <h1>${t(l, "gate.title")}</h1>
        <button @click=${() => this.dispatchEvent(new CustomEvent("session-ended", { bubbles: true, composed: true }))}>${t(l, "gate.logout")}</button>
      </header>
      ${this.connection.status === "lost" ? html`<div class="lost" role="status">${t(l, "gate.connection.lost")}</div>` : nothing}
      <p class="greeting">${t(l, "gate.greeting")}</p>
      <label for="plate">${t(l, "gate.plate")}</label>
      <div class="search">
        <input id="plate" autocomplete="off" autocapitalize="characters" spellcheck="false" enterkeyhint="search" autofocus .value=${this.query} @input=${this.onInput} />
      </div>
      <div class="hint">${t(l, "gate.plateHint")}</div>
      ${this.notice ? html`<div class="notice" role="status">${this.notice}</div>` : nothing}
      ${this.notice && this.received
        ? html`<button class="secondary" data-action="walk-in-roof-sign" @click=${() => this.printReceived()}>
            ${t(l, "roof.walkIn.print", { number: queueLabel(l, this.received) })}
          </button>`
        : nothing}
      ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing}
      ${this.walkIn && s
        ? html`<gate-walk-in .board=${s} .serverNow=${() => this.connection.serverNow()} .plate=${this.query.trim()} .language=${l}
            @walk-in-done=${this.walkInDone} @walk-in-cancel=${() => (this.walkIn = false)}></gate-walk-in>`
        : this.renderResults()}
      ${this.renderOverdue()}`;
  }
}

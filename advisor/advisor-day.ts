import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Appointment } from "../shared/schemas/appointment.js";
import type { Language } from "../shared/schemas/common.js";
import type { Ack, CommandResult, StaffToServerEvents } from "../shared/protocol.js";
import { t } from "../shared/i18n/messages.js";
import { errorText } from "../shared/i18n/errors.js";
import { TODAY } from "../shared/protocol-constants.js";
import { isGreetingOverdue } from "../shared/rules/greeting.js";
import { BoardConnection, type BoardChange } from "../display/board-connection.js";
import { TickController } from "../display/tick-controller.js";
import type { AdvisorStep } from "./next-step.js";
import "./advisor-card.js";
import "./advisor-calls.js";
import type { CommandInput } from "../shared/schemas/commands.js";
import { addDays } from "../shared/rules/zoned-time.js";
import "../display/components/arrival-alerts.js";

declare global {
  interface HTMLElementTagNameMap {
    "advisor-day": AdvisorDay;
  }
  interface HTMLElementEventMap {
    "session-ended": CustomEvent<void>;
  }
}

/** The walkie-talkie call: a short buzz pattern a phone in a pocket makes felt. */
const CALL_VIBRATION = [300, 150, 300, 150, 300];
/** The greeting is overdue: longer and more insistent than the arrival's call. */
const OVERDUE_VIBRATION = [600, 200, 600, 200, 600, 200, 600];

/**
 * My day on my phone: my appointments today in time order, live over the staff socket, one big
 * button each for the next step. When the guide marks one of my customers arrived, the phone
 * buzzes and shows who at once.
 */
@customElement("advisor-day")
export class AdvisorDay extends LitElement {
  @property({ type: Number }) advisorId = 0;
  @property() name = "";
  /** The site's language until the board's own settings arrive. */
  @property() fallbackLanguage: Language = "zh-CN";
  /** The card the last arrival call was about; one at a time, the newest wins. */
  @state() private call: Appointment | null = null;
  @state() private busy = new Set<number>();
  @state() private error = "";
  private readonly connection: BoardConnection<StaffToServerEvents>;
  /** Arrivals I marked myself need no call. */
  private readonly ownArrivals = new Set<number>();

  constructor() {
    super();
    this.connection = new BoardConnection<StaffToServerEvents>(this, { namespace: "staff", onChange: (c) => this.onBoardChange(c) });
    new TickController(this, 60_000, () => this.connection.serverNow(), () => this.rollOver());
    this.connection.follow(TODAY);
  }

  static override styles = css`
    :host {
      display: block;
      max-width: 36rem;
      margin: 0 auto;
      padding: 0.8rem;
      font-family: var(--mb-font, sans-serif);
      color: #f4f7fb;
    }
    header {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 0.5rem;
      margin-bottom: 0.8rem;
    }
    h1 {
      font-size: 1.3rem;
      margin: 0;
    }
    header button {
      background: none;
      color: #c3ccd8;
      border: 1px solid #2b3645;
      border-radius: 0.4rem;
      padding: 0.4rem 0.8rem;
      font-size: 1rem;
    }
    .lost,
    .error {
      padding: 0.6rem;
      border-radius: 0.5rem;
      margin-bottom: 0.8rem;
      background: #ffd23f;
      color: #111;
    }
    .call {
      position: sticky;
      top: 0;
      z-index: 1;
      padding: 1rem;
      margin-bottom: 0.8rem;
      border-radius: 0.8rem;
      background: #3ddc84;
      color: #0a0d12;
      animation: pulse 1s ease-in-out 3;
    }
    .call strong {
      display: block;
      font-size: 1.5rem;
      overflow-wrap: anywhere;
    }
    .call button {
      margin-top: 0.6rem;
      width: 100%;
      min-height: 3rem;
      font-size: 1.1rem;
      border: 0;
      border-radius: 0.5rem;
      background: #0a0d12;
      color: #f4f7fb;
    }
    @keyframes pulse {
      50% {
        transform: scale(1.03);
      }
    }
    .empty {
      color: #c3ccd8;
      text-align: center;
      padding: 2rem 0;
    }
  `;

  private get language(): Language {
    return this.connection.state?.settings.language ?? this.fallbackLanguage;
  }

  private mine(): Appointment[] {
    const s = this.connection.state;
    if (!s) return [];
    return s.appointments.filter((a) => a.advisorId === this.advisorId).sort((a, b) => a.startTime.localeCompare(b.startTime) || a.id - b.id);
  }

  override render() {
    const l = this.language;
    const cards = this.mine();
    const call = this.call;
    return html`<header>
        <h1>${t(l, "advisor.title")} · ${t(l, "advisor.signedInAs", { name: this.name })}</h1>
        <button @click=${this.signOut}>${t(l, "advisor.logout")}</button>
      </header>
      ${this.connection.status === "lost" ? html`<div class="lost" role="status">${t(l, "advisor.connection.lost")}</div>` : nothing}
      ${call
        ? html`<div class="call" role="alert">
            <strong>${t(l, isGreetingOverdue(call) ? "advisor.call.overdue" : "advisor.call", { customer: t(l, `board.card.customer.${call.customerTitle}`, { name: call.customerName }) })}</strong>
            <span>${t(l, "advisor.call.detail", { plate: call.plate, time: call.startTime })}</span>
            <button @click=${() => (this.call = null)}>${t(l, "advisor.call.dismiss")}</button>
          </div>`
        : nothing}
      ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing}
      <arrival-alerts .appointments=${this.connection.state?.appointments ?? []} .advisors=${this.connection.state?.advisors ?? []}
        .actor=${{ role: "advisor" as const, advisorId: this.advisorId }} .language=${l} @arrival-alert-acknowledge=${this.onAcknowledge}></arrival-alerts>
      ${this.connection.state && cards.length === 0 ? html`<p class="empty">${t(l, "advisor.empty")}</p>` : nothing}
      ${cards.map(
        (a) => html`<advisor-card
          .appointment=${a}
          .language=${l}
          ?busy=${this.busy.has(a.id)}
          ?called=${this.call?.id === a.id}
          @advisor-step=${this.onStep}
        ></advisor-card>`,
      )}
      ${this.connection.state
        ? html`<advisor-calls
            .advisorId=${this.advisorId}
            .language=${l}
            .tomorrow=${addDays(this.connection.state.date, 1)}
            .now=${this.connection.serverNow()}
            .timeZone=${this.connection.state.settings.timeZone}
            .send=${this.sendCommand}
          ></advisor-calls>`
        : nothing}`;
  }

  /** A command from the calls section; a refusal is shown like a step's. */
  private readonly sendCommand = async (command: CommandInput): Promise<boolean> => {
    this.error = "";
    const res = (await this.connection.socket
      .timeout(10_000)
      .emitWithAck("board:command", { command })
      .catch(() => null)) as Ack<CommandResult> | null;
    if (res?.ok) return true;
    if (res?.error.code === "unauthorized") this.dispatchEvent(new CustomEvent("session-ended", { bubbles: true, composed: true }));
    else this.error = res ? errorText(this.language, res.error) : t(this.language, "advisor.error.failed");
    return false;
  };

  private rollOver(): void {
    this.connection.followToday();
  }

  private onBoardChange(change: BoardChange): void {
    if (!change.patch) {
      this.rollOver();
      return;
    }
    if (change.catchUp) return;
    for (const op of change.patch.ops) {
      if (op.kind !== "appointment") continue;
      const a = op.appointment;
      if (a.advisorId !== this.advisorId || a.status !== "arrived" || a.date !== this.connection.state?.date) continue;
      const was = change.before?.appointments.find((x) => x.id === a.id);
      // past the greeting limit and still not greeted: the phone calls again, harder
      if (isGreetingOverdue(a) && was !== undefined && !isGreetingOverdue(was)) {
        this.call = a;
        navigator.vibrate?.(OVERDUE_VIBRATION);
        continue;
      }
      if (was?.status === "arrived") continue;
      if (this.ownArrivals.delete(a.id)) continue;
      this.call = a;
      navigator.vibrate?.(CALL_VIBRATION);
    }
  }

  private readonly onStep = async (e: CustomEvent<{ id: number; version: number; action: AdvisorStep }>) => {
    const { id, version, action } = e.detail;
    this.busy = new Set([...this.busy, id]);
    this.error = "";
    if (action === "arrive") this.ownArrivals.add(id);
    if (this.call?.id === id) this.call = null;
    let res: Ack<CommandResult> | null;
    try {
      res = (await this.connection.socket.timeout(10_000).emitWithAck("board:command", { command: { type: "appointment.status", id, version, action } })) as Ack<CommandResult>;
    } catch {
      // no answer: the phone cannot know whether it went through
      res = null;
    }
    const rest = new Set(this.busy);
    rest.delete(id);
    this.busy = rest;
    if (res?.ok) return;
    this.ownArrivals.delete(id);
    if (!res) {
      this.error = t(this.language, "advisor.error.failed");
      return;
    }
    if (res.error.code === "unauthorized") {
      this.dispatchEvent(new CustomEvent("session-ended", { bubbles: true, composed: true }));
      return;
    }
    this.error = errorText(this.language, res.error);
  };

  private readonly onAcknowledge = async (e: CustomEvent<{ id: number; version: number }>) => {
    await this.sendCommand({ type: "appointment.acknowledge_alert", ...e.detail });
  };

  private readonly signOut = () => {
    this.dispatchEvent(new CustomEvent("session-ended", { detail: undefined, bubbles: true, composed: true }));
  };
}

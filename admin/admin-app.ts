import { LitElement, css, html, nothing } from "lit";
import { customElement, query, state } from "lit/decorators.js";
import { BoardConnection } from "../display/board-connection.js";
import { HighlightController } from "../display/highlight-controller.js";
import { TickController } from "../display/tick-controller.js";
import { STAFF_NAMESPACE, type Ack, type CommandResult, type StaffToServerEvents } from "../shared/protocol.js";
import { AppointmentSchema, type Appointment, type AppointmentInput } from "../shared/schemas/appointment.js";
import type { CommandInput, StatusAction } from "../shared/schemas/commands.js";
import type { Language } from "../shared/schemas/common.js";
import type { ErrorBody } from "../shared/errors.js";
import { boardOverlaps } from "../shared/rules/overlaps.js";
import { addDays, localParts } from "../shared/rules/zoned-time.js";
import { t, type MessageKey, type MessageParams } from "../shared/i18n/messages.js";
import { fetchHistory, sendCommand, type StaffSocket } from "./staff-api.js";
import { forgetChange, lastChange, rememberChange, type ChangeRef } from "./undo-log.js";
import { describePosition } from "./card-text.js";
import { NO_BAY_LANE, type LaneMode } from "./board-lanes.js";
import type { AdminBoard, CardMoveDetail, SlotBookDetail } from "./admin-board.js";
import "./admin-board.js";
import "./admin-card-panel.js";
import "./admin-booking-form.js";
import "./admin-toast.js";
import "./admin-search.js";
import "./admin-day-before.js";
import "./admin-day-sheet.js";
import "./admin-import.js";
import "./admin-master-data.js";

type Tab = "board" | "dayBefore" | "sheet" | "import" | "settings";

/** How long the undo toast stays after a change. */
export const UNDO_TOAST_MS = 10_000;

interface Toast {
  text: string;
  tone: "ok" | "error";
  undo: ChangeRef | null;
}

/** An optimistic card shown until the board holds its version `until` (or the server refuses it). */
interface Pending {
  card: Appointment;
  until: number;
}

export type SendCommand = (command: CommandInput, label: MessageKey) => Promise<Ack<CommandResult>>;

declare global {
  interface HTMLElementTagNameMap {
    "admin-app": AdminApp;
  }
}

/**
 * The editor: one staff connection following the chosen date, the board and its side panel, the
 * day-before lists, the day sheet, the import and the master data. Every change goes out as a
 * `board:command` over the staff socket; what the board shows is always the server's state, with
 * the caller's own moves shown at once and withdrawn if the server refuses them.
 */
@customElement("admin-app")
export class AdminApp extends LitElement {
  private readonly conn = new BoardConnection<StaffToServerEvents>(this, {
    namespace: STAFF_NAMESPACE,
    onChange: (c) => {
      if (!c.catchUp) this.highlights.add(c.touched);
    },
  });
  private readonly highlights = new HighlightController(this, 4_000);
  /** Re-renders on the minute so the cards' late and grace marks follow the server's clock. */
  private readonly minuteTick = new TickController(this, 60_000);

  @state() private date = "";
  @state() private tab: Tab = "board";
  @state() private mode: LaneMode = "advisors";
  @state() private language: Language = storedLanguage() ?? "zh-CN";
  @state() private selectedId: number | null = null;
  @state() private form: { card: Appointment | null; prefill: Partial<AppointmentInput> } | null = null;
  @state() private toast: Toast | null = null;
  @state() private pending = new Map<number, Pending>();
  @state() private searchHits: ReadonlySet<number> = new Set();

  @query("admin-board") private boardEl?: AdminBoard;

  private toastTimer: ReturnType<typeof setTimeout> | undefined;

  static override styles = css`
    :host {
      display: grid;
      grid-template-rows: auto auto 1fr;
      height: 100vh;
      font-family: var(--mb-font);
      color: var(--mb-text);
      background: var(--mb-bg);
      font-size: 14px;
      --mb-font-size: 13px;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 1em;
      padding: 0.5em 0.8em;
      background: var(--mb-surface);
      border-bottom: 1px solid var(--mb-line);
    }
    h1 {
      font-size: 1.1em;
      margin: 0;
    }
    nav,
    .dates,
    .views {
      display: flex;
      gap: 0.3em;
      flex-wrap: wrap;
      align-items: center;
    }
    button,
    input,
    select {
      font: inherit;
    }
    button {
      padding: 0.35em 0.8em;
      border-radius: 0.35em;
      border: 1px solid var(--mb-line);
      background: var(--mb-card-bg);
      color: var(--mb-text);
      cursor: pointer;
      min-height: 2.2em;
    }
    button[aria-pressed="true"] {
      background: var(--mb-confirmed);
      color: var(--mb-pill-text);
      border-color: var(--mb-confirmed);
    }
    .status {
      margin-left: auto;
      color: var(--mb-text-muted);
    }
    .status.lost {
      color: var(--mb-late);
      font-weight: 700;
    }
    .bar {
      display: flex;
      gap: 0.8em;
      align-items: center;
      padding: 0.4em 0.8em;
      flex-wrap: wrap;
    }
    main {
      min-height: 0;
      display: grid;
      grid-template-columns: 1fr auto;
    }
    admin-board {
      min-height: 0;
      padding: 0 0.5em 0.5em;
    }
    admin-card-panel {
      width: 22em;
      border-left: 1px solid var(--mb-line);
      overflow: auto;
    }
    .page {
      overflow: auto;
      padding: 0.8em;
      grid-column: 1 / -1;
    }
    .loading {
      padding: 2em;
    }
    @media print {
      :host {
        display: block;
        height: auto;
        background: white;
        color: black;
      }
      header,
      .bar,
      admin-toast {
        display: none;
      }
      main {
        display: block;
      }
      .page {
        overflow: visible;
        padding: 0;
      }
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.toastTimer);
  }

  /** Today in the site's zone by the server's clock, so a desk PC with a wrong date still opens today. */
  private async start(): Promise<void> {
    const fromUrl = new URLSearchParams(location.search).get("date");
    if (fromUrl && /^\d{4}-\d{2}-\d{2}$/.test(fromUrl)) return this.setDate(fromUrl);
    try {
      const res = await fetch("/api/board");
      const snap = (await res.json()) as { date: string };
      this.setDate(snap.date);
    } catch {
      this.setDate(localParts(Date.now(), "Asia/Shanghai").date);
    }
  }

  private setDate(date: string): void {
    this.date = date;
    this.selectedId = null;
    this.searchHits = new Set();
    this.conn.follow(date);
  }

  private today(): string {
    const s = this.conn.state;
    return s ? localParts(this.conn.serverNow(), s.settings.timeZone).date : this.date;
  }

  private get socket(): StaffSocket {
    return this.conn.socket as StaffSocket;
  }

  private msg(key: MessageKey, params?: MessageParams): string {
    return t(this.language, key, params);
  }

  /** The board as the server has it, with this editor's unconfirmed moves on top. */
  private visibleCards(): Appointment[] {
    const s = this.conn.state;
    if (!s) return [];
    return s.appointments.map((a) => {
      const p = this.pending.get(a.id);
      return p && a.version < p.until ? p.card : a;
    });
  }

  private card(id: number): Appointment | undefined {
    return this.conn.state?.appointments.find((a) => a.id === id);
  }

  override willUpdate(): void {
    // an optimistic card is dropped once the board holds the version it stood in for
    for (const [id, p] of this.pending) {
      const a = this.card(id);
      if (!a || a.version >= p.until) this.pending.delete(id);
    }
  }

  private showToast(text: string, tone: Toast["tone"], undo: ChangeRef | null = null): void {
    clearTimeout(this.toastTimer);
    this.toast = { text, tone, undo };
    this.toastTimer = setTimeout(() => (this.toast = null), UNDO_TOAST_MS);
  }

  /** Says what the server refused, and for a card someone else changed, where that card is now. */
  private explain(error: ErrorBody): string {
    const s = this.conn.state;
    const current = AppointmentSchema.safeParse(error.current);
    if (current.success && s) {
      const where = describePosition(this.language, current.data, s.advisors, s.bays);
      if (error.code === "version_conflict") return this.msg("admin.error.conflict", { who: current.data.updatedBy, where });
      if (error.code === "invalid_transition") return this.msg("admin.error.transition", { where });
    }
    if (error.code === "invalid_payload") return this.msg("admin.error.invalid", { detail: error.message });
    if (error.code === "not_found") return this.msg("admin.error.notFound");
    return this.msg("admin.error.other");
  }

  /** Sends a command; on success offers undo, on refusal explains. The caller still sees the answer (forms show field errors). */
  readonly send: SendCommand = async (command, label) => {
    const ack = await sendCommand(this.socket, command);
    if (ack.ok) {
      const rec = AppointmentSchema.safeParse(ack.data.record);
      if (rec.success) {
        const ref: ChangeRef = { appointmentId: rec.data.id, revision: ack.data.revision, created: command.type === "appointment.create", at: Date.now() };
        rememberChange(ref);
        this.showToast(this.msg(label, { who: rec.data.customerName, plate: rec.data.plate }), "ok", ref);
      } else {
        this.showToast(this.msg(label, { who: "", plate: "" }), "ok");
      }
    } else {
      this.showToast(this.explain(ack.error), "error");
      const current = AppointmentSchema.safeParse(ack.error.current);
      if (current.success) this.highlights.add([current.data.id]);
    }
    return ack;
  };

  private async onMove(e: CustomEvent<CardMoveDetail>): Promise<void> {
    const { id, version, move } = e.detail;
    const card = this.card(id);
    if (!card) return;
    this.pending = new Map(this.pending).set(id, { card: { ...card, ...move }, until: version + 1 });
    const ack = await this.send({ type: "appointment.move", id, version, ...move }, "admin.toast.moved");
    if (!ack.ok) {
      const next = new Map(this.pending);
      next.delete(id);
      this.pending = next;
    }
  }

  private onSlotBook(e: CustomEvent<SlotBookDetail>): void {
    const s = this.conn.state;
    if (!s) return;
    const { laneId, slot } = e.detail;
    const prefill: Partial<AppointmentInput> = { date: this.date, startTime: slot, durationMinutes: s.settings.slotMinutes };
    if (this.mode === "advisors") prefill.advisorId = laneId;
    else prefill.bayId = laneId === NO_BAY_LANE ? null : laneId;
    this.form = { card: null, prefill };
  }

  private async onAction(e: CustomEvent<{ id: number; action: StatusAction | "edit" | "undo" }>): Promise<void> {
    const { id, action } = e.detail;
    const card = this.card(id);
    if (!card) return;
    if (action === "edit") {
      this.form = { card, prefill: {} };
      return;
    }
    if (action === "undo") {
      await this.undoLatestOf(card);
      return;
    }
    await this.send({ type: "appointment.status", id, version: card.version, action }, `admin.toast.${action}`);
  }

  /** Undo of one change, taken from the card's audit log; the server refuses it if the card changed since. */
  private async undo(ref: ChangeRef): Promise<void> {
    const history = await fetchHistory(ref.appointmentId);
    const entry = history?.find((h) => h.revision === ref.revision);
    const latest = history?.at(-1)?.after;
    if (!history || !entry || !latest) {
      this.showToast(this.msg("admin.undo.unavailable"), "error");
      return;
    }
    const ack = ref.created
      ? await this.send({ type: "appointment.status", id: ref.appointmentId, version: latest.version, action: "cancel" }, "admin.toast.undone")
      : await this.send({ type: "appointment.restore", id: ref.appointmentId, version: latest.version, auditId: entry.id }, "admin.toast.undone");
    if (ack.ok) {
      forgetChange();
      this.highlights.add([ref.appointmentId]);
    }
  }

  private async undoLatestOf(card: Appointment): Promise<void> {
    const history = await fetchHistory(card.id);
    const latest = history?.at(-1);
    if (!latest) return;
    await this.undo({ appointmentId: card.id, revision: latest.revision, created: latest.before === null, at: 0 });
  }

  private onSearchHits(e: CustomEvent<{ ids: number[] }>): void {
    const ids = e.detail.ids;
    this.searchHits = new Set(ids);
    this.highlights.add(ids);
    const first = ids[0];
    if (first !== undefined) {
      this.tab = "board";
      this.selectedId = first;
      void this.boardEl?.reveal(first);
    }
  }

  private setLanguage(lang: Language): void {
    this.language = lang;
    try {
      localStorage.setItem(LANGUAGE_KEY, lang);
    } catch {
      // the choice then lasts this session only
    }
    document.documentElement.lang = lang;
  }

  private renderHeader() {
    const s = this.conn.state;
    const today = this.today();
    const tomorrow = today ? addDays(today, 1) : "";
    const tabs: [Tab, MessageKey][] = [
      ["board", "admin.tab.board"],
      ["dayBefore", "admin.tab.dayBefore"],
      ["sheet", "admin.tab.sheet"],
      ["import", "admin.tab.import"],
      ["settings", "admin.tab.settings"],
    ];
    const last = lastChange();
    return html`<header>
      <h1>${s?.settings.siteName ?? ""} · ${this.msg("admin.title")}</h1>
      <nav aria-label=${this.msg("admin.tabs")}>
        ${tabs.map(
          ([tab, key]) => html`<button aria-pressed=${this.tab === tab} @click=${() => {
            this.tab = tab;
            if (tab === "dayBefore" && this.date === today) this.setDate(tomorrow);
          }}>${this.msg(key)}</button>`,
        )}
      </nav>
      <div class="dates">
        <button aria-pressed=${this.date === today} @click=${() => this.setDate(today)}>${this.msg("admin.date.today")}</button>
        <button aria-pressed=${this.date === tomorrow} @click=${() => this.setDate(tomorrow)}>${this.msg("admin.date.tomorrow")}</button>
        <input type="date" aria-label=${this.msg("admin.date.pick")} .value=${this.date} @change=${(e: Event) => {
          const v = (e.target as HTMLInputElement).value;
          if (v) this.setDate(v);
        }} />
      </div>
      <span class="status ${this.conn.status === "lost" ? "lost" : ""}" role="status">${this.msg(`admin.connection.${this.conn.status}`)}</span>
      <select aria-label=${this.msg("admin.language")} .value=${this.language} @change=${(e: Event) => this.setLanguage((e.target as HTMLSelectElement).value as Language)}>
        <option value="zh-CN">中文</option>
        <option value="en">English</option>
      </select>
    </header>
    <div class="bar">
      <admin-search .date=${this.date} .language=${this.language} @admin-search-hits=${this.onSearchHits}></admin-search>
      <div class="views" role="group" aria-label=${this.msg("admin.view")}>
        <button aria-pressed=${this.mode === "advisors"} @click=${() => (this.mode = "advisors")}>${this.msg("admin.view.advisors")}</button>
        <button aria-pressed=${this.mode === "bays"} @click=${() => (this.mode = "bays")}>${this.msg("admin.view.bays")}</button>
      </div>
      <button @click=${() => (this.form = { card: null, prefill: { date: this.date } })}>＋ ${this.msg("admin.book")}</button>
      <button ?disabled=${!last} @click=${() => last && this.undo(last)} title=${this.msg("admin.undo.lastHint")}>↶ ${this.msg("admin.undo.last")}</button>
    </div>`;
  }

  private renderMain() {
    const s = this.conn.state;
    if (!s || s.date !== this.date) return html`<div class="loading" role="status">${this.msg("admin.loading")}</div>`;
    const cards = this.visibleCards();
    const overlaps = boardOverlaps(cards, s.advisors, s.settings);
    const minute = Math.floor(this.conn.serverNow() / 60_000) * 60_000;
    const highlighted = new Set([...this.highlights.ids, ...this.searchHits]);
    switch (this.tab) {
      case "board": {
        const selected = this.selectedId === null ? undefined : cards.find((a) => a.id === this.selectedId);
        return html`<admin-board
            .mode=${this.mode}
            .settings=${s.settings}
            .date=${this.date}
            .advisors=${s.advisors}
            .bays=${s.bays}
            .appointments=${cards}
            .minute=${minute}
            .language=${this.language}
            .highlighted=${highlighted}
            .pending=${new Set(this.pending.keys())}
            .overlaps=${overlaps}
            .selectedId=${this.selectedId}
            @admin-card-select=${(e: CustomEvent<{ id: number }>) => (this.selectedId = e.detail.id)}
            @admin-card-move=${this.onMove}
            @admin-slot-book=${this.onSlotBook}
          ></admin-board>
          ${selected
            ? html`<admin-card-panel
                .appointment=${selected}
                .board=${s}
                .overlaps=${overlaps.get(selected.id) ?? []}
                .language=${this.language}
                @admin-card-action=${this.onAction}
                @admin-panel-close=${() => (this.selectedId = null)}
              ></admin-card-panel>`
            : nothing}`;
      }
      case "dayBefore":
        return html`<admin-day-before class="page" .board=${s} .language=${this.language} .send=${this.send}
          @admin-card-action=${this.onAction}></admin-day-before>`;
      case "sheet":
        return html`<admin-day-sheet class="page" .board=${s} .language=${this.language}></admin-day-sheet>`;
      case "import":
        return html`<admin-import class="page" .board=${s} .language=${this.language} .send=${this.send}></admin-import>`;
      case "settings":
        return html`<admin-master-data class="page" .board=${s} .language=${this.language} .send=${this.send}></admin-master-data>`;
    }
  }

  override render() {
    const s = this.conn.state;
    return html`${this.renderHeader()}
      <main>${this.renderMain()}</main>
      ${this.form && s
        ? html`<admin-booking-form
            .board=${s}
            .appointment=${this.form.card}
            .prefill=${this.form.prefill}
            .language=${this.language}
            .send=${this.send}
            @admin-form-close=${() => (this.form = null)}
          ></admin-booking-form>`
        : nothing}
      ${this.toast
        ? html`<admin-toast
            .text=${this.toast.text}
            .tone=${this.toast.tone}
            .undoLabel=${this.toast.undo ? this.msg("admin.undo") : ""}
            @admin-undo=${() => {
              const ref = this.toast?.undo;
              this.toast = null;
              if (ref) void this.undo(ref);
            }}
            @admin-toast-close=${() => (this.toast = null)}
          ></admin-toast>`
        : nothing}`;
  }
}

const LANGUAGE_KEY = "magboard.admin.language";

function storedLanguage(): Language | null {
  try {
    const v = localStorage.getItem(LANGUAGE_KEY);
    return v === "zh-CN" || v === "en" ? v : null;
  } catch {
    return null;
  }
}

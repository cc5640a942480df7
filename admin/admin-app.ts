import { LitElement, html, nothing } from "lit";
import { customElement, query, state } from "lit/decorators.js";
import { BoardConnection } from "../display/board-connection.js";
import { HighlightController } from "../display/highlight-controller.js";
import { TickController } from "../display/tick-controller.js";
import type { StaffToServerEvents } from "../shared/protocol.js";
import { AppointmentSchema, type Appointment, type AppointmentInput } from "../shared/schemas/appointment.js";
import { LocalDateSchema, type Language } from "../shared/schemas/common.js";
import { overlapsOf } from "../shared/rules/overlaps.js";
import { moveCard } from "../shared/rules/move.js";
import { addDays, localParts } from "../shared/rules/zoned-time.js";
import { t, type MessageKey, type MessageParams } from "../shared/i18n/messages.js";
import { fetchToday, sendCommand, type SendCommand, type StaffSocket } from "./staff-api.js";
import { forgetChange, lastChange, latestChangeOf, rememberChange, undoCommand, type ChangeRef } from "./undo-log.js";
import { explainRefusal } from "./card-text.js";
import { NO_BAY_LANE, type LaneMode } from "../display/board-layout.js";
import type { AdminBoard, CardMoveDetail, SlotBookDetail } from "./admin-board.js";
import type { Tab, ToolbarAction } from "./admin-toolbar.js";
import "./admin-board.js";
import { saveZoom, savedZoom, type Zoom } from "./board-zoom.js";
import "./admin-card-panel.js";
import "./admin-booking-form.js";
import "./admin-toast.js";
import "./admin-toolbar.js";
import "./unconfirmed-banner.js";
import type { CallInBooking } from "./admin-call-lists.js";
import { adminAppStyles } from "./admin-app-styles.js";
import { OptimisticMoves } from "./optimistic-moves.js";
import { renderPage, type CardActionEvent } from "./admin-pages.js";
import { saveLanguage, storage, storedLanguage } from "./admin-prefs.js";
import "../display/components/arrival-alerts.js";
import { currentSession } from "../login/staff-api.js";
import type { Actor } from "../shared/schemas/actor.js";

/** How long the undo toast stays after a change. */
export const UNDO_TOAST_MS = 10_000;
/** Before the first date is known the page retries this often until the server answers. */
const START_RETRY_MS = 2_000;

interface Toast {
  text: string;
  tone: "ok" | "error";
  undo: ChangeRef | null;
}

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
    namespace: "staff",
    onChange: (c) => {
      if (!c.catchUp) this.highlights.add(c.touched);
    },
  });
  private readonly highlights = new HighlightController(this, 4_000);
  /** Re-renders on the minute so the cards' late and grace marks follow the server's clock. */
  private readonly minuteTick = new TickController(this, 60_000);
  private readonly optimistic = new OptimisticMoves(this);

  @state() private date = "";
  @state() private tab: Tab = "board";
  @state() private mode: LaneMode = "advisors";
  @state() private language: Language = storedLanguage() ?? "zh-CN";
  @state() private selectedId: number | null = null;
  @state() private actor: Actor | null = null;
  /** Until the session is read the board waits, so a reader never sees, however briefly, what they cannot do. */
  @state() private actorRead = false;
  @state() private form: { card: Appointment | null; prefill: Partial<AppointmentInput>; entry?: CallInBooking["entry"] } | null = null;
  @state() private toast: Toast | null = null;
  @state() private searchHits: ReadonlySet<number> = new Set();
  /** An advisor whose phone account the console is to create, when opened from the advisor's form. */
  @state() private phoneFor: number | null = null;

  @query("admin-board") private boardEl?: AdminBoard;
  /** Minutes per column of the board, as this browser last chose. */
  @state() private zoom: Zoom = savedZoom(storage());

  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private startRetry: ReturnType<typeof setTimeout> | undefined;

  static override styles = adminAppStyles;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start();
    void this.loadActor();
  }

  /** Who is signed in decides which arrival alerts call this screen (shared/rules/alerts.ts). */
  private async loadActor(): Promise<void> {
    const res = await currentSession();
    if (res.ok) this.actor = res.data.actor;
    this.actorRead = true;
  }

  /** The group's director (role group) reads every store and changes none: the editor offers nothing that changes. */
  private get readOnly(): boolean {
    return this.actor?.role === "group";
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.toastTimer);
    clearTimeout(this.startRetry);
  }

  /** Today in the site's zone by the server's clock, so a desk PC with a wrong date or zone still opens today. */
  private async start(): Promise<void> {
    const fromUrl = LocalDateSchema.safeParse(new URLSearchParams(location.search).get("date"));
    if (fromUrl.success) return this.setDate(fromUrl.data);
    const today = await fetchToday();
    if (today) this.setDate(today);
    else this.startRetry = setTimeout(() => void this.start(), START_RETRY_MS);
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
    return this.conn.socket;
  }

  private msg(key: MessageKey, params?: MessageParams): string {
    return t(this.language, key, params);
  }

  /** The board as the server has it, with this editor's unconfirmed moves on top. */
  private visibleCards(): readonly Appointment[] {
    const s = this.conn.state;
    return s ? this.optimistic.over(s.appointments) : [];
  }

  private card(id: number): Appointment | undefined {
    return this.conn.state?.appointments.find((a) => a.id === id);
  }

  override willUpdate(): void {
    this.optimistic.settle((id) => this.card(id));
  }

  private showToast(text: string, tone: Toast["tone"], undo: ChangeRef | null = null): void {
    clearTimeout(this.toastTimer);
    this.toast = { text, tone, undo };
    this.toastTimer = setTimeout(() => (this.toast = null), UNDO_TOAST_MS);
  }

  /** Sends a command; on success offers undo, on refusal explains. The caller still sees the answer (forms show field errors). */
  readonly send: SendCommand = async (command, label) => {
    const ack = await sendCommand(this.socket, command);
    if (ack.ok) {
      const rec = AppointmentSchema.safeParse(ack.data.record);
      if (rec.success) {
        const ref: ChangeRef = { appointmentId: rec.data.id, revision: ack.data.revision };
        rememberChange(ref);
        this.showToast(this.msg(label, { who: rec.data.customerName, plate: rec.data.plate }), "ok", ref);
      } else {
        this.showToast(this.msg(label, { who: "", plate: "" }), "ok");
      }
    } else {
      const st = this.conn.state;
      this.showToast(explainRefusal(this.language, ack.error, st?.advisors ?? [], st?.bays ?? []), "error");
      const current = AppointmentSchema.safeParse(ack.error.current);
      if (current.success) this.highlights.add([current.data.id]);
    }
    return ack;
  };

  private async onMove(e: CustomEvent<CardMoveDetail>): Promise<void> {
    if (this.readOnly) return;
    const { id, version, move } = e.detail;
    const card = this.card(id);
    if (!card) return;
    const s = this.conn.state;
    const moved = s && moveCard(card, move, s.settings, this.conn.serverNow());
    if (!moved) return;
    this.optimistic.add(moved, version + 1);
    const ack = await this.send({ type: "appointment.move", id, version, ...move }, "admin.toast.moved");
    if (!ack.ok) this.optimistic.withdraw(id);
  }

  private onSlotBook(e: CustomEvent<SlotBookDetail>): void {
    const s = this.conn.state;
    if (!s || this.readOnly) return;
    const { laneId, slot } = e.detail;
    const prefill: Partial<AppointmentInput> = { date: this.date, startTime: slot, durationMinutes: s.settings.slotMinutes };
    if (this.mode === "advisors") prefill.advisorId = laneId;
    else prefill.bayId = laneId === NO_BAY_LANE ? null : laneId;
    this.form = { card: null, prefill };
  }

  private async onAction(e: CardActionEvent): Promise<void> {
    const { id, action } = e.detail;
    const card = this.card(id);
    if (!card || this.readOnly) return;
    if (action === "edit") {
      this.form = { card, prefill: {} };
      return;
    }
    if (action === "undo") {
      await this.undo(await latestChangeOf(card.id));
      return;
    }
    await this.send({ type: "appointment.status", id, version: card.version, action }, `step.toast.${action}`);
  }

  /** Undo of one change, through the same pipeline; the server refuses it if the card changed since. */
  private async undo(ref: ChangeRef | null): Promise<void> {
    const command = ref && (await undoCommand(ref));
    if (!ref || !command) {
      this.showToast(this.msg("admin.undo.unavailable"), "error");
      return;
    }
    const ack = await this.send(command, "admin.toast.undone");
    if (ack.ok) {
      forgetChange();
      this.highlights.add([ref.appointmentId]);
    }
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
    saveLanguage(lang);
  }

  private onToolbar(e: CustomEvent<ToolbarAction>): void {
    const a = e.detail;
    switch (a.kind) {
      case "tab":
        this.tab = a.tab;
        this.phoneFor = null;
        if (a.tab === "dayBefore" && this.date === this.today()) this.setDate(addDays(this.date, 1));
        return;
      case "date":
        // "today" again while on today still brings the present back into view
        if (a.date === this.date) void this.boardEl?.scrollToNow();
        else if (a.date) this.setDate(a.date);
        return;
      case "zoom":
        this.zoom = a.zoom;
        saveZoom(storage(), a.zoom);
        return;
      case "mode":
        this.mode = a.mode;
        return;
      case "language":
        this.setLanguage(a.language);
        return;
      case "book":
        this.form = { card: null, prefill: { date: this.date } };
        return;
      case "undoLast": {
        const last = lastChange();
        if (last) void this.undo(last);
        return;
      }
    }
  }

  private renderMain() {
    const s = this.conn.state;
    if (!s || s.date !== this.date || !this.actorRead) return html`<div class="loading" role="status">${this.msg("admin.loading")}</div>`;
    const cards = this.visibleCards();
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
            .pending=${this.optimistic.ids()}
            .selectedId=${this.selectedId}
            .zoom=${this.zoom}
            .readOnly=${this.readOnly}
            @admin-card-select=${(e: CustomEvent<{ id: number }>) => (this.selectedId = e.detail.id)}
            @admin-card-move=${this.onMove}
            @admin-slot-book=${this.onSlotBook}
          ></admin-board>
          ${selected
            ? html`<admin-card-panel
                .appointment=${selected}
                .board=${s}
                .overlaps=${overlapsOf(selected, cards, s.advisors, s.settings)}
                .language=${this.language}
                .readOnly=${this.readOnly}
                @admin-card-action=${this.onAction}
                @admin-panel-close=${() => (this.selectedId = null)}
              ></admin-card-panel>`
            : nothing}`;
      }
      default:
        return renderPage(this.tab, {
          board: s,
          language: this.language,
          minute,
          now: this.conn.serverNow(),
          send: this.send,
          phoneFor: this.phoneFor,
          onAction: (e) => void this.onAction(e),
          book: (b) => (this.form = { card: null, prefill: { date: this.date, ...b.prefill }, entry: b.entry }),
          openPeople: (advisorId) => {
            this.phoneFor = advisorId;
            this.tab = "console";
          },
        });
    }
  }

  override render() {
    const s = this.conn.state;
    return html`<admin-toolbar
        .siteName=${s?.settings.siteName ?? ""}
        .tab=${this.tab}
        .date=${this.date}
        .today=${this.today()}
        .zoom=${this.zoom}
        .mode=${this.mode}
        .language=${this.language}
        .status=${this.conn.status}
        .canUndo=${lastChange() !== null}
        .readOnly=${this.readOnly}
        @admin-toolbar-action=${this.onToolbar}
        @admin-search-hits=${this.onSearchHits}
      ></admin-toolbar>
      ${s && this.actorRead && !this.readOnly
        ? html`<arrival-alerts .appointments=${s.appointments} .advisors=${s.advisors} .actor=${this.actor} .language=${this.language}
            @arrival-alert-acknowledge=${(e: CustomEvent<{ id: number; version: number }>) =>
              void this.send({ type: "appointment.acknowledge_alert", ...e.detail }, "alert.toast")}></arrival-alerts>`
        : nothing}
      ${s ? html`<unconfirmed-banner .settings=${s.settings} .revision=${s.revision} .minute=${Math.floor(this.conn.serverNow() / 60_000) * 60_000} .language=${this.language}></unconfirmed-banner>` : nothing}
      <main>${this.renderMain()}</main>
      ${this.form && s
        ? html`<admin-booking-form
            .board=${s}
            .appointment=${this.form.card}
            .prefill=${this.form.prefill}
            .fromEntry=${this.form.entry ?? null}
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

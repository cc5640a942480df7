import { LitElement, css, html, nothing } from "lit";
import { localParts } from "../shared/rules/zoned-time.js";
import { customElement, property, state } from "lit/decorators.js";
import type { Appointment } from "../shared/schemas/appointment.js";
import type { BoardSnapshot } from "../shared/schemas/board.js";
import type { Language } from "../shared/schemas/common.js";
import type { StatusAction } from "../shared/schemas/commands.js";
import type { Overlap } from "../shared/rules/overlaps.js";
import { refusalOf } from "../shared/rules/status.js";
import { categoryName } from "../shared/i18n/job-categories.js";
import { cardMarks, markText } from "../display/card-view.js";
import { formatTimeOfDay } from "../shared/i18n/dates.js";
import { t } from "../shared/i18n/messages.js";
import { customerText, describePosition } from "./card-text.js";
import { fetchHistory, type HistoryEntry } from "./staff-api.js";
import { queueLabel } from "../shared/i18n/queue-number.js";
import { printRoofSigns } from "../display/print-roof-signs.js";

export type CardAction = StatusAction | "edit" | "undo";

declare global {
  interface HTMLElementTagNameMap {
    "admin-card-panel": AdminCardPanel;
  }
  interface HTMLElementEventMap {
    "admin-card-action": CustomEvent<{ id: number; action: CardAction }>;
    "admin-panel-close": CustomEvent<void>;
  }
}

const ACTIONS: StatusAction[] = ["arrive", "confirm", "greet", "start", "complete", "no_show", "cancel", "reopen"];

/** The selected card: everything on it, what overlaps it, the actions its status allows, and its history one click away. */
@customElement("admin-card-panel")
export class AdminCardPanel extends LitElement {
  @property({ attribute: false }) appointment!: Appointment;
  @property({ attribute: false }) board!: BoardSnapshot;
  @property({ attribute: false }) overlaps: Overlap[] = [];
  @property() language: Language = "zh-CN";
  /** Only what the card is and its history: none of the steps, edits or undo (role group). */
  @property({ type: Boolean }) readOnly = false;
  @state() private history: HistoryEntry[] | null = null;
  @state() private showHistory = false;

  static override styles = css`
    :host {
      display: block;
      padding: 0.8em;
      background: var(--mb-surface);
    }
    h2 {
      font-size: 1.1em;
      margin: 0 0 0.3em;
    }
    dl {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0.2em 0.8em;
      margin: 0.5em 0;
    }
    dt {
      color: var(--mb-text-muted);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3em;
      margin: 0.6em 0;
    }
    button {
      font: inherit;
      padding: 0.35em 0.7em;
      border-radius: 0.35em;
      border: 1px solid var(--mb-line);
      background: var(--mb-card-bg);
      color: var(--mb-text);
      cursor: pointer;
      min-height: 2.2em;
    }
    button:disabled {
      opacity: 0.45;
      cursor: default;
    }
    .warn {
      color: var(--mb-over);
      font-weight: 700;
    }
    ol {
      padding-left: 1.2em;
      margin: 0.4em 0;
    }
    li {
      margin-bottom: 0.3em;
    }
    .close {
      float: right;
    }
  `;

  override willUpdate(changed: Map<string, unknown>): void {
    const prev = changed.get("appointment") as Appointment | undefined;
    if (changed.has("appointment") && (prev?.id !== this.appointment.id || prev?.version !== this.appointment.version)) {
      this.history = null;
      if (this.showHistory) void this.loadHistory();
    }
  }

  private async loadHistory(): Promise<void> {
    const id = this.appointment.id;
    const h = await fetchHistory(id);
    if (this.appointment.id === id) this.history = h ?? [];
  }

  private act(action: CardAction): void {
    this.dispatchEvent(new CustomEvent("admin-card-action", { detail: { id: this.appointment.id, action }, bubbles: true, composed: true }));
  }

  private entryText(e: HistoryEntry): string {
    const lang = this.language;
    const when = formatTimeOfDay(Date.parse(e.at), this.board.settings.timeZone);
    const where = e.after ? describePosition(lang, e.after, this.board.advisors, this.board.bays) : "";
    const date = localParts(Date.parse(e.at), this.board.settings.timeZone).date;
    return t(lang, "admin.history.entry", { date, time: when, who: e.actor, action: t(lang, actionKey(e.action)), where });
  }

  /** The card's steps, edit, undo and roof sign: what a reader of the board is not offered. */
  private actions() {
    const a = this.appointment;
    const lang = this.language;
    return html`<div class="actions">
      ${ACTIONS.map((action) => html`<button data-action=${action} ?disabled=${refusalOf(action, a) !== null} @click=${() => this.act(action)}>${t(lang, `step.action.${action}`)}</button>`)}
      <button data-action="edit" @click=${() => this.act("edit")}>${t(lang, "admin.action.edit")}</button>
      <button data-action="undo" @click=${() => this.act("undo")}>${t(lang, "admin.action.undoLatest")}</button>
      <button data-action="roof-sign" ?disabled=${a.status === "cancelled"}
        @click=${() => void printRoofSigns(document, { cards: [a], advisors: this.board.advisors, language: lang })}>${t(lang, "roof.print.one")}</button>
    </div>`;
  }

  override render() {
    const a = this.appointment;
    const lang = this.language;
    const s = this.board;
    const p = a.preparation;
    const marks = (["partsNeeded", "partsReady", "repeatRepair", "complaint", "needsRoadTest"] as const).filter((k) => p[k]);
    return html`<button class="close" aria-label=${t(lang, "admin.close")} @click=${() => this.dispatchEvent(new CustomEvent("admin-panel-close", { bubbles: true, composed: true }))}>×</button>
      <h2>${customerText(lang, a)} · ${a.plate}</h2>
      <div>${describePosition(lang, a, s.advisors, s.bays)}</div>
      ${this.overlaps.length > 0
        ? html`<ul class="warn" role="alert">${this.overlaps.map((o) => html`<li>⚠ ${t(lang, `board.overlap.${o.kind}`)}</li>`)}</ul>`
        : nothing}
      <dl>
        <dt>${t(lang, "roof.field.queueNumber")}</dt><dd class="queue-number">${queueLabel(lang, a)}</dd>
        <dt>${t(lang, "admin.field.phone")}</dt><dd>${a.phone}</dd>
        <dt>${t(lang, "admin.field.vehicleModel")}</dt><dd>${a.vehicleModel}</dd>
        <dt>${t(lang, "admin.field.mileageKm")}</dt><dd>${a.mileageKm ?? ""}</dd>
        <dt>${t(lang, "admin.field.workRequested")}</dt><dd>${a.workRequested}</dd>
        <dt>${t(lang, "reception.field.jobCategory")}</dt><dd>${categoryName(lang, s.settings.jobCategories, a.jobCategory)}</dd>
        ${cardMarks(a).length > 0 ? html`<dt>${t(lang, "reception.marks")}</dt><dd>${cardMarks(a).map((m) => markText(lang, m)).join(" · ")}</dd>` : nothing}
        <dt>${t(lang, "admin.field.durationMinutes")}</dt><dd>${t(lang, "admin.minutes", { minutes: a.durationMinutes })}</dd>
        <dt>${t(lang, "admin.field.source")}</dt><dd>${t(lang, `admin.source.${a.source}`)} · ${t(lang, `admin.initiatedBy.${a.initiatedBy}`)}</dd>
        <dt>${t(lang, "admin.field.estimate")}</dt><dd>${a.estimatedMinutes ?? "–"} / ${a.estimatedAmount ?? "–"}</dd>
        <dt>${t(lang, "admin.field.preparation")}</dt><dd>${marks.map((k) => t(lang, `admin.prep.${k}`)).join(" · ")}</dd>
        <dt>${t(lang, "admin.field.notes")}</dt><dd>${a.notes}</dd>
      </dl>
      ${this.readOnly ? nothing : this.actions()}
      <button
        aria-expanded=${this.showHistory}
        @click=${() => {
          this.showHistory = !this.showHistory;
          if (this.showHistory && this.history === null) void this.loadHistory();
        }}
      >${t(lang, "admin.history")}</button>
      ${this.showHistory
        ? html`<ol class="history">${(this.history ?? []).map((e) => html`<li>${this.entryText(e)}</li>`).reverse()}</ol>`
        : nothing}`;
  }
}

/** The audit log's action names as the history shows them. */
export function actionKey(action: string) {
  switch (action) {
    case "appointment.create":
    case "appointment.update":
    case "appointment.move":
    case "appointment.restore":
    case "appointment.import":
    case "appointment.confirm":
    case "appointment.no_show":
    case "appointment.cancel":
    case "appointment.reopen":
    case "appointment.mark_late":
    case "appointment.mark_no_show":
      return `admin.audit.${action.slice("appointment.".length) as AuditVerb}` as const;
    // the steps after arrival carry the same name in the history as on their buttons
    case "appointment.arrive":
    case "appointment.greet":
    case "appointment.start":
    case "appointment.complete":
      return `step.action.${action.slice("appointment.".length) as "arrive" | "greet" | "start" | "complete"}` as const;
    case "appointment.mark_greeting_overdue":
      return "step.audit.mark_greeting_overdue" as const;
    default:
      return "admin.audit.other" as const;
  }
}

type AuditVerb = "create" | "update" | "move" | "restore" | "import" | "confirm" | "no_show" | "cancel" | "reopen" | "mark_late" | "mark_no_show";

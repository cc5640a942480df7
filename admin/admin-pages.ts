import { html, type TemplateResult } from "lit";
import type { BoardSnapshot } from "../shared/schemas/board.js";
import type { Language } from "../shared/schemas/common.js";
import type { StatusAction } from "../shared/schemas/commands.js";
import type { SendCommand } from "./staff-api.js";
import type { Tab } from "./admin-toolbar.js";
import type { CallInBooking } from "./admin-call-lists.js";
import "./admin-day-before.js";
import "./admin-reception.js";
import "./admin-day-sheet.js";
import "./admin-import.js";
import "./admin-master-data.js";
import "./admin-call-lists.js";
import "./admin-register.js";
import "./admin-console.js";

/** A card's step, edit or undo asked for on a page or the card panel. */
export type CardActionEvent = CustomEvent<{ id: number; action: StatusAction | "edit" | "undo" }>;

/** What the editor's pages beside the board need from it: the day, the language, the one way to send, and where they lead. */
export interface PageContext {
  board: BoardSnapshot;
  language: Language;
  /** The server's clock, to the minute and exactly. */
  minute: number;
  now: number;
  send: SendCommand;
  /** An advisor whose phone account the console is to create, when opened from the advisor's form. */
  phoneFor: number | null;
  onAction(e: CardActionEvent): void;
  book(booking: CallInBooking): void;
  openPeople(advisorId: number): void;
}

/** Every tab of the editor but the board itself. */
export function renderPage(tab: Exclude<Tab, "board">, c: PageContext): TemplateResult {
  const s = c.board;
  switch (tab) {
    case "dayBefore":
      return html`<admin-day-before class="page" .board=${s} .now=${c.minute} .language=${c.language} .send=${c.send}
        @admin-card-action=${c.onAction}></admin-day-before>`;
    case "reception":
      return html`<admin-reception class="page" .board=${s} .language=${c.language} .send=${c.send} .now=${c.now}
        @admin-card-action=${c.onAction}></admin-reception>`;
    case "sheet":
      return html`<admin-day-sheet class="page" .board=${s} .language=${c.language}></admin-day-sheet>`;
    case "import":
      return html`<admin-import class="page" .board=${s} .language=${c.language} .send=${c.send}></admin-import>`;
    case "callLists":
      return html`<admin-call-lists class="page" .language=${c.language} .timeZone=${s.settings.timeZone} .send=${c.send}
        @callin-book=${(e: CustomEvent<CallInBooking>) => c.book(e.detail)}></admin-call-lists>`;
    case "register":
      return html`<admin-register class="page" .language=${c.language} .send=${c.send}></admin-register>`;
    case "settings":
      return html`<admin-master-data class="page" .board=${s} .language=${c.language} .send=${c.send}
        @admin-open-people=${(e: CustomEvent<{ advisorId: number }>) => c.openPeople(e.detail.advisorId)}></admin-master-data>`;
    case "reports":
      // the charting library is loaded with the reports only, as the console loads it
      void import("./admin-reports.js");
      return html`<admin-reports class="page" .language=${c.language}></admin-reports>`;
    case "console":
      return html`<admin-console class="page" .advisors=${s.advisors} .language=${c.language} .timeZone=${s.settings.timeZone}
        .siteName=${s.settings.siteName} .forAdvisor=${c.phoneFor}></admin-console>`;
  }
}

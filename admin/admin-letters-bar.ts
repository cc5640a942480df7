import { LitElement, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Language } from "../shared/schemas/common.js";
import { MAX_CONTACT_BATCH, type ContactBatch, type ContactKind } from "../shared/schemas/letters.js";
import { t } from "../shared/i18n/messages.js";
import { errorText } from "../shared/i18n/errors.js";
import type { SendCommand } from "./staff-api.js";
import type { CallEntryView } from "./call-in-api.js";
import { fetchBatch, lettersPageUrl, textsCsvUrl } from "./letters-api.js";
import { formStyles } from "./admin-form-styles.js";
import { callInStyles } from "./call-in-styles.js";

declare global {
  interface HTMLElementTagNameMap {
    "admin-letters-bar": AdminLettersBar;
  }
  interface HTMLElementEventMap {
    /** Letters or texts were recorded: the list's entries changed. */
    "letters-sent": CustomEvent<{ batchId: number }>;
  }
}

/** Entries that may get a letter or text now: open, without one of that kind yet (and with a phone, for a text). */
export function contactable(entries: readonly CallEntryView[], kind: ContactKind): CallEntryView[] {
  return entries
    .filter((e) => e.state === "open" && (kind === "letter" ? e.letterAt === null : e.textAt === null && (e.customer?.phone ?? "") !== ""))
    .slice(0, MAX_CONTACT_BATCH);
}

/**
 * A list's letters and texts: record a batch for the entries not written to yet (each gets its
 * follow-up call about two weeks later), then open the letters' print page, or download the texts
 * for the SMS gateway and follow each text's way through the hook, sending a failed one again.
 */
@customElement("admin-letters-bar")
export class AdminLettersBar extends LitElement {
  @property() language: Language = "zh-CN";
  @property({ attribute: false }) send!: SendCommand;
  @property({ attribute: false }) entries: readonly CallEntryView[] = [];
  @state() private batch: ContactBatch | null = null;
  @state() private message = "";

  static override styles = [formStyles, callInStyles];

  private async record(kind: ContactKind): Promise<void> {
    const entryIds = contactable(this.entries, kind).map((e) => e.id);
    if (entryIds.length === 0) return;
    const ack = await this.send({ type: "letters.send", kind, entryIds, language: this.language }, kind === "letter" ? "letters.toast.letters" : "letters.toast.texts");
    if (!ack.ok) {
      this.message = ack.error.field === "hotline" ? t(this.language, "letters.error.hotline") : errorText(this.language, ack.error);
      return;
    }
    this.message = "";
    const id = (ack.data.record as { id: number }).id;
    this.batch = await fetchBatch(id);
    this.dispatchEvent(new CustomEvent("letters-sent", { detail: { batchId: id }, bubbles: true, composed: true }));
  }

  private async retry(id: number): Promise<void> {
    const ack = await this.send({ type: "letters.retry_text", id }, "letters.toast.retry");
    if (!ack.ok) this.message = errorText(this.language, ack.error);
    if (this.batch) this.batch = await fetchBatch(this.batch.id);
  }

  private renderBatch(b: ContactBatch) {
    const lang = this.language;
    if (b.kind === "letter") {
      return html`<p><a href=${lettersPageUrl(b.id)} target="_blank" rel="noopener">${t(lang, "letters.open", { id: b.id, count: b.sends.length })}</a></p>
        <p class="note">${t(lang, "letters.printHint")}</p>`;
    }
    return html`<p>
        <a href=${textsCsvUrl(b.id)} download>${t(lang, "letters.csv")}</a> ·
        <button @click=${async () => (this.batch = await fetchBatch(b.id))}>${t(lang, "letters.batch.title", { id: b.id, count: b.sends.length })}</button>
      </p>
      <ul>
        ${b.sends
          .filter((s) => s.hookState !== "sent")
          .slice(0, 50)
          .map(
            (s) => html`<li>
              ${s.plate} ${s.phone} · ${s.hookState === "failed" ? t(lang, "letters.hook.failed", { error: s.hookError }) : t(lang, `letters.hook.${s.hookState}`)}
              ${s.hookState === "failed" ? html`<button @click=${() => void this.retry(s.id)}>${t(lang, "letters.retry")}</button>` : nothing}
            </li>`,
          )}
      </ul>`;
  }

  override render() {
    const lang = this.language;
    const letters = contactable(this.entries, "letter").length;
    const texts = contactable(this.entries, "text").length;
    return html`<div class="bar">
        <button ?disabled=${letters === 0} @click=${() => void this.record("letter")}>${t(lang, "letters.print", { count: letters })}</button>
        <button ?disabled=${texts === 0} @click=${() => void this.record("text")}>${t(lang, "letters.texts", { count: texts })}</button>
      </div>
      ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing} ${this.batch ? this.renderBatch(this.batch) : nothing}`;
  }
}

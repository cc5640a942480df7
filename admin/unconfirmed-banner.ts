import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Language } from "../shared/schemas/common.js";
import type { Settings } from "../shared/schemas/settings.js";
import { pastClosing } from "../shared/rules/confirmation.js";
import { addDays, localParts } from "../shared/rules/zoned-time.js";
import { t } from "../shared/i18n/messages.js";
import { fetchConfirmations } from "./call-in-api.js";
import { LatestAnswer } from "../login/staff-api.js";

declare global {
  interface HTMLElementTagNameMap {
    "unconfirmed-banner": UnconfirmedBanner;
  }
}

/**
 * From the site's closing time (by the server's clock), how many of tomorrow's appointments are
 * still unconfirmed, on whatever page the editor shows; gone once all are called.
 */
@customElement("unconfirmed-banner")
export class UnconfirmedBanner extends LitElement {
  @property({ attribute: false }) settings!: Settings;
  /** The server's clock, to the minute; a new minute asks again. */
  @property({ attribute: false }) minute = 0;
  /** The board's revision: a confirmation or cancellation anywhere asks again. */
  @property({ attribute: false }) revision = 0;
  @property() language: Language = "zh-CN";
  @state() private count = 0;
  private asked = "";
  private readonly answers = new LatestAnswer();

  static override styles = css`
    p {
      margin: 0;
      padding: 0.4em 0.8em;
      background: var(--mb-late);
      color: var(--mb-pill-text);
      font-weight: 700;
    }
  `;

  override willUpdate(): void {
    const key = `${this.minute}:${this.revision}`;
    if (key === this.asked) return;
    this.asked = key;
    const latest = this.answers.ask();
    const local = localParts(this.minute, this.settings.timeZone);
    if (!pastClosing(local.minutesOfDay, this.settings)) {
      this.count = 0;
      return;
    }
    void fetchConfirmations(addDays(local.date, 1)).then((got) => {
      if (got && latest()) this.count = got.unconfirmed;
    });
  }

  override render() {
    return this.count > 0 ? html`<p role="status">${t(this.language, "callin.closing.unconfirmed", { count: this.count })}</p>` : nothing;
  }
}

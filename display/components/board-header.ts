import { LitElement, css, html, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import type { Language } from "../../shared/schemas/common.js";
import { t } from "../../shared/i18n/board-messages.js";
import { formatClock, formatLongDate } from "../../shared/i18n/dates.js";
import type { DayCounts } from "../card-view.js";
import { TickController } from "../tick-controller.js";

declare global {
  interface HTMLElementTagNameMap {
    "board-header": BoardHeader;
  }
}

/** Past this many pages the dots say no more than "第 3/27 页" does, and would push the site's name out. */
const MAX_DOTS = 8;

const NO_COUNTS: DayCounts = { total: 0, walkIns: 0, arrived: 0, late: 0, noShow: 0, toCome: 0 };

/**
 * The board's heading: site name, the date with its weekday, a clock running on the server's time
 * in the site's zone, and the day's counts. Only this element re-renders every second.
 */
@customElement("board-header")
export class BoardHeader extends LitElement {
  @property() siteName = "";
  @property() date = "";
  @property() timeZone = "UTC";
  @property() language: Language = "zh-CN";
  @property({ attribute: false }) counts: DayCounts = NO_COUNTS;
  /** Which page the TV shows ("第 1/3 页 · 09:00–13:59") and how many there are; no indicator with one page. */
  @property({ attribute: false }) page: { index: number; count: number; label: string } | null = null;
  /** The server's clock, ms since epoch. */
  @property({ attribute: false }) serverNow: () => number = Date.now;

  constructor() {
    super();
    new TickController(this, 1_000, () => this.serverNow());
  }

  static override styles = css`
    :host {
      display: flex;
      align-items: center;
      gap: 1em;
      font-family: var(--mb-font);
      font-size: var(--mb-font-size);
      color: var(--mb-text);
      min-width: 0;
    }
    .site {
      font-size: 1.35em;
      font-weight: 700;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      min-width: 0;
      flex: 0 1 auto;
    }
    .date {
      font-size: 1.15em;
      white-space: nowrap;
    }
    /* the one thing that changes every second: a box of fixed size (HH:mm:ss in tabular digits is at
       most 8ch) that contains its own layout, so its new text never re-lays out the header or the board */
    .clock {
      display: inline-block;
      box-sizing: content-box;
      width: 8ch;
      /* the CJK system font's content area is about 1.46em: the line's "normal" height before the box */
      height: 1.5em;
      line-height: 1.5em;
      text-align: center;
      contain: strict;
      font-size: 1.6em;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .pages {
      display: flex;
      align-items: center;
      gap: 0.3em;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .dot {
      width: 0.5em;
      height: 0.5em;
      border-radius: 50%;
      border: 0.08em solid var(--mb-text);
      box-sizing: border-box;
    }
    .dot.on {
      background: var(--mb-text);
    }
    .counts {
      display: flex;
      gap: 0.8em;
      margin-left: auto;
      white-space: nowrap;
    }
    .count {
      display: flex;
      align-items: baseline;
      gap: 0.25em;
    }
    .count b {
      font-size: 1.35em;
      font-variant-numeric: tabular-nums;
    }
    .count.late b {
      color: var(--mb-late);
    }
    .count.arrived b {
      color: var(--mb-arrived);
    }
    .count.noShow b {
      color: var(--mb-no-show);
    }
  `;

  override render() {
    const c = this.counts;
    const count = (key: keyof DayCounts, label: Parameters<typeof t>[1]) =>
      html`<span class="count ${key}" data-count=${key}><span>${t(this.language, label)}</span><b>${c[key]}</b></span>`;
    return html`
      <span class="site">${this.siteName}</span>
      <span class="date">${this.date ? formatLongDate(this.language, this.date) : ""}</span>
      <span class="clock" aria-label="clock">${formatClock(this.serverNow(), this.timeZone)}</span>
      ${this.page && this.page.count > 1
        ? html`<span class="pages" role="status">
            ${this.page.count <= MAX_DOTS ? Array.from({ length: this.page.count }, (_, i) => html`<span class="dot ${i === this.page!.index ? "on" : ""}"></span>`) : nothing}
            <span>${this.page.label}</span>
          </span>`
        : nothing}
      <span class="counts">
        ${count("total", "display.counts.total")} ${count("arrived", "display.counts.arrived")} ${count("late", "display.counts.late")}
        ${count("noShow", "display.counts.noShow")} ${count("toCome", "display.counts.toCome")}
        ${c.walkIns > 0 ? count("walkIns", "display.counts.walkIns") : ""}
      </span>
    `;
  }
}

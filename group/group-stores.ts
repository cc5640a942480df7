import { LitElement, css, html, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import type { Language } from "../shared/schemas/common.js";
import { t, type MessageKey } from "../shared/i18n/messages.js";
import { pageUrl, prefixOfSite } from "../display/site-path.js";
import type { StoreToday } from "./group-api.js";

declare global {
  interface HTMLElementTagNameMap {
    "group-stores": GroupStores;
  }
}

type Figure = "total" | "arrived" | "late" | "noShow" | "completed";

const FIGURES: { key: Figure; label: MessageKey }[] = [
  { key: "total", label: "group.col.total" },
  { key: "arrived", label: "group.col.arrived" },
  { key: "late", label: "group.col.late" },
  { key: "noShow", label: "group.col.noShow" },
  { key: "completed", label: "group.col.completed" },
];

/**
 * The group's stores as one table: a row a store, its today's figures, and links to its TV and its
 * read-only board. At a desk (1366–1920 wide) it is a table; on a phone each row becomes a block
 * with the name and links on top and the five figures labelled beneath. The table's roles are
 * written out because a table laid out as blocks loses them in some browsers.
 */
@customElement("group-stores")
export class GroupStores extends LitElement {
  @property({ attribute: false }) stores: readonly StoreToday[] = [];
  @property() language: Language = "zh-CN";

  static override styles = css`
    :host {
      display: block;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      background: var(--mb-surface);
      font-variant-numeric: tabular-nums;
    }
    caption {
      text-align: start;
      padding: 0 0 0.6rem;
      color: var(--mb-text-muted);
    }
    th,
    td {
      padding: 0.65rem 0.9rem;
      border-bottom: 1px solid var(--mb-line);
      text-align: start;
      vertical-align: middle;
    }
    thead th {
      position: sticky;
      top: 0;
      background: var(--mb-surface);
      font-weight: 600;
      color: var(--mb-text-muted);
      border-bottom-width: 2px;
    }
    .n {
      text-align: end;
    }
    td.n .v {
      font-size: 1.25rem;
      font-weight: 600;
    }
    td.warn .v {
      color: var(--mb-late);
    }
    tbody th {
      font-weight: 600;
      font-size: 1.1rem;
    }
    tfoot th,
    tfoot td {
      font-weight: 700;
      border-bottom: 0;
      background: var(--mb-surface-past);
    }
    .slug {
      display: block;
      font-size: 0.85rem;
      font-weight: 400;
      color: var(--mb-text-muted);
    }
    .label {
      display: none;
    }
    .links {
      white-space: nowrap;
    }
    .links a {
      display: inline-block;
      min-height: 2.75rem;
      box-sizing: border-box;
      padding: 0.6rem 0.9rem;
      margin-inline-end: 0.4rem;
      border: 1px solid var(--mb-line);
      border-radius: 0.4rem;
      color: #0b5394;
      text-decoration: none;
      font-weight: 600;
    }
    .links a:hover,
    .links a:focus-visible {
      background: #e3edf9;
      text-decoration: underline;
    }
    /* a phone: each store a block, its figures labelled in a row of five */
    @media (max-width: 47.99rem) {
      table,
      tbody,
      tfoot,
      tr,
      th,
      td {
        display: block;
      }
      thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
      caption {
        display: block;
        padding: 0.4rem 0.8rem 0.6rem;
      }
      tr {
        display: grid;
        grid-template-columns: repeat(5, 1fr);
        gap: 0.2rem 0.3rem;
        padding: 0.7rem 0.8rem;
        border-bottom: 1px solid var(--mb-line);
      }
      th,
      td {
        padding: 0;
        border: 0;
      }
      tr > th {
        grid-column: 1 / -1;
      }
      /* a label that wraps (English) makes its row taller: the figures stay on one line at the foot */
      td.n {
        display: flex;
        flex-direction: column;
        justify-content: space-between;
        text-align: center;
      }
      .label {
        display: block;
        font-size: 0.78rem;
        color: var(--mb-text-muted);
        line-height: 1.2;
      }
      td.links {
        grid-column: 1 / -1;
        white-space: normal;
        display: flex;
        gap: 0.5rem;
        margin-top: 0.3rem;
      }
      td.links a {
        flex: 1;
        text-align: center;
        margin: 0;
      }
      tfoot td:last-child {
        display: none;
      }
    }
  `;

  private msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.language, key, params);
  }

  private figure(key: Figure, value: number) {
    const warn = (key === "late" || key === "noShow") && value > 0;
    return html`<td role="cell" class="n ${warn ? "warn" : ""}" data-figure=${key}>
      <span class="label" aria-hidden="true">${this.msg(FIGURES.find((f) => f.key === key)!.label)}</span><span class="v">${value}</span>
    </td>`;
  }

  private row(s: StoreToday) {
    const prefix = prefixOfSite(s.slug);
    return html`<tr role="row" data-site=${s.slug}>
      <th role="rowheader" scope="row">${s.name}<span class="slug">${s.slug} · ${s.date}</span></th>
      ${FIGURES.map((f) => this.figure(f.key, s[f.key]))}
      <td role="cell" class="links">
        <a href=${pageUrl("display", prefix)} data-link="display" aria-label=${this.msg("group.link.tvOf", { store: s.name })}>${this.msg("group.link.tv")}</a
        ><a href=${pageUrl("admin", prefix)} data-link="admin" aria-label=${this.msg("group.link.boardOf", { store: s.name })}>${this.msg("group.link.board")}</a>
      </td>
    </tr>`;
  }

  override render() {
    if (this.stores.length === 0) return html`<p>${this.msg("group.none")}</p>`;
    const sum = (k: Figure) => this.stores.reduce((n, s) => n + s[k], 0);
    return html`<table role="table">
      <caption>${this.msg("group.stores.caption")}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th role="columnheader" scope="col">${this.msg("group.col.store")}</th>
          ${FIGURES.map((f) => html`<th role="columnheader" scope="col" class="n">${this.msg(f.label)}</th>`)}
          <th role="columnheader" scope="col">${this.msg("group.col.open")}</th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        ${this.stores.map((s) => this.row(s))}
      </tbody>
      ${this.stores.length > 1
        ? html`<tfoot role="rowgroup">
            <tr role="row" data-total>
              <th role="rowheader" scope="row">${this.msg("group.total")}</th>
              ${FIGURES.map((f) => this.figure(f.key, sum(f.key)))}
              <td role="cell"></td>
            </tr>
          </tfoot>`
        : nothing}
    </table>`;
  }
}

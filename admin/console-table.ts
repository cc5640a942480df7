import { css, html, nothing } from "lit";
import type { Language } from "../shared/schemas/common.js";
import { t } from "../shared/i18n/messages.js";
import { fieldLabel } from "../shared/i18n/errors.js";
import type { FieldProblem } from "./field-problems.js";
import { localParts } from "../shared/rules/zoned-time.js";

/** The console's lists (people, tokens, displays, history): one look for its tables. */
export const consoleTableStyles = css`
  table {
    border-collapse: collapse;
    width: 100%;
    margin: 0.5em 0;
  }
  th,
  td {
    text-align: left;
    padding: 0.35em 0.5em;
    border-bottom: 1px solid var(--mb-line);
    vertical-align: top;
  }
  td select,
  td button {
    margin: 0 0.3em 0.2em 0;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
`;

/** A stored instant as the site reads it (its zone, not the browser's): `2026-11-27 09:00`. */
export function siteTime(iso: string, timeZone: string): string {
  const p = localParts(new Date(iso), timeZone);
  return `${p.date} ${p.time}`;
}

/** A form's field problems, each with the field as the screen names it, in the user's language. */
export function problemAlert(lang: Language, problems: ReadonlyMap<string, FieldProblem>) {
  if (problems.size === 0) return nothing;
  return html`<div class="error" role="alert">${[...problems.values()].map((p) => html`<div>${fieldLabel(lang, p.field)}: ${t(lang, p.key, p.params)}</div>`)}</div>`;
}

/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell that Excel, WPS or LibreOffice
 * reads as a formula can run commands or send the sheet's data away when a colleague opens an
 * export. Such a cell gets a leading `'`, which every one of them shows as text.
 */

/**
 * What may stand before a formula sign and still be skipped, by a spreadsheet or by the eye:
 * white space (including the ideographic space), control characters (NUL), format characters
 * (zero-width space and joiners, bidi marks, BOM, soft hyphen) and the invisible Hangul fillers.
 */
const INVISIBLE = /^[\s\p{Cc}\p{Cf}\u034f\u115f\u1160\u3164\uffa0]+/u;

/** Signs that start a formula once NFKC has folded their full-width and small forms (＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫). */
const FORMULA_SIGNS = new Set(["=", "+", "-", "@", "\u2212"]);

/** Whether a spreadsheet could read this text as a formula. */
export function couldBeFormula(text: string): boolean {
  // OWASP lists a leading tab or carriage return as dangerous in itself
  if (/^[\t\r\n]/.test(text)) return true;
  const first = Array.from(text.replace(INVISIBLE, ""))[0];
  return first !== undefined && FORMULA_SIGNS.has(first.normalize("NFKC").charAt(0));
}

/** The text as a cell no spreadsheet runs: with a leading `'` when it could be a formula. */
export function defuseFormula(text: string): string {
  return couldBeFormula(text) ? `'${text}` : text;
}

/** Undoes `defuseFormula` on a cell read back from a CSV (a magboard export, or a DMS that does the same). */
export function undefuseFormula(cell: string): string {
  return cell.startsWith("'") && couldBeFormula(cell.slice(1)) ? cell.slice(1) : cell;
}

/** One CSV cell: RFC 4180 quoting, and a text a spreadsheet could run as a formula defused with a leading quote. */
export function csvCell(v: string | number | null): string {
  if (v === null) return "";
  const s = typeof v === "string" ? defuseFormula(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

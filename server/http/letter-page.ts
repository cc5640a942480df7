import type { ContactBatch } from "../../shared/schemas/letters.js";
import { csvCell } from "../../shared/csv-formula.js";
import { t } from "../../shared/i18n/messages.js";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * One letter as HTML: its first line is the heading (定期保养温馨提醒), blank lines part paragraphs,
 * and a line break inside a paragraph stays one (the car's plate, last and this service).
 */
function letterHtml(message: string): string {
  const [heading = "", ...rest] = message.trim().split("\n");
  const paragraphs = rest
    .join("\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => `<p>${p.split("\n").map(escapeHtml).join("<br>")}</p>`);
  return `<article class="letter"><h1>${escapeHtml(heading.trim())}</h1>${paragraphs.join("")}</article>`;
}

/**
 * A batch of letters as a page to print: A4, one letter a page (letter.css), no script, so the
 * server's content security policy holds. The editor opens it and calls the browser's print.
 */
export function letterBatchPage(batch: ContactBatch): string {
  const lang = batch.language;
  const title = t(lang, "letters.batch.title", { id: batch.id, count: batch.sends.length });
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="/api/letters/letter.css"></head>
<body>
<p class="hint">${escapeHtml(t(lang, "letters.printHint"))}</p>
<main>${batch.sends.map((s) => letterHtml(s.message)).join("\n")}</main>
</body>
</html>
`;
}

/** A4 portrait with a letter's margins; each letter starts a page and none is split from its heading. */
export const LETTER_CSS = `@page { size: A4; margin: 22mm 20mm; }
html { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", "SimSun", serif; color: #000; background: #fff; }
body { margin: 0; }
.letter { font-size: 12pt; line-height: 1.75; max-width: 170mm; margin: 0 auto; break-after: page; page-break-after: always; }
.letter:last-child { break-after: auto; page-break-after: auto; }
.letter h1 { font-size: 18pt; text-align: center; margin: 0 0 1.2em; letter-spacing: 0.1em; }
.letter p { margin: 0 0 0.9em; break-inside: avoid; }
.hint { display: none; }
@media screen {
  body { background: #e8e8e8; padding: 1em 0; }
  .hint { display: block; text-align: center; margin: 0 0 1em; }
  .letter { background: #fff; padding: 22mm 20mm; box-sizing: border-box; max-width: 210mm; min-height: 297mm; margin: 0 auto 1em; box-shadow: 0 1px 4px rgb(0 0 0 / 30%); }
}
`;

/** The texts of a batch for the dealer's SMS gateway: phone and message, UTF-8 with BOM for Excel, formula cells defused. */
export function textsCsv(batch: ContactBatch): string {
  const lines = ["phone,message", ...batch.sends.map((s) => `${csvCell(s.phone)},${csvCell(s.message)}`)];
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

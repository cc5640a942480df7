import { css } from "lit";
import type { Appointment } from "../shared/schemas/appointment.js";
import type { Advisor } from "../shared/schemas/advisor.js";
import type { Language } from "../shared/schemas/common.js";
import "./components/roof-signs.js";

/**
 * The printed page for roof signs: A4 portrait without margins (each sign keeps its own), and
 * nothing of the page but the signs. Adopted by the document rather than a <style> element, which
 * the content security policy refuses; @page only works at the document's level.
 */
const PRINT_PAGE = css`
  @page {
    size: A4 portrait;
    margin: 0;
  }
  @media print {
    body:has(> roof-signs) {
      margin: 0;
    }
    body:has(> roof-signs) > :not(roof-signs) {
      display: none !important;
    }
  }
  @media screen {
    body > roof-signs {
      display: none;
    }
  }
`;

export interface RoofSignJob {
  cards: readonly Appointment[];
  advisors: readonly Advisor[];
  language: Language;
}

/**
 * Prints roof signs from any staff page (editor, gate): puts them beside the page's own content,
 * hidden on screen, opens the browser's print dialog, and takes them away once it closes.
 * Returns the sheet, so a caller (or a test) can see what went to the printer.
 */
export async function printRoofSigns(doc: Document, job: RoofSignJob): Promise<HTMLElement> {
  const sheet = PRINT_PAGE.styleSheet;
  if (sheet && !doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  doc.querySelectorAll("body > roof-signs").forEach((old) => old.remove());
  const signs = doc.createElement("roof-signs");
  signs.cards = job.cards;
  signs.advisors = job.advisors;
  signs.language = job.language;
  doc.body.append(signs);
  await signs.updateComplete;
  const win = doc.defaultView;
  if (win) {
    // gone after the dialog, or at the latest when the user is back at the page: a browser that
    // fires no afterprint (headless, some kiosks) must not print only signs the next time
    const done = () => {
      signs.remove();
      for (const type of ["afterprint", "pointerdown", "keydown"]) win.removeEventListener(type, done, true);
    };
    for (const type of ["afterprint", "pointerdown", "keydown"]) win.addEventListener(type, done, true);
    win.print();
  }
  return signs;
}

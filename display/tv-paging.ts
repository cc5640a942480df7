import type { Appointment } from "../shared/schemas/appointment.js";
import type { GridPage } from "./tv-pages.js";

/** What the TV shows on one page: a grid page (some advisors, some hours) or a page of the list. */
export type TvPage = { layout: "grid"; grid: GridPage } | { layout: "list"; lines: Appointment[] };

export interface Paging {
  layout: "grid" | "list";
  pages: TvPage[];
  footnote: string;
}

const sameItems = <T>(x: readonly T[], y: readonly T[]) => x.length === y.length && x.every((v, i) => v === y[i]);

function samePage(was: TvPage, now: TvPage): boolean {
  if (was.layout === "grid" && now.layout === "grid") {
    const a = was.grid;
    const b = now.grid;
    return a.columns.from === b.columns.from && a.columns.to === b.columns.to && a.earlier === b.earlier && a.across === b.across && sameItems(a.advisors, b.advisors);
  }
  return was.layout === "list" && now.layout === "list" && sameItems(was.lines, now.lines);
}

/**
 * The new pages, with every page that equals its predecessor replaced by the old object (and the
 * whole paging when nothing changed): a patch that moves a card within its hour leaves the grid's
 * advisors and columns as they were, so the board lays out and re-renders only the cells it touched.
 */
export function samePages(was: Paging, now: Paging): Paging {
  if (was.layout !== now.layout) return now;
  const pages = now.pages.map((p, i) => (was.pages[i] && samePage(was.pages[i], p) ? was.pages[i] : p));
  if (now.footnote === was.footnote && sameItems(pages, was.pages)) return was;
  return { ...now, pages };
}

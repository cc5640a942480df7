import type { Advisor } from "../shared/schemas/advisor.js";
import type { Appointment } from "../shared/schemas/appointment.js";
import type { Settings } from "../shared/schemas/settings.js";
import { columnOf, minutesOfDay, slotStarts } from "../shared/rules/time-of-day.js";
import { TV } from "./tv-metrics.js";

/** The now-window: how many hours before and after the present the TV shows at full size. */
export interface WindowSpan {
  before: number;
  after: number;
}

export const DEFAULT_WINDOW: WindowSpan = { before: 1, after: 3 };

/** A run of slot columns, [from, to) among the day's slots. */
export interface Columns {
  from: number;
  to: number;
}

/** One page the TV shows: some advisors, some columns; the first time page also folds earlier hours into a strip. */
export interface GridPage {
  advisors: Advisor[];
  columns: Columns;
  /** The earlier hours' strip is shown (only on the now-window's pages, when hours lie before it). */
  earlier: boolean;
  /** How many cards of one cell stand side by side. */
  across: number;
}

type Hours = Pick<Settings, "openTime" | "closeTime" | "slotMinutes">;

/**
 * Which columns the present's window covers: every slot that overlaps [now − before, now + after].
 * `now` is minutes since the board's midnight: below 0 for a day still to come, 24 × 60 or more
 * for a day gone, so a future day opens on its first hours and a past one on its last.
 */
export function windowColumns(hours: Hours, now: number, span: WindowSpan): Columns {
  const count = slotStarts(hours).length;
  if (count === 0) return { from: 0, to: 0 };
  const open = minutesOfDay(hours.openTime);
  const column = (t: number) => Math.floor((t - open) / hours.slotMinutes);
  // the last minute inside the window, so a window ending on a slot's start leaves that slot for the next page
  const first = column(now - span.before * 60);
  const width = Math.min(count, Math.max(1, column(now + span.after * 60 - 1) - first + 1));
  // before opening or after closing the window keeps its width: the first hours of the day, or its last
  const from = Math.min(count - width, Math.max(0, first));
  return { from, to: from + width };
}

/** The later hours, as pages as wide as the window, and the window itself first. */
export function timePages(count: number, window: Columns): Columns[] {
  const pages = [window];
  const width = Math.max(1, window.to - window.from);
  for (let from = window.to; from < count; from += width) pages.push({ from, to: Math.min(count, from + width) });
  return pages;
}

/** The width in em of one slot column of a page that has `columns` of them on a board `boardWidth` em wide. */
export function columnWidth(boardWidth: number, columns: number, earlier: boolean): number {
  const fixed = TV.laneWidth + (earlier ? TV.stripWidth + TV.gap : 0) + columns * TV.gap;
  return (boardWidth - fixed) / Math.max(1, columns);
}

/** How many cards stand side by side in a cell of a page that has `columns` slot columns on a board `boardWidth` em wide. */
export function cardsAcross(boardWidth: number, columns: number, earlier: boolean): number {
  const column = columnWidth(boardWidth, columns, earlier);
  return Math.max(1, Math.floor((column - 2 * TV.cellPad + TV.cardGap) / (TV.cardMinWidth + TV.cardGap)));
}

/** The height in em of an advisor's row whose fullest cell holds `cards` cards. */
export function rowHeight(cards: number, across: number): number {
  const stacked = Math.max(1, Math.ceil(cards / across));
  return stacked * TV.cardHeight + (stacked - 1) * TV.cardGap + 2 * TV.cellPad;
}

/** The most cards any cell of each advisor holds within the columns (cancelled cards are off the board). */
function fullestCells(advisors: readonly Advisor[], cards: readonly Appointment[], hours: Hours, columns: Columns): Map<number, number> {
  const perCell = new Map<string, number>();
  const fullest = new Map<number, number>(advisors.map((a) => [a.id, 0]));
  for (const c of cards) {
    if (c.status === "cancelled" || !fullest.has(c.advisorId)) continue;
    const col = columnOf(c.startTime, hours);
    if (col < columns.from || col >= columns.to) continue;
    const key = `${c.advisorId}/${col}`;
    const n = (perCell.get(key) ?? 0) + 1;
    perCell.set(key, n);
    if (n > fullest.get(c.advisorId)!) fullest.set(c.advisorId, n);
  }
  return fullest;
}

export interface PagingInput {
  advisors: readonly Advisor[];
  appointments: readonly Appointment[];
  settings: Hours;
  /** Minutes since the board's midnight on the server's clock (see windowColumns). */
  now: number;
  span: WindowSpan;
  /** The board's size in em of its font. */
  board: { width: number; height: number };
}

/**
 * The TV's pages: the now-window first, then the later hours; within each, as many advisor rows as
 * fit at full size (a row holding three cards in an hour grows rather than shrinking them). Earlier
 * hours are counted in the strip, so every card of the day is on some page or in some count.
 */
export function gridPages(input: PagingInput): GridPage[] {
  const { advisors, settings } = input;
  const count = slotStarts(settings).length;
  const window = windowColumns(settings, input.now, input.span);
  const pages: GridPage[] = [];
  const room = input.board.height - TV.hourRow - TV.gap;
  for (const [i, columns] of timePages(count, window).entries()) {
    const earlier = i === 0 && columns.from > 0;
    const across = cardsAcross(input.board.width, columns.to - columns.from, earlier);
    const fullest = fullestCells(advisors, input.appointments, settings, columns);
    // a later page with no card at all is not worth its turn (the now-window always is: it is the present)
    if (i > 0 && [...fullest.values()].every((n) => n === 0)) continue;
    let page: Advisor[] = [];
    let used = 0;
    for (const a of advisors) {
      // a row taller than the whole board still gets a page of its own; its fullest cell summarises what does not fit
      const h = Math.min(rowHeight(fullest.get(a.id) ?? 0, across), room) + TV.gap;
      if (page.length > 0 && used + h > room + TV.gap) {
        pages.push({ advisors: page, columns, earlier, across });
        page = [];
        used = 0;
      }
      page.push(a);
      used += h;
    }
    pages.push({ advisors: page, columns, earlier, across });
  }
  return pages;
}

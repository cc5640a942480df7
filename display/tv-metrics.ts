import { unsafeCSS } from "lit";

/**
 * The TV grid's sizes in em of the board's font (24 px at 1080p, 48 px at 4K), in one place: the
 * styles draw with them and the pager (tv-pages.ts) decides with them how many advisor rows fit, so
 * the rows it promises are the rows drawn.
 */
export const TV = {
  /** A card: four lines (time, status word, name, plate tail and work) and its padding. */
  cardHeight: 4.6,
  /** The narrowest card whose lines are whole: "延时到店" and "***45 保养" still fit. */
  cardMinWidth: 5.2,
  cardGap: 0.1,
  cellPad: 0.1,
  laneWidth: 6.2,
  /** The strip of earlier hours: two counts ("完成 12 爽约 1") a line. */
  stripWidth: 5.6,
  hourRow: 1.3,
  /** The grid's gap between rows and columns (--mb-gap). */
  gap: 0.2,
  /** A line of the list layout. */
  listLine: 1.5,
} as const;

/**
 * The editor's grid: the lane names' column and a tile (its card and the handle beside it) in em
 * of the grid's font; cells' padding and gaps in px. The styles draw with them and the grid works
 * out from them how wide its cards are (card-fit.ts).
 */
export const EDITOR = {
  laneWidth: 9,
  tileHeight: 5.9,
  /** The column beside a tile's card: the drag handle and the ⚠ of its overlaps. */
  side: 1.6,
  /** px */
  gap: 3,
  /** px */
  cellPad: 3,
} as const;

/** A metric in px as a CSS length. */
export const px = (n: number) => unsafeCSS(`${n}px`);

/** A metric as a CSS length, for the styles. */
export const em = (n: number) => unsafeCSS(`${n}em`);

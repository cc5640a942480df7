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

/** A metric as a CSS length, for the styles. */
export const em = (n: number) => unsafeCSS(`${n}em`);

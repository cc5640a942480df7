import { csvCell } from "../csv-formula.js";

/** A table of figures as a screen shows it: a header row and body rows of text or numbers (null shows as empty). */
export interface FigureTable {
  head: string[];
  rows: (string | number | null)[][];
}

/**
 * The table as CSV, cell for cell as shown (UTF-8 with BOM so Excel and WPS read the Chinese;
 * every text cell quoted as needed and defused, as every magboard export is).
 */
export function figureTableCsv(table: FigureTable): string {
  const lines = [table.head, ...table.rows].map((row) => row.map(csvCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

import { round } from "./stats.js";

/** The report's cells: a latency in ms to one decimal ("–" when there is none), bytes in MB, a target's verdict, a table. */
export const ms = (x: number) => (Number.isFinite(x) ? round(x, 1).toFixed(1) : "–");
export const ms2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "–");
export const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
export const verdict = (ok: boolean) => (ok ? "met" : "**missed**");

export function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n") + "\n\n";
}


import type { Summary } from "./lib/stats.js";

export interface BrowserResult {
  fullBoard: Summary;
  patchPaint: Summary;
  heap: { patches: number; before: number; after: number };
}

export async function measureBrowser(_tmp: string, _opt: { quick: boolean; log: (msg: string) => void }): Promise<BrowserResult | { missing: string }> {
  return { missing: "the display page is not merged yet" };
}

import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkArchitecture } from "./architecture/check.js";
import { readSource, sourcesUnder } from "./architecture/import-graph.js";

const root = path.resolve(import.meta.dirname, "..");

// The rules are in test/architecture/rules.ts; test/architecture/check.test.ts shows that each kind
// of violation is caught, on small trees written for the purpose.
describe("the code's layout", () => {
  it("keeps every rule: folders, server layers, no cycles, SQL only in server/db, no zod, no charting library, no editor text and no date-fns on the wall display", { timeout: 120_000 }, () => {
    expect(checkArchitecture(root).map((v) => `${v.kind}: ${v.detail}`)).toEqual([]);
  });

  it("reads the display bundle's imports down into shared/, where its board state lives", () => {
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const i of readSource(root, file).imports) if (!i.typeOnly && i.target?.endsWith(".ts")) visit(i.target);
    };
    sourcesUnder(root, "display").forEach(visit);
    expect(reached.has("shared/board-state.ts")).toBe(true);
  });
});

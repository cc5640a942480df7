import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");

function sources(dir: string): string[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  let out: string[] = [];
  for (const name of readdirSync(full)) {
    const p = path.join(full, name);
    if (statSync(p).isDirectory()) out = out.concat(sources(path.join(dir, name)));
    else if (/\.ts$/.test(name)) out.push(path.join(dir, name));
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(path.join(root, file), "utf8");
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

function resolvesInto(file: string, spec: string, folder: string): boolean {
  if (!spec.startsWith(".")) return false;
  const target = path.relative(root, path.resolve(path.dirname(path.join(root, file)), spec));
  return target === folder || target.startsWith(folder + path.sep);
}

const rules: { from: string; forbidden: string[]; packages?: RegExp }[] = [
  { from: "shared", forbidden: ["server", "display", "admin", "advisor"], packages: /^(node:|fs$|path$|express|socket\.io$|better-sqlite3|lit)/ },
  { from: "server", forbidden: ["display", "admin", "advisor"] },
  { from: "display", forbidden: ["admin", "server", "advisor"], packages: /^(node:|express|better-sqlite3)/ },
  { from: "advisor", forbidden: ["admin", "server"], packages: /^(node:|express|better-sqlite3)/ },
  { from: "login", forbidden: ["admin", "server", "advisor", "display"], packages: /^(node:|express|better-sqlite3)/ },
  { from: "admin", forbidden: ["server", "advisor"], packages: /^(node:|express|better-sqlite3)/ },
];

describe("import boundaries", () => {
  for (const rule of rules) {
    it(`${rule.from}/ imports none of ${rule.forbidden.join(", ")}`, () => {
      const offences: string[] = [];
      for (const file of sources(rule.from)) {
        for (const spec of imports(file)) {
          if (rule.forbidden.some((f) => resolvesInto(file, spec, f))) offences.push(`${file} → ${spec}`);
          if (rule.packages?.test(spec)) offences.push(`${file} → ${spec}`);
        }
      }
      expect(offences).toEqual([]);
    });
  }
});

/** Specifiers a file imports at run time: `import type` and imports naming only types are erased. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(path.join(root, file), "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm)) {
    const names = m[2]?.trim() ?? "";
    const onlyTypes = /^\{[^}]*\}$/.test(names) && names.slice(1, -1).split(",").map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith("type "));
    if (!m[1] && !onlyTypes) out.push(m[3] ?? m[4]!);
  }
  return out;
}

describe("display bundle", () => {
  // zod alone is larger than the display page's whole size budget (bench/README-performance.md).
  it("pulls in no zod at run time, through shared/ or otherwise", () => {
    const offences: string[] = [];
    const seen = new Set<string>();
    const visit = (file: string, chain: string[]): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of runtimeImports(file)) {
        if (spec === "zod" || spec.startsWith("zod/")) offences.push([...chain, file].join(" → "));
        else if (spec.startsWith(".")) visit(path.relative(root, path.resolve(path.dirname(path.join(root, file)), spec.replace(/\.js$/, ".ts"))), [...chain, file]);
      }
    };
    for (const file of sources("display")) visit(file, []);
    expect(seen.has("shared/board-state.ts")).toBe(true);
    expect(offences).toEqual([]);
  });
});

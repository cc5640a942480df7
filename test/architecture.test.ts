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

import { cycles, packageOf, readSource, sourcesUnder, within, type SourceFile } from "./import-graph.js";
import { CHART_FREE, DB_DRIVERS, EXPECTED_FOLDERS, FOLDER_RULES, SCANNED_FOLDERS, SQL_CHECKED, SQL_FOLDERS, TV_PAGE, ZOD_FREE } from "./rules.js";
import { sqlCalls } from "./sql-calls.js";

export type ViolationKind = "empty-folder" | "unreadable" | "unresolved" | "folder" | "package" | "cycle" | "sql-import" | "sql-call" | "zod" | "chart" | "tv-page";

export interface Violation {
  kind: ViolationKind;
  /** The file at fault (the first of a cycle), relative to the root. */
  file: string;
  detail: string;
}

export interface CheckOptions {
  /** The type checker takes seconds on the whole server; the fixtures' trees are tiny. */
  sql?: boolean;
}

/** Reads every source file under the scanned folders of `root` and reports every broken rule. */
export function checkArchitecture(root: string, opts: CheckOptions = {}): Violation[] {
  const out: Violation[] = [];
  for (const folder of EXPECTED_FOLDERS) {
    if (sourcesUnder(root, folder).length === 0) out.push({ kind: "empty-folder", file: folder, detail: `${folder}/ has no source files, so no rule about it checks anything` });
  }
  const sources = SCANNED_FOLDERS.flatMap((f) => sourcesUnder(root, f)).map((f) => readSource(root, f));
  const known = new Set(sources.map((s) => s.file));

  for (const s of sources) {
    for (const u of s.unreadable) out.push({ kind: "unreadable", file: s.file, detail: `line ${u.line}: ${u.text} names its module at run time; write the path out` });
    for (const i of s.imports) {
      const where = `${s.file}:${i.line} ${i.kind} "${i.spec}"`;
      if (i.target !== null && !known.has(i.target) && !/\.(json|css|html)$/.test(i.target)) {
        out.push({ kind: "unresolved", file: s.file, detail: `${where} names no source file` });
      }
      for (const rule of FOLDER_RULES) {
        if (!within(s.file, rule.from)) continue;
        const hit = i.target !== null && !rule.except?.includes(i.target) ? rule.forbidden.find((f) => within(i.target!, f)) : undefined;
        if (hit) out.push({ kind: "folder", file: s.file, detail: `${where} reaches ${hit}/: ${rule.why}` });
        const pkg = packageOf(i.spec);
        if (pkg && rule.packages?.test(pkg)) out.push({ kind: "package", file: s.file, detail: `${where}: ${rule.why}` });
      }
      if (DB_DRIVERS.includes(packageOf(i.spec) ?? "") && !SQL_FOLDERS.some((f) => within(s.file, f))) {
        out.push({ kind: "sql-import", file: s.file, detail: `${where}: only server/db/ opens the database` });
      }
    }
  }

  for (const cycle of cycles(sources)) out.push({ kind: "cycle", file: cycle[0]!, detail: `import cycle: ${cycle.join(" ↔ ")}` });

  if (opts.sql !== false) {
    const checked = sources.map((s) => s.file).filter((f) => SQL_CHECKED.some((d) => within(f, d)) && !SQL_FOLDERS.some((d) => within(f, d)) && /\.(ts|mts)$/.test(f));
    for (const c of sqlCalls(root, checked)) out.push({ kind: "sql-call", file: c.file, detail: `${c.file}:${c.line} ${c.text}: only server/db/ runs SQL` });
  }

  out.push(...packageReached(sources, ZOD_FREE, "zod", "zod"));
  out.push(...packageReached(sources, CHART_FREE.folder, CHART_FREE.pkg, "chart"));
  out.push(...tvPageLoads(sources));
  return out;
}

/** What the TV's entry loads at run time that it must not, each with the chain that pulls it in. */
function tvPageLoads(sources: SourceFile[]): Violation[] {
  const byFile = new Map(sources.map((s) => [s.file, s]));
  if (!byFile.has(TV_PAGE.entry)) return [{ kind: "tv-page", file: TV_PAGE.entry, detail: `${TV_PAGE.entry} is missing, so nothing checks what the wall display loads` }];
  const files: readonly string[] = TV_PAGE.forbiddenFiles;
  const packages: readonly (string | null)[] = TV_PAGE.forbiddenPackages;
  const out: Violation[] = [];
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of byFile.get(file)?.imports ?? []) {
      if (i.typeOnly) continue;
      const pkg = packageOf(i.spec);
      if (packages.includes(pkg)) out.push({ kind: "tv-page", file, detail: [...chain, file, pkg].join(" → ") });
      else if (i.target !== null && files.includes(i.target)) out.push({ kind: "tv-page", file, detail: [...chain, file, i.target].join(" → ") });
      else if (i.target !== null) visit(i.target, [...chain, file]);
    }
  };
  visit(TV_PAGE.entry, []);
  return out;
}

/** Files of `folder` whose bundle loads `pkg` at run time, each with the chain that pulls it in. */
function packageReached(sources: SourceFile[], folder: string, pkg: string, kind: "zod" | "chart"): Violation[] {
  const byFile = new Map(sources.map((s) => [s.file, s]));
  const chainToPackage = (start: string): string[] | null => {
    const seen = new Set<string>();
    const visit = (file: string, chain: string[]): string[] | null => {
      if (seen.has(file)) return null;
      seen.add(file);
      for (const i of byFile.get(file)?.imports ?? []) {
        if (i.typeOnly) continue;
        if (packageOf(i.spec) === pkg) return [...chain, file, pkg];
        const found = i.target !== null ? visit(i.target, [...chain, file]) : null;
        if (found) return found;
      }
      return null;
    };
    return visit(start, []);
  };
  return sources
    .filter((s) => within(s.file, folder))
    .flatMap((s) => {
      const chain = chainToPackage(s.file);
      return chain ? [{ kind, file: s.file, detail: chain.join(" → ") }] : [];
    });
}

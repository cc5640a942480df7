import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** How a file refers to another module; every kind counts for the folder and layer rules. */
export type ImportKind = "static" | "side-effect" | "re-export" | "dynamic" | "require" | "type-node";

export interface Import {
  /** The file that imports, relative to the root, with `/` separators. */
  from: string;
  spec: string;
  kind: ImportKind;
  /** Erased when compiled: `import type …`, `export type … from`, `import("x").T` in a type. */
  typeOnly: boolean;
  /** The file it names, relative to the root, when the specifier is a path that exists. */
  target: string | null;
  line: number;
}

/** A module reference that cannot be checked, e.g. `import(name)`: a rule could never see where it goes. */
export interface Unreadable {
  from: string;
  line: number;
  text: string;
}

export interface SourceFile {
  file: string;
  imports: Import[];
  unreadable: Unreadable[];
}

const SOURCE = /\.(ts|mts|cts|tsx|js|mjs|cjs)$/;
const SKIP_DIRS = new Set(["node_modules", "dist", "coverage", "test-results", ".git"]);

/** Every source file under `dir` (relative to `root`), with `/` separators. */
export function sourcesUnder(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!existsSync(full) || !statSync(full).isDirectory()) return [];
  const out: string[] = [];
  for (const name of readdirSync(full).sort()) {
    if (SKIP_DIRS.has(name)) continue;
    const rel = dir === "" ? name : `${dir}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...sourcesUnder(root, rel));
    else if (SOURCE.test(name) && !name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

/** The file a relative or absolute specifier names, trying what TypeScript's bundler resolution tries. */
function resolve(root: string, from: string, spec: string): string | null {
  if (!spec.startsWith(".") && !path.isAbsolute(spec)) return null;
  const base = path.resolve(path.dirname(path.join(root, from)), spec);
  const candidates = [base, base.replace(/\.js$/, ".ts"), base.replace(/\.mjs$/, ".mts"), `${base}.ts`, `${base}.js`, path.join(base, "index.ts")];
  const hit = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  return hit ? toRel(root, hit) : toRel(root, base);
}

const toRel = (root: string, abs: string) => path.relative(root, abs).split(path.sep).join("/");

function literal(node: ts.Node | undefined): string | null {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;
}

/**
 * `import { type A } from "x"` is not erased: under verbatimModuleSyntax it compiles to
 * `import {} from "x"`, which still loads x. Only a clause-level `import type` is.
 */
function importIsTypeOnly(node: ts.ImportDeclaration): boolean {
  return node.importClause?.isTypeOnly === true;
}

/** Reads one file's module references with the TypeScript parser, so no formatting or comment can hide one. */
export function readSource(root: string, file: string): SourceFile {
  const text = readFileSync(path.join(root, file), "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, /\.(tsx)$/.test(file) ? ts.ScriptKind.TSX : undefined);
  const imports: Import[] = [];
  const unreadable: Unreadable[] = [];
  const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const add = (node: ts.Node, spec: string, kind: ImportKind, typeOnly: boolean) =>
    imports.push({ from: file, spec, kind, typeOnly, target: resolve(root, file, spec), line: lineOf(node) });

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const spec = literal(node.moduleSpecifier)!;
      add(node, spec, node.importClause ? "static" : "side-effect", importIsTypeOnly(node));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      add(node, literal(node.moduleSpecifier)!, "re-export", node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const spec = literal(node.moduleReference.expression);
      if (spec === null) unreadable.push({ from: file, line: lineOf(node), text: node.getText(sf) });
      else add(node, spec, "require", node.isTypeOnly);
    } else if (ts.isImportTypeNode(node)) {
      const spec = ts.isLiteralTypeNode(node.argument) ? literal(node.argument.literal) : null;
      if (spec === null) unreadable.push({ from: file, line: lineOf(node), text: node.getText(sf) });
      else add(node, spec, "type-node", true);
    } else if (ts.isCallExpression(node)) {
      const dynamic = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const required = ts.isIdentifier(node.expression) && node.expression.text === "require";
      if (dynamic || required) {
        const spec = literal(node.arguments[0]);
        if (spec === null) unreadable.push({ from: file, line: lineOf(node), text: node.getText(sf).slice(0, 120) });
        else add(node, spec, dynamic ? "dynamic" : "require", false);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { file, imports, unreadable };
}

/** The folder a root-relative path lies in, at the depth of `folder` (e.g. "server/db"), or whether it lies in it. */
export function within(file: string, folder: string): boolean {
  return file === folder || file.startsWith(`${folder}/`);
}

/** The package a bare specifier names (`@scope/name`, `name`, `node:fs`), or null for a path. */
export function packageOf(spec: string): string | null {
  if (spec.startsWith(".") || path.isAbsolute(spec)) return null;
  if (spec.startsWith("node:")) return spec;
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** Import cycles among `files` (each a strongly connected component of two or more files, or a file importing itself). */
export function cycles(sources: SourceFile[]): string[][] {
  const edges = new Map<string, string[]>();
  for (const s of sources) edges.set(s.file, []);
  for (const s of sources) {
    for (const i of s.imports) if (i.target !== null && edges.has(i.target)) edges.get(s.file)!.push(i.target);
  }
  // Tarjan's strongly connected components
  let index = 0;
  const stack: string[] = [];
  const info = new Map<string, { index: number; low: number; onStack: boolean }>();
  const found: string[][] = [];
  const strong = (v: string): void => {
    info.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of edges.get(v)!) {
      if (!info.has(w)) {
        strong(w);
        info.get(v)!.low = Math.min(info.get(v)!.low, info.get(w)!.low);
      } else if (info.get(w)!.onStack) {
        info.get(v)!.low = Math.min(info.get(v)!.low, info.get(w)!.index);
      }
    }
    if (info.get(v)!.low === info.get(v)!.index) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        info.get(w)!.onStack = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges.get(v)!.includes(v)) found.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!info.has(v)) strong(v);
  return found;
}

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import type * as z from "zod";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** What a zod schema's definition looks like to a walker (zod v4 keeps it on `_zod.def`). */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Wrappers that add nothing a refusal's path or a refused value depends on. */
const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "nonoptional", "catch"]);

/** The schema under its wrappers (`IdSchema.nullable().optional()` is an id). */
function unwrapped(schema: z.ZodType): Def {
  let def = defOf(schema);
  while (WRAPPERS.has(def.type)) def = defOf(def.innerType!);
  return def;
}

/**
 * Every path a zod issue of this schema can name, dotted as DomainError.fromZod writes it: leaves,
 * and the objects and arrays holding them (an unknown key is reported on its object). An array's
 * element is written `0`, as the first row of an import would be.
 */
export function schemaPaths(schema: z.ZodType, prefix: string[] = [], out = new Set<string>()): Set<string> {
  const def = unwrapped(schema);
  const here = prefix.join(".") || "(body)";
  switch (def.type) {
    case "object":
      out.add(here);
      for (const [key, child] of Object.entries(def.shape ?? {})) schemaPaths(child, [...prefix, key], out);
      return out;
    case "pipe":
      schemaPaths(def.in!, prefix, out);
      return schemaPaths(def.out!, prefix, out);
    case "array":
      out.add(here);
      return schemaPaths(def.element!, [...prefix, "0"], out);
    case "union":
      for (const option of def.options ?? []) schemaPaths(option, prefix, out);
      return out;
    default:
      out.add(here);
      return out;
  }
}

/** A value this schema refuses at every leaf (literals, which pick a union's option, are kept). */
export function refusedEverywhere(schema: z.ZodType): unknown {
  const def = unwrapped(schema);
  switch (def.type) {
    case "object":
      return Object.fromEntries(Object.entries(def.shape ?? {}).map(([k, v]) => [k, refusedEverywhere(v)]));
    case "pipe":
      return refusedEverywhere(def.in!);
    case "array":
      return [refusedEverywhere(def.element!)];
    case "literal":
      return def.values?.[0];
    default:
      // no string, number, boolean, enum or date is an array of nothing
      return [[]];
  }
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith(".ts") ? [p] : [];
  });
}

/** The texts a field expression names, as far as the source says: literals, a template's last literal part (`${prefix}advisorId`), both sides of `a ? "x" : "y"`. */
function literalTexts(node: ts.Expression): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.templateSpans.at(-1)!.literal.text].filter(Boolean);
  if (ts.isConditionalExpression(node)) return [...literalTexts(node.whenTrue), ...literalTexts(node.whenFalse)];
  if (ts.isParenthesizedExpression(node)) return literalTexts(node.expression);
  return [];
}

export interface ServerErrorSources {
  /** Fields the server names itself (DomainError's third argument, `field:` of an error body). */
  fields: Set<string>;
  /** Names of the shared schemas whose refusal the server turns into an error body (DomainError.fromZod). */
  schemas: Set<string>;
}

/** A call in server/, kept until every file is read: a field or a schema may be handed to a helper in another file. */
interface Call {
  args: readonly ts.Expression[];
  /** The calling file's imports: local name → where it comes from. */
  imports: Map<string, string>;
}

/** The enclosing function's name and the index of parameter `name`, when `name` is one. */
function parameterOf(node: ts.Node, name: string): { fn: string; index: number } | null {
  let fn: ts.Node | undefined = node.parent;
  while (fn && !ts.isFunctionDeclaration(fn)) fn = fn.parent;
  if (!fn || !ts.isFunctionDeclaration(fn) || !fn.name) return null;
  const index = fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === name);
  return index >= 0 ? { fn: fn.name.text, index } : null;
}

/**
 * Reads server/ with the TypeScript compiler for every field a refusal can name: each
 * `new DomainError(code, message, field)` and `{ code, message, field }` error body, and each
 * shared schema whose parse error becomes `DomainError.fromZod(...)`. A field or a schema handed
 * in as a parameter is followed to what the function's callers pass, in any file. New code is
 * found without editing any list.
 */
export function serverErrorSources(): ServerErrorSources {
  const fields = new Set<string>();
  const schemaNames = new Set<string>();
  const calls = new Map<string, Call[]>();
  const fieldParams: { fn: string; index: number }[] = [];
  const schemaParams: { fn: string; index: number }[] = [];
  const shared = (from: string | undefined) => from !== undefined && from.includes(`${path.sep}shared${path.sep}`);

  for (const file of tsFiles(path.join(root, "server"))) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const imports = new Map<string, string>();
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const bindings = node.importClause?.namedBindings;
        for (const el of bindings && ts.isNamedImports(bindings) ? bindings.elements : []) {
          imports.set(el.name.text, path.resolve(path.dirname(file), node.moduleSpecifier.text));
        }
      }
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
        const list = calls.get(node.expression.text) ?? [];
        list.push({ args: node.arguments, imports });
        calls.set(node.expression.text, list);
      }
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "DomainError") {
        const arg = node.arguments?.[2];
        const texts = arg ? literalTexts(arg) : [];
        texts.forEach((t) => fields.add(t));
        if (texts.length === 0 && arg && ts.isIdentifier(arg)) {
          const param = parameterOf(node, arg.text);
          if (param) fieldParams.push(param);
        }
      }
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === "field") {
        const obj = node.parent;
        const hasCode = ts.isObjectLiteralExpression(obj) && obj.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === "code");
        if (hasCode) literalTexts(node.initializer).forEach((t) => fields.add(t));
      }
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "fromZod") {
        // DomainError.fromZod(x.error), where x = Schema.safeParse(...) and Schema is imported or a parameter
        const arg = node.arguments[0];
        if (arg && ts.isPropertyAccessExpression(arg) && ts.isIdentifier(arg.expression)) {
          const init = findDeclaration(node, arg.expression.text)?.initializer;
          if (init && ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && ts.isIdentifier(init.expression.expression)) {
            const name = init.expression.expression.text;
            if (shared(imports.get(name))) schemaNames.add(name);
            else {
              const param = parameterOf(node, name);
              if (param) schemaParams.push(param);
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  for (const { fn, index } of fieldParams) {
    for (const call of calls.get(fn) ?? []) {
      const arg = call.args[index];
      if (arg) literalTexts(arg).forEach((t) => fields.add(t));
    }
  }
  for (const { fn, index } of schemaParams) {
    for (const call of calls.get(fn) ?? []) {
      const arg = call.args[index];
      if (arg && ts.isIdentifier(arg) && shared(call.imports.get(arg.text))) schemaNames.add(arg.text);
    }
  }
  return { fields, schemas: schemaNames };
}

function findDeclaration(from: ts.Node, name: string): ts.VariableDeclaration | undefined {
  for (let scope: ts.Node | undefined = from.parent; scope; scope = scope.parent) {
    let found: ts.VariableDeclaration | undefined;
    const look = (n: ts.Node): void => {
      if (found) return;
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === name) found = n;
      else if (!ts.isFunctionLike(n) || n === scope) ts.forEachChild(n, look);
    };
    ts.forEachChild(scope, look);
    if (found) return found;
  }
  return undefined;
}

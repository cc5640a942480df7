import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { sourcesUnder } from "./import-graph.js";
import { cachingHost, compilerOptions } from "./sql-calls.js";

/** The one module that builds a page's URLs from the site it was opened under (issue 17, point 1). */
export const SITE_PATH_MODULE = "display/site-path.ts";

/** The folders of the browser pages, whose every URL must follow the page's site. */
export const PAGE_FOLDERS = ["display", "admin", "advisor", "gate", "login", "group"];

/**
 * An absolute path of the server's: the API, socket.io, a socket namespace, a page, a site. It
 * must start the text or follow something that is not part of a path (a quote, `=`, space, or a
 * value only known at run time such as `${location.origin}`); `../display/x.js` and
 * `/api/auth/login`'s `/login` are not it.
 */
const ABSOLUTE = /(?:^|[^\w.\-/])\/(?:api|socket\.io|display|staff|admin|advisor|gate|group|login|s)(?![\w-])/;

/** What a part of a string is when only the running page knows it. */
const UNKNOWN = "\u0000";

export interface SitePathWrite {
  file: string;
  line: number;
  text: string;
}

/**
 * Every place in the pages' sources (`.ts` and `.html`) that writes such a path itself rather than
 * asking display/site-path.ts. A string is read as the browser would build it: the parts of a
 * template literal or a `+` are put together, and a name whose type is a string literal (a
 * constant, imported or not) counts as its text, so `\`/${"api"}/x\``, `"/ap" + "i/x"` and
 * `origin + DISPLAY_NAMESPACE` are caught as well as `"/api/x"`. Comments and import specifiers
 * are not strings the page uses.
 */
export function sitePathWrites(root: string): SitePathWrite[] {
  const scripts = PAGE_FOLDERS.flatMap((f) => sourcesUnder(root, f)).filter((f) => f !== SITE_PATH_MODULE);
  const out: SitePathWrite[] = PAGE_FOLDERS.flatMap((f) => htmlUnder(root, f)).flatMap((f) => htmlWrites(root, f));
  if (scripts.length === 0) return out;

  // a page's .js file, should one appear, is read like its .ts
  const options = { ...compilerOptions(root), allowJs: true };
  const program = ts.createProgram(
    scripts.map((f) => path.join(root, f)),
    options,
    cachingHost(options),
  );
  const checker = program.getTypeChecker();

  /** The text an expression makes, with UNKNOWN where it depends on the running page. */
  const textOf = (node: ts.Expression): string => {
    if (ts.isStringLiteralLike(node)) return node.text;
    if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => textOf(s.expression) + s.literal.text).join("");
    if (ts.isTaggedTemplateExpression(node)) return textOf(node.template);
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node)) return textOf(node.expression);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return textOf(node.left) + textOf(node.right);
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node)) {
      const type = checker.getTypeAtLocation(node);
      if (type.isStringLiteral()) return type.value;
    }
    return UNKNOWN;
  };

  for (const file of scripts) {
    const sf = program.getSourceFile(path.join(root, file));
    if (!sf) continue;
    const lines = new Set<number>();
    const visit = (node: ts.Node): void => {
      // `import … from "../display/x.js"` names a module, not a URL
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportTypeNode(node)) return;
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) return;
      const stringy =
        ts.isStringLiteralLike(node) ||
        ts.isTemplateExpression(node) ||
        (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) ||
        ((ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) && isValue(node));
      if (stringy && ABSOLUTE.test(textOf(node))) {
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        if (!lines.has(line)) out.push({ file, line, text: node.getText(sf).slice(0, 120) });
        lines.add(line);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/** A name read as a value: not a declaration's own name, a property's key or a type. */
function isValue(node: ts.Identifier | ts.PropertyAccessExpression): boolean {
  const p = node.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === node) return false;
  if ((ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isFunctionDeclaration(p) || ts.isMethodDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p)) && p.name === node) return false;
  if (ts.isTypeReferenceNode(p) || ts.isQualifiedName(p) || ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) return false;
  return true;
}

function htmlUnder(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) return name === "node_modules" ? [] : htmlUnder(root, rel);
    return name.endsWith(".html") ? [rel] : [];
  });
}

/** An index.html's own links (its comments left out); the built asset URLs are Vite's, written at build. */
function htmlWrites(root: string, file: string): SitePathWrite[] {
  const text = readFileSync(path.join(root, file), "utf8").replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, " "));
  return text.split("\n").flatMap((line, i) => (ABSOLUTE.test(line) ? [{ file, line: i + 1, text: line.trim().slice(0, 120) }] : []));
}

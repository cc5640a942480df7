import path from "node:path";
import ts from "typescript";

export interface SqlCall {
  file: string;
  line: number;
  text: string;
}

/** Closing a connection runs no SQL; every other method of a Database or Statement does. */
const HARMLESS = new Set(["close"]);

/** better-sqlite3's, or pg's (the dealer group's PostgreSQL driver: Client, Pool, their query). */
function fromDbDriver(decl: ts.Declaration | undefined): boolean {
  const file = decl?.getSourceFile().fileName.split(path.sep).join("/") ?? "";
  return /\/node_modules\/(@types\/)?(better-sqlite3|pg|pg-pool)\//.test(file);
}

export function compilerOptions(root: string): ts.CompilerOptions {
  const file = path.join(root, "tsconfig.json");
  const read = ts.sys.fileExists(file) ? ts.readConfigFile(file, (f) => ts.sys.readFile(f)).config : { compilerOptions: { strict: true, module: "ESNext", moduleResolution: "Bundler" } };
  const options = ts.parseJsonConfigFileContent(read, ts.sys, root).options;
  // the checked code runs in Node: the DOM's declarations (the largest lib) only cost time here
  return { ...options, lib: ["lib.es2023.d.ts"], noEmit: true };
}

/** Declaration files never change during a run; parsed once, they serve every program (the fixtures make many). */
const declarations = new Map<string, ts.SourceFile>();

export function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const parse = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, fresh) => {
    if (!fileName.endsWith(".d.ts")) return parse(fileName, languageVersion, onError, fresh);
    let sf = declarations.get(fileName);
    if (!sf) {
      sf = parse(fileName, languageVersion, onError, fresh);
      if (sf) declarations.set(fileName, sf);
    }
    return sf;
  };
  return host;
}

/**
 * Every use in `files` of better-sqlite3's API, found with the type checker rather than by name:
 * `db.prepare(…)`, `db["exec"](…)`, a method taken off the connection (`const { pragma } = db`,
 * `db.exec.call(db, …)`), a statement's `.run()`, `new Database(…)`. Only `close()` is allowed.
 * `RegExp.exec` and anything else that merely shares a name is not SQL and is not reported.
 */
export function sqlCalls(root: string, files: string[]): SqlCall[] {
  const options = compilerOptions(root);
  const program = ts.createProgram(
    files.map((f) => path.join(root, f)),
    options,
    cachingHost(options),
  );
  const checker = program.getTypeChecker();
  const isSql = (symbol: ts.Symbol | undefined) =>
    symbol !== undefined && !HARMLESS.has(symbol.name) && (symbol.declarations ?? []).some((d) => fromDbDriver(d));
  const out: SqlCall[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(path.join(root, file));
    if (!sf) continue;
    const lines = new Set<number>();
    const report = (node: ts.Node) => {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      if (!lines.has(line)) out.push({ file, line, text: node.getText(sf).slice(0, 120) });
      lines.add(line);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const decl = checker.getResolvedSignature(node)?.getDeclaration();
        const name = decl && "name" in decl && decl.name && ts.isIdentifier(decl.name) ? decl.name.text : "";
        if (fromDbDriver(decl) && !HARMLESS.has(name)) report(node);
      } else if (ts.isPropertyAccessExpression(node)) {
        if (isSql(checker.getSymbolAtLocation(node.name))) report(node);
      } else if (ts.isElementAccessExpression(node)) {
        const key = node.argumentExpression;
        const name = ts.isStringLiteralLike(key) ? key.text : null;
        const member = name === null ? checker.getTypeAtLocation(node.expression).getProperties().find((p) => isSql(p)) : checker.getTypeAtLocation(node.expression).getProperty(name);
        if (isSql(member)) report(node);
      } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
        const key = node.propertyName ?? node.name;
        const name = ts.isIdentifier(key) || ts.isStringLiteralLike(key) ? key.text : null;
        if (name !== null && isSql(checker.getTypeAtLocation(node.parent).getProperty(name))) report(node);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

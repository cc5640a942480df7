import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkArchitecture, type ViolationKind } from "./check.js";
import { EXPECTED_FOLDERS } from "./rules.js";

const repo = path.resolve(import.meta.dirname, "../..");
/** The wall display's page, which the base tree has so that the check of what it loads has a start. */
const TV_ENTRY = "display/main.ts";
const BASE_TV_ENTRY = 'import { here } from "./base.js";\nexport const page = here;\n';

/**
 * The architecture test must not be foolable: for each kind of violation a small tree is written
 * with just that violation and the check must name it. The base tree obeys every rule and must
 * pass, so a catch is never just noise from the base.
 */
describe("the architecture check", () => {
  let root: string;
  let added: string[] = [];

  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
    added.push(file);
  };
  const violations = (sql = false) => checkArchitecture(root, { sql });
  const caught = (kind: ViolationKind, file: string, sql = false) =>
    expect(violations(sql).filter((v) => v.kind === kind && v.file === file).map((v) => v.detail)).not.toEqual([]);

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), "magboard-architecture-"));
    // the type checker resolves better-sqlite3's and Node's declarations as the repository does
    symlinkSync(path.join(repo, "node_modules"), path.join(root, "node_modules"));
    copyFileSync(path.join(repo, "tsconfig.json"), path.join(root, "tsconfig.json"));
    for (const folder of EXPECTED_FOLDERS) {
      mkdirSync(path.join(root, folder), { recursive: true });
      writeFileSync(path.join(root, folder, "base.ts"), `export const here = ${JSON.stringify(folder)};\n`);
    }
    writeFileSync(path.join(root, TV_ENTRY), BASE_TV_ENTRY);
    // allowed: a page reuses display/, the server reads shared/, board reads db, a regex's exec, and words that only look like imports
    writeFileSync(path.join(root, "admin/uses-display.ts"), 'import { here } from "../display/base.js";\nexport const a = here;\n');
    writeFileSync(path.join(root, "server/db/conn.ts"), 'import Database from "better-sqlite3";\nexport type Db = Database.Database;\nexport const open = (f: string): Db => new Database(f);\n');
    writeFileSync(
      path.join(root, "server/board/reads.ts"),
      [
        'import type { Db } from "../db/conn.js";',
        'import { here } from "../../shared/base.js";',
        "// import \"../http/base.js\" is only a comment, and so is require('../http/base.js')",
        'export const text = "import \'../http/base.js\'";',
        "export const bearer = (s: string) => /^Bearer (\\S+)$/.exec(s)?.[1] ?? here;",
        "export const close = (db: Db) => db.close();",
      ].join("\n"),
    );
  });
  afterEach(() => {
    for (const f of added) rmSync(path.join(root, f), { force: true });
    writeFileSync(path.join(root, TV_ENTRY), BASE_TV_ENTRY);
    added = [];
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("passes a tree that keeps every rule, including the type-checked one", () => {
    expect(violations(true)).toEqual([]);
  });

  it("fails when a folder it expects has no files", () => {
    rmSync(path.join(root, "server/realtime/base.ts"));
    try {
      caught("empty-folder", "server/realtime");
    } finally {
      writeFileSync(path.join(root, "server/realtime/base.ts"), "export const here = 1;\n");
    }
  });

  it("catches every way of importing across a boundary, however it is written", () => {
    write("display/static.ts", 'import /* the editor */ {\n  here as x,\n} from\n  "../admin/base.js";\nexport const y = x;\n');
    write("display/side-effect.ts", 'import "../admin/base.js";\n');
    write("display/dynamic.ts", 'export const load = () => import("../admin/base.js");\n');
    write("display/re-export.ts", 'export * from "../admin/base.js";\n');
    write("display/renamed-re-export.ts", 'export { here as there } from "../admin/base.js";\n');
    write("login/required.ts", 'export const m: unknown = require("../admin/base.js");\n');
    write("shared/type-only.ts", 'import type { here } from "../server/base.js";\nexport type T = typeof here;\n');
    write("shared/type-node.ts", 'export type T = typeof import("../server/base.js").here;\n');
    for (const file of added) caught("folder", file);
  });

  it("cannot be fooled by a module named at run time", () => {
    write("display/computed.ts", 'const name = "../admin/base.js";\nexport const load = () => import(name);\n');
    write("display/template.ts", 'const page = "admin";\nexport const load = () => import(`../${page}/base.js`);\n');
    write("login/computed-require.ts", 'const name = "../admin/base.js";\nexport const m: unknown = require(name);\n');
    for (const file of added) caught("unreadable", file);
  });

  it("names an import of a file that does not exist", () => {
    write("display/missing.ts", 'import { x } from "./nowhere.js";\nexport const y = x;\n');
    caught("unresolved", "display/missing.ts");
  });

  it("covers login/, advisor/, group/ and bench/ as well as the pages it always did", () => {
    write("login/to-admin.ts", 'import "../admin/base.js";\n');
    write("group/to-admin.ts", 'import "../admin/base.js";\n');
    write("display/to-group.ts", 'import "../group/base.js";\n');
    write("advisor/to-admin.ts", 'import "../admin/base.js";\n');
    write("bench/to-admin.ts", 'import "../admin/base.js";\n');
    write("server/to-test.ts", 'import "../test/base.js";\n');
    for (const file of added) caught("folder", file);
  });

  it("lets login/ import display/site-path.ts, and nothing else of display/", () => {
    write("display/site-path.ts", "export const apiUrl = (p: string) => `/api${p}`;\n");
    write("login/site.ts", 'import { apiUrl } from "../display/site-path.js";\nexport const u = apiUrl("/auth/session");\n');
    expect(violations().filter((v) => v.file === "login/site.ts")).toEqual([]);
    write("login/board.ts", 'import "../display/base.js";\n');
    caught("folder", "login/board.ts");
  });

  it("keeps packages out of the folders that must not load them", () => {
    write("display/fs.ts", 'import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n');
    write("shared/express.ts", 'import express from "express";\nexport const e = express;\n');
    write("admin/sql.ts", 'import "better-sqlite3";\n');
    write("display/fanout.ts", 'import "redis";\n');
    for (const file of added) caught("package", file);
    caught("sql-import", "admin/sql.ts");
    write("server/ops/pg.ts", 'import pg from "pg";\nexport const c = pg.Client;\n');
    caught("sql-import", "server/ops/pg.ts");
  });

  it("keeps the server's layers: http and realtime → board → db", () => {
    write("server/http/to-db.ts", 'import { open } from "../db/conn.js";\nexport const o = open;\n');
    write("server/realtime/to-db.ts", 'import type { Db } from "../db/conn.js";\nexport type D = Db;\n');
    write("server/board/to-http.ts", 'import "../http/base.js";\n');
    write("server/db/to-board.ts", 'import "../board/base.js";\n');
    for (const file of added) caught("folder", file);
  });

  it("finds SQL outside server/db by type, not by name", () => {
    write("server/ops/sqlite.ts", 'import Database from "better-sqlite3";\nexport const d = new Database(":memory:");\n');
    write(
      "server/ops/runs-sql.ts",
      [
        'import type { Db } from "../db/conn.js";',
        'export const ping = (db: Db) => db.prepare("SELECT 1").get();',
        'export const bracket = (db: Db) => db["exec"]("DELETE FROM x");',
        "export const detached = (db: Db) => { const { pragma } = db; return pragma.call(db, \"user_version\"); };",
      ].join("\n"),
    );
    const found = violations(true);
    expect(found.filter((v) => v.kind === "sql-import").map((v) => v.file)).toEqual(["server/ops/sqlite.ts"]);
    // one report per line: the call, the bracketed name, the destructured method, the constructor
    const calls = found.filter((v) => v.kind === "sql-call").map((v) => v.detail.split(" ")[0]);
    expect(calls).toEqual(["server/ops/runs-sql.ts:2", "server/ops/runs-sql.ts:3", "server/ops/runs-sql.ts:4", "server/ops/sqlite.ts:2"]);
  });

  it("forbids import cycles, of types too, anywhere including test/", () => {
    write("admin/parent.ts", 'import "./child.js";\nexport type Send = () => void;\n');
    write("admin/child.ts", 'import type { Send } from "./parent.js";\nexport const s: Send | null = null;\n');
    write("test/helpers/one.ts", 'import "./two.js";\n');
    write("test/helpers/two.ts", 'import "./three.js";\n');
    write("test/helpers/three.ts", 'import "./one.js";\n');
    const found = violations().filter((v) => v.kind === "cycle").map((v) => v.detail);
    expect(found).toEqual(["import cycle: admin/child.ts ↔ admin/parent.ts", "import cycle: test/helpers/one.ts ↔ test/helpers/three.ts ↔ test/helpers/two.ts"]);
  });

  it("keeps zod out of the wall display, even through shared/ or an import that names only types", () => {
    write("shared/validated.ts", 'import * as z from "zod";\nexport const S = z.string();\nexport type T = string;\n');
    write("display/through-shared.ts", 'import { S } from "../shared/validated.js";\nexport const s = S;\n');
    write("display/inline-type.ts", 'import { type T } from "../shared/validated.js";\nexport type U = T;\n');
    write("display/type-only.ts", 'import type { T } from "../shared/validated.js";\nexport type V = T;\n');
    const zod = violations().filter((v) => v.kind === "zod").map((v) => v.file);
    expect(zod).toContain("display/through-shared.ts");
    // verbatimModuleSyntax keeps `import { type T }` as `import {}`, which still loads the module
    expect(zod).toContain("display/inline-type.ts");
    expect(zod).not.toContain("display/type-only.ts");
  });

  it("keeps the editor's charting library (uPlot) out of the wall display, directly, through shared/ or through its CSS path", () => {
    write("display/chart.ts", 'import uPlot from "uplot";\nexport const u = uPlot;\n');
    write("display/chart-css.ts", 'import "uplot/dist/uPlot.min.css";\n');
    write("shared/plot.ts", 'import uPlot from "uplot";\nexport const plot = uPlot;\n');
    write("display/through-shared-plot.ts", 'import { plot } from "../shared/plot.js";\nexport const p = plot;\n');
    write("admin/chart.ts", 'import uPlot from "uplot";\nexport const u = uPlot;\n');
    const chart = violations().filter((v) => v.kind === "chart").map((v) => v.file);
    expect(chart).toEqual(expect.arrayContaining(["display/chart.ts", "display/chart-css.ts", "display/through-shared-plot.ts"]));
    // the editor may draw with it
    expect(chart).not.toContain("admin/chart.ts");
  });

  it("keeps the whole message table and date-fns off the wall display's page, by any path, and misses no renamed entry", () => {
    write("shared/i18n/messages.ts", "export const t = (k: string) => k;\n");
    write("shared/i18n/board-messages.ts", "export const t = (k: string) => k;\n");
    write("shared/when.ts", 'import { format } from "date-fns";\nexport const when = format;\n');
    write("display/card.ts", 'import { t } from "../shared/i18n/messages.js";\nexport const c = t;\n');
    write("display/clock.ts", 'import { when } from "../shared/when.js";\nimport { t } from "../shared/i18n/board-messages.js";\nexport const w = [when, t];\n');
    write("display/main.ts", 'import "./card.js";\nimport "./clock.js";\n');
    // a staff component under display/ that the TV's page does not load may read the whole table
    write("display/staff-only.ts", 'import { t } from "../shared/i18n/messages.js";\nexport const s = t;\n');
    const found = violations().filter((v) => v.kind === "tv-page").map((v) => v.detail);
    expect(found).toEqual(["display/main.ts → display/card.ts → shared/i18n/messages.ts", "display/main.ts → display/clock.ts → shared/when.ts → date-fns"]);
  });
});

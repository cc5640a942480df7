import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITE_PATH_MODULE, sitePathWrites } from "./site-paths.js";

const repo = path.resolve(import.meta.dirname, "../..");

/**
 * Issue 17 point 1: a group's node serves every store under `/s/<slug>/`, so a page that writes
 * `/api/...`, a namespace or another page's path itself talks to the root's site, not its own.
 */
describe("the pages' URLs", () => {
  it("are all built by display/site-path.ts", { timeout: 60_000 }, () => {
    expect(sitePathWrites(repo).map((w) => `${w.file}:${w.line} ${w.text}`)).toEqual([]);
  });
});

/** The check must not be foolable: each way of writing a path is planted in a page and must be named. */
describe("the site path check", () => {
  let root: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  const lines = (file: string) => sitePathWrites(root).filter((w) => w.file === file).map((w) => w.line);

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), "magboard-site-paths-"));
    symlinkSync(path.join(repo, "node_modules"), path.join(root, "node_modules"));
    copyFileSync(path.join(repo, "tsconfig.json"), path.join(root, "tsconfig.json"));
    mkdirSync(path.join(root, "display"), { recursive: true });
    copyFileSync(path.join(repo, SITE_PATH_MODULE), path.join(root, SITE_PATH_MODULE));
    write("shared/protocol-constants.ts", 'export const DISPLAY_NAMESPACE = "/display";\n');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("lets a page ask the module, name modules and paths in comments, and write other URLs", () => {
    write(
      "admin/good.ts",
      [
        'import { apiUrl, namespaceUrl, pageUrl, prefixOfSite } from "../display/site-path.js";',
        'import "./admin-app.js";',
        "// GET /api/board and the /staff namespace, as a comment says",
        "/** links to /display */",
        "export const board = (d: string) => apiUrl(`/board?date=${d}`);",
        'export const login = apiUrl("/auth/login");',
        'export const ns = location.origin + namespaceUrl("staff");',
        'export const tv = (slug: string) => pageUrl("display", prefixOfSite(slug));',
        'export const phone = (p: string) => `tel:${p}`;',
        'export const csv = "data:text/csv;charset=utf-8,";',
        'export const rel = "../displays/x.js";',
      ].join("\n"),
    );
    write("admin/index.html", '<!-- the editor, at /admin -->\n<link rel="stylesheet" href="./page.css" />\n<script type="module" src="./main.ts"></script>\n');
    expect(sitePathWrites(root).map((w) => `${w.file}:${w.line} ${w.text}`)).toEqual([]);
  });

  it.each([
    ["a plain string", 'export const u = "/api/board";'],
    ["a template literal", "export const u = (d: string) => `/api/board?date=${d}`;"],
    ["a template literal built of parts", 'export const u = `/${"api"}/board`;'],
    ["a string put together with +", 'export const u = "/ap" + "i/board";'],
    ["constants put together", 'const a = "/ap";\nconst b = "i/board";\nexport const u = a + b;'],
    ["a link in lit's html", 'declare const html: (s: TemplateStringsArray, ...v: unknown[]) => unknown;\nexport const v = html`<a href="/api/register/export.csv" download>csv</a>`;'],
    ["the origin and a page", "export const u = (key: string) => `${location.origin}/display#key=${key}`;"],
    ["a page link", 'export const u = "/admin";'],
    ["a namespace for socket.io", 'declare const io: (u: string) => void;\nio(location.origin + "/staff");'],
    ["the namespace constant", 'import { DISPLAY_NAMESPACE } from "../shared/protocol-constants.js";\nexport const u = location.origin + DISPLAY_NAMESPACE;'],
    ["a site's path", 'export const u = (slug: string) => "/s/" + slug + "/display";'],
    ["the group's API", 'export const u = "/group/api/sites";'],
  ])("catches %s", (_what, text) => {
    const file = `group/bad-${Math.random().toString(36).slice(2)}.ts`;
    write(file, text);
    try {
      expect(lines(file)).not.toEqual([]);
    } finally {
      rmSync(path.join(root, file));
    }
  });

  it("catches a link in a page's index.html", () => {
    write("gate/index.html", '<body>\n  <a href="/admin">editor</a>\n</body>\n');
    expect(lines("gate/index.html")).toEqual([2]);
  });
});

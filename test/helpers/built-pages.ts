import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
// outside the checkout and with no dot-directory on the way: express.static refuses to serve paths through one
const cacheRoot = path.join(tmpdir(), "magboard-pages", createHash("sha256").update(root).digest("hex").slice(0, 12));
/** Builds of older sources kept besides the current one, so switching branches back and forth stays cheap. */
const KEEP_OLD_BUILDS = 2;

/** Everything a page bundle is made from; a change to any of these makes a new build. */
const PAGES = ["display", "admin", "advisor", "gate", "group"];
// login/ holds the staff sign-in elements the staff pages share
const SOURCES = [...PAGES, "shared", "login"];
const SOURCE_FILES = ["vite.config.ts", "package-lock.json"];

function hashTree(hash: ReturnType<typeof createHash>, dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, p);
    else {
      hash.update(path.relative(root, p));
      hash.update(readFileSync(p));
    }
  }
}

function sourceHash(): string {
  const hash = createHash("sha256");
  for (const dir of SOURCES) hashTree(hash, path.join(root, dir));
  for (const file of SOURCE_FILES) {
    const p = path.join(root, file);
    if (existsSync(p)) hash.update(readFileSync(p));
  }
  return hash.digest("hex").slice(0, 16);
}

function pruneOldBuilds(current: string): void {
  const others = readdirSync(cacheRoot, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== current)
    .map((e) => ({ name: e.name, at: statSync(path.join(cacheRoot, e.name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of others.slice(KEEP_OLD_BUILDS)) rmSync(path.join(cacheRoot, old.name), { recursive: true, force: true });
}

/**
 * The pages as Vite builds them for production, in a cache keyed by their sources: built at most
 * once per change, so browser tests never depend on someone having run `npm run build` first.
 */
export async function buildPages(): Promise<string> {
  const key = sourceHash();
  const dir = path.join(cacheRoot, key);
  if (existsSync(path.join(dir, ".complete"))) return dir;
  mkdirSync(cacheRoot, { recursive: true });
  const tmp = path.join(cacheRoot, `.tmp-${key}-${process.pid}`);
  // with no page yet there is nothing to bundle, and Vite would look for a root index.html instead
  if (PAGES.some((p) => existsSync(path.join(root, p, "index.html")))) {
    const { build } = await import("vite");
    // under vitest NODE_ENV is "test", which would bundle Lit's development build; test what ships
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await build({
        configFile: path.join(root, "vite.config.ts"),
        mode: "production",
        logLevel: "error",
        build: { outDir: tmp, emptyOutDir: true },
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  } else {
    mkdirSync(tmp, { recursive: true });
  }
  writeFileSync(path.join(tmp, ".complete"), key);
  // another run may have finished the same build meanwhile; theirs is as good as ours
  if (existsSync(path.join(dir, ".complete"))) rmSync(tmp, { recursive: true, force: true });
  else {
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
  }
  pruneOldBuilds(key);
  return dir;
}

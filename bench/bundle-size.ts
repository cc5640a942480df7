import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "./lib/child.js";

export interface BundleResult {
  /** gzip -9 of everything the display page loads: its HTML and the scripts, styles and chunks they pull in */
  gzipBytes: number;
  rawBytes: number;
  files: { file: string; raw: number; gzip: number }[];
}

const REF = /(?:src|href)="([^"]+\.(?:js|css))"/g;
const IMPORT = /(?:import|from)\s*\(?\s*["']([^"']+\.js)["']/g;

export const hasDisplayPage = () => existsSync(path.join(ROOT, "display", "index.html"));

/** The production build, as `npm run build` makes it, into `out`. */
export function buildPages(out: string): void {
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "error"], {
    cwd: ROOT,
    env: { ...process.env, MAGBOARD_DIST: out },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Builds the pages into a temp dir and measures what the display page loads. */
export function measureBundle(): BundleResult | { missing: string } {
  if (!hasDisplayPage()) return { missing: "display/index.html does not exist on this branch" };
  const out = mkdtempSync(path.join(os.tmpdir(), "magboard-dist-"));
  try {
    buildPages(out);
    const html = path.join(out, "display", "index.html");
    const seen = new Set<string>([html]);
    const queue = [html];
    while (queue.length) {
      const file = queue.shift()!;
      const text = readFileSync(file, "utf8");
      for (const re of [REF, IMPORT]) {
        for (const m of text.matchAll(re)) {
          const ref = m[1]!;
          const target = ref.startsWith("/") ? path.join(out, ref) : path.resolve(path.dirname(file), ref);
          if (!seen.has(target) && existsSync(target)) {
            seen.add(target);
            queue.push(target);
          }
        }
      }
    }
    const files = [...seen].map((f) => {
      const body = readFileSync(f);
      return { file: path.relative(out, f), raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
    });
    return { gzipBytes: files.reduce((s, f) => s + f.gzip, 0), rawBytes: files.reduce((s, f) => s + f.raw, 0), files };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

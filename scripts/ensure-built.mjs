// Builds the pages with Vite when dist/ is missing or older than their sources, so `npm start`
// works on a fresh clone without a separate build step.
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const stamp = path.join(root, "dist", ".built");

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

// every folder a page bundles code from
const sourceDirs = ["display", "admin", "advisor", "gate", "group", "login", "shared"];
const sources = Math.max(...sourceDirs.map((d) => newest(path.join(root, d))), statSync(path.join(root, "vite.config.ts")).mtimeMs);
if (!existsSync(stamp) || statSync(stamp).mtimeMs < sources) {
  console.log("[magboard] building the pages…");
  execFileSync(process.execPath, [path.join(root, "node_modules", "vite", "bin", "vite.js"), "build"], { cwd: root, stdio: "inherit" });
  writeFileSync(stamp, new Date().toISOString() + "\n");
}

import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig } from "vite";

const pages = ["display", "admin", "advisor", "gate", "group"].filter((p) => existsSync(resolve(__dirname, p, "index.html")));

/** One bundle per page; the server serves dist/<page>/index.html at /<page>. */
export default defineConfig({
  root: __dirname,
  build: {
    outDir: process.env.MAGBOARD_DIST ?? "dist",
    emptyOutDir: true,
    target: "es2022",
    rollupOptions: {
      input: Object.fromEntries(pages.map((p) => [p, resolve(__dirname, p, "index.html")])),
    },
  },
  esbuild: { target: "es2022" },
});

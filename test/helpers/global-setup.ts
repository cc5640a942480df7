import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildPages } from "./built-pages.js";
import { startPostgres } from "../../scripts/cluster/postgres.js";
import { freePort } from "./server-process.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The built pages (display, admin, advisor), for `startTestServer({ staticDir })`. */
    pagesDir: string;
    /** The run's private PostgreSQL (`startTestServer({ engine: "postgres" })` makes a site on it per server). */
    postgresUrl: string;
  }
}

/**
 * Builds the pages once per run (a no-op when the cached build matches the sources), starts one
 * private PostgreSQL for the whole run, and hands both to every test file.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(tmpdir(), "magboard-test-pg-"));
  const [pagesDir, postgres] = await Promise.all([buildPages(), startPostgres({ dir, port: await freePort() })]);
  project.provide("pagesDir", pagesDir);
  project.provide("postgresUrl", postgres.url);
  return async () => {
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

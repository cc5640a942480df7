import type { TestProject } from "vitest/node";
import { buildPages } from "./built-pages.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The built pages (display, admin, advisor), for `startTestServer({ staticDir })`. */
    pagesDir: string;
  }
}

/** Builds the pages once per run (a no-op when the cached build matches the sources) and hands the path to every test file. */
export default async function setup(project: TestProject): Promise<void> {
  project.provide("pagesDir", await buildPages());
}

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // the site's zone is set per test; the machine's zone must never leak into a result
    env: { TZ: "Etc/UTC" },
    // a guard against hangs, not a speed check: browser tests on a busy 2-core machine need room
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // browser tests start Chromium; two cores cannot run many at once without starving the timers under test
    maxWorkers: 2,
    globalSetup: ["test/helpers/global-setup.ts"],
    reporters: ["default", "./test/helpers/summary-reporter.ts"],
  },
});

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
    // expect.poll waits for a state to appear, it is not a speed check: 1 s (vitest's default) is
    // shorter than one password hash plus a page's first render on a loaded 2-core machine
    expect: { poll: { timeout: 15_000 } },
    globalSetup: ["test/helpers/global-setup.ts"],
    reporters: ["default", "./test/helpers/summary-reporter.ts"],
  },
});

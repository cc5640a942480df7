// `node --import tsx bench/profile-drag.ts [FIXTURE]`: a CPU profile and the renderer main thread's
// time by trace event while a card is carried across the day in the editor (bench/editor-drag.ts),
// on an unminified build so the functions keep their names. Summarise the profile with
// bench/lib/profile-summary.ts. PROFILE_TRACE=0: the frame times alone, without the profiler's and
// the trace's own cost; PROFILE_CATS adds trace categories (e.g. disabled-by-default-devtools.timeline.invalidationTracking).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { addDays, localParts } from "../shared/rules/zoned-time.js";
import { mainThreadTime, serveUnminified } from "./lib/page-profiling.js";
import { launchChromium } from "./lib/display-run.js";
import { signIn } from "./lib/targets.js";
import { summarize } from "./lib/stats.js";
import { carryAcrossDay, openEditor } from "./editor-drag.js";
import type { FixtureName } from "../shared/schemas/sample.js";

const fixture = (process.argv[2] ?? "big") as FixtureName;
const tmp = mkdtempSync(path.join(os.tmpdir(), "magboard-dragprof-"));
const out = process.env.PROFILE_DIR ?? path.join(os.tmpdir(), "magboard-profiles");
mkdirSync(out, { recursive: true });
const date = addDays(localParts(Date.now(), "Asia/Shanghai").date, 1);

const server = await serveUnminified(tmp, date, fixture);
const browser = await launchChromium();
try {
  const origin = `http://127.0.0.1:${server.ready.port}`;
  const { context, page } = await openEditor(browser, origin, await signIn(origin), date, (m) => process.stdout.write(`${m}\n`));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  const tracing = process.env.PROFILE_TRACE !== "0";
  if (tracing) await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", ...(process.env.PROFILE_CATS ? process.env.PROFILE_CATS.split(",") : [])] });
  if (tracing) await cdp.send("Profiler.start");
  const frames = await carryAcrossDay(page);
  const profile = tracing ? (await cdp.send("Profiler.stop")).profile : null;
  const trace = tracing ? (await browser.stopTracing()).toString("utf8") : "";
  if (profile) writeFileSync(path.join(out, `drag-${fixture}.cpuprofile`), JSON.stringify(profile));
  if (tracing) writeFileSync(path.join(out, `drag-${fixture}.trace.json`), trace);
  const s = summarize(frames);
  process.stdout.write(`drag on the ${fixture} day: ${s.n} frames, p50 ${s.p50.toFixed(1)} p99 ${s.p99.toFixed(1)} max ${s.max.toFixed(1)} ms\n`);
  if (tracing) process.stdout.write(mainThreadTime(trace, s.n, "frame"));
  await context.close();
} finally {
  await browser.close();
  await server.stop();
  rmSync(tmp, { recursive: true, force: true });
}


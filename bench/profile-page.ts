// `node --import tsx bench/profile-page.ts FIXTURE WIDTH SLOWDOWN [layout=grid] [moves]`: a CPU profile of the
// display page (an unminified build, so the functions keep their names) in headless Chromium while an
// editor moves cards of the first page 120 ms apart (as the bench does), and another of the first
// paint; plus Chromium's own counters of script, style and layout time per patch. Summarise the
// profiles with bench/lib/profile-summary.ts. PROFILE_TRACE=1 adds Chromium's trace (written next to
// the profiles), PROFILE_CATS more trace categories (e.g. disabled-by-default-devtools.timeline.invalidationTracking).
// PROFILE_CSS adds a stylesheet to the grid's shadow root before the moves (to try a change of look
// on the frame's costs without a build). PROFILE_MOVE=hour moves each card an hour later and, its
// next turn, back (to another cell, as a rescheduled card goes) instead of to the other half of its
// hour (the same cell on 60-minute slots).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { addDays, localParts } from "../shared/rules/zoned-time.js";
import { formatMinutesOfDay, minutesOfDay } from "../shared/rules/time-of-day.js";
import { mainThreadTime, pageCpuPerPatch, serveUnminified } from "./lib/page-profiling.js";
import { launchChromium, shownOnPage, waitFor } from "./lib/display-run.js";
import { MagboardTarget } from "./lib/targets.js";
import { sleep } from "./lib/stats.js";
import { PROBE } from "./browser-probe.js";
import type { FixtureName } from "../shared/schemas/sample.js";

const [fixture = "busy", width = "1920", slowdown = "1", query = "", movesArg = "200"] = process.argv.slice(2);
const viewport = width === "3840" ? { width: 3840, height: 2160 } : { width: 1920, height: 1080 };
const rate = Number(slowdown);
const moves = Number(movesArg);
const tmp = mkdtempSync(path.join(os.tmpdir(), "magboard-pageprof-"));
const out = process.env.PROFILE_DIR ?? path.join(os.tmpdir(), "magboard-profiles");
mkdirSync(out, { recursive: true });
const tag = `${fixture}-${viewport.width}-x${rate}${query ? `-${query.replace(/\W/g, "")}` : ""}`;
const date = addDays(localParts(Date.now(), "Asia/Shanghai").date, 1);

type Bench = { full: number[]; patches: { paint: number; work: number; frames: number }[]; watchPatches?: boolean };
const metrics = async (cdp: import("playwright-core").CDPSession) =>
  Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));

const server = await serveUnminified(tmp, date, fixture as FixtureName);
const browser = await launchChromium();
const editor = await MagboardTarget.open(server.ready);
try {
  const url = `http://127.0.0.1:${server.ready.port}/display?date=${date}&pageSeconds=600${query ? `&${query}` : ""}`;
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: "zh-CN", ...(process.env.PROFILE_REDUCED === "1" ? { reducedMotion: "reduce" as const } : {}) });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (rate > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Performance.enable");

  // the first paint, three loads in one profile
  await cdp.send("Profiler.start");
  for (let i = 0; i < 3; i++) {
    await page.goto(url);
    await waitFor("a full board", () => page.evaluate(() => (window as unknown as { __bench: Bench }).__bench), (b) => b.full.length > 0);
    await sleep(300);
  }
  const first = (await cdp.send("Profiler.stop")).profile;
  writeFileSync(path.join(out, `${tag}-first.cpuprofile`), JSON.stringify(first));
  await sleep(1_000);

  if (process.env.PROFILE_CSS) {
    await page.evaluate((text) => {
      const grid = document.querySelector("display-app")!.shadowRoot!.querySelector("board-grid")!;
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      grid.shadowRoot!.adoptedStyleSheets = [...grid.shadowRoot!.adoptedStyleSheets, sheet];
    }, process.env.PROFILE_CSS);
    await sleep(500);
  }
  const { shown } = await shownOnPage(page);
  editor.onlyCards(new Set(shown));
  if (process.env.PROFILE_MOVE === "hour") {
    const turns = new Map<number, number>();
    editor.destination = (card) => {
      const turn = turns.get(card.id) ?? 0;
      turns.set(card.id, turn + 1);
      return formatMinutesOfDay(minutesOfDay(card.startTime) + (turn % 2 === 0 ? 60 : -60));
    };
  }
  await page.evaluate(() => {
    const b = (window as unknown as { __bench: Bench }).__bench;
    b.patches = [];
    b.watchPatches = true;
  });
  const before = await metrics(cdp);
  const tracing = process.env.PROFILE_TRACE === "1";
  if (tracing) await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", ...(process.env.PROFILE_CATS ? process.env.PROFILE_CATS.split(",") : [])] });
  await cdp.send("Profiler.start");
  for (let i = 0; i < moves; i++) {
    await editor.send();
    await sleep(40 * Math.max(1, rate / 2));
  }
  await sleep(2_000);
  const patches = (await cdp.send("Profiler.stop")).profile;
  const after = await metrics(cdp);
  if (editor.errors.length > 0) process.stdout.write(`${editor.errors.length} moves refused, e.g. ${editor.errors[0]}\n`);
  writeFileSync(path.join(out, `${tag}-patches.cpuprofile`), JSON.stringify(patches));
  if (tracing) {
    const trace = (await browser.stopTracing()).toString("utf8");
    writeFileSync(path.join(out, `${tag}.trace.json`), trace);
    process.stdout.write(mainThreadTime(trace, moves, "patch"));
    const cpu = pageCpuPerPatch(trace).sort((x, y) => x - y);
    process.stdout.write(`own work in CPU time: ${cpu.length} patches, p50 ${cpu[Math.floor(cpu.length / 2)]?.toFixed(2)} p99 ${cpu[Math.floor(cpu.length * 0.99)]?.toFixed(2)} max ${cpu.at(-1)?.toFixed(2)}\n`);
  }
  const b = await page.evaluate(() => (window as unknown as { __bench: Bench }).__bench);
  const per = (k: string) => (((after[k] ?? 0) - (before[k] ?? 0)) * 1000) / moves;
  const sorted = (xs: number[]) => xs.filter(Number.isFinite).sort((x, y) => x - y);
  const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]?.toFixed(1);
  const paint = sorted(b.patches.map((p) => p.paint));
  const work = sorted(b.patches.map((p) => p.work));
  process.stdout.write(
    `${tag}: ${shown.length} shown; per patch (ms): script ${per("ScriptDuration").toFixed(2)}, style ${per("RecalcStyleDuration").toFixed(2)}, layout ${per("LayoutDuration").toFixed(2)}, task ${per("TaskDuration").toFixed(2)}; ` +
      `paint p50 ${q(paint, 0.5)} p99 ${q(paint, 0.99)} (${b.patches.length - paint.length} unseen of ${b.patches.length}); work p50 ${q(work, 0.5)} p99 ${q(work, 0.99)}; ` +
      `first frame ${b.patches.filter((p) => p.frames === 1).length}/${b.patches.length}; full board ${b.full.map((x) => x.toFixed(0)).join(",")}; ` +
      // CPU time rather than the tasks' wall time: on a loaded machine the tasks wait for a core, the CPU time does not
      `CPU per patch: main thread ${per("ThreadTime").toFixed(2)}, renderer ${per("ProcessTime").toFixed(2)}; page ${after.Nodes} nodes, ${after.LayoutObjects} layout objects\n`,
  );
  await context.close();
} finally {
  await editor.close();
  await browser.close();
  await server.stop();
  rmSync(tmp, { recursive: true, force: true });
}

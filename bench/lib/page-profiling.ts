import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { ROOT, ServerChild } from "./child.js";
import type { MagboardReady } from "../servers/magboard-server.js";
import type { FixtureName } from "../../shared/schemas/sample.js";
import { PATCH_STAMP } from "../browser-probe.js";

/** The pages built without minifying (so a profile names the functions), served by magboard on the fixture's day, all under `tmp`. */
export function serveUnminified(tmp: string, date: string, fixture: FixtureName): Promise<ServerChild<MagboardReady>> {
  const dist = path.join(tmp, "dist");
  buildUnminified(dist);
  const dataDir = path.join(tmp, "db");
  mkdirSync(dataDir);
  return ServerChild.start<MagboardReady>("magboard-server.ts", { BENCH_DIR: dataDir, BENCH_DATE: date, BENCH_STATIC: dist, BENCH_FIXTURE: fixture });
}

function buildUnminified(dist: string): void {
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "vite", "bin", "vite.js"), "build", "--minify", "false", "--logLevel", "error"], {
    cwd: ROOT,
    env: { ...process.env, MAGBOARD_DIST: dist },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** The renderer main thread's time per `unit` (a patch, a frame) by trace event (the longest first), nested events counted in their parents too. */
export function mainThreadTime(json: string, per: number, unit: string): string {
  type Ev = {
    name: string;
    ph: string;
    dur?: number;
    pid: number;
    tid: number;
    args?: { name?: string; elementCount?: number; beginData?: { dirtyObjects?: number } };
  };
  const events = (JSON.parse(json) as { traceEvents: Ev[] }).traceEvents;
  const main = events.find((e) => e.ph === "M" && e.args?.name === "CrRendererMain");
  const sums = new Map<string, number>();
  // how much the browser restyled and laid out, which a loaded machine does not change: elements and layout objects per unit
  let restyled = 0;
  let laidOut = 0;
  for (const e of events) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid) continue;
    if (e.ph === "X" && e.dur) sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur);
    if (e.name === "UpdateLayoutTree") restyled += e.args?.elementCount ?? 0;
    if (e.name === "Layout") laidOut += e.args?.beginData?.dirtyObjects ?? 0;
  }
  return (
    `${(restyled / per).toFixed(0)} elements restyled and ${(laidOut / per).toFixed(0)} layout objects laid out per ${unit}\n` +
    [...sums]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k, v]) => `${(v / 1000 / per).toFixed(2).padStart(8)} ms/${unit}  ${k}`)
      .join("\n") + "\n"
  );
}

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string; data?: { url?: string; message?: string } } };

/**
 * The page's own work per patch in CPU time (the renderer main thread's clock, not the wall's), from a
 * trace of devtools.timeline and disabled-by-default-devtools.timeline in which the probe stamped
 * each patch's arrival (`console.timeStamp(PATCH_STAMP)`). Per patch: the task that received it,
 * less the probe's listener, plus the page's animation frame callbacks (with the render their
 * microtasks run) in the first frame after it that has any. The wall-clock work also counts the
 * time the thread waited for a core: on this bench's two cores the server and the editor run beside
 * the browser, which a TV's own browser does not share.
 */
export function pageCpuPerPatch(json: string): number[] {
  const events = (JSON.parse(json) as { traceEvents: TraceEvent[] }).traceEvents;
  const stamps = events.filter((e) => e.name === "TimeStamp" && e.args?.data?.message === PATCH_STAMP).sort((a, b) => a.ts - b.ts);
  if (stamps.length === 0) return [];
  const { pid, tid } = stamps[0]!;
  const on = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === "X" && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const tasks = on.filter((e) => e.name === "RunTask" && e.tdur !== undefined);
  const within = (outer: TraceEvent, e: TraceEvent) => e.ts >= outer.ts && e.ts + e.dur! <= outer.ts + outer.dur!;
  const inside = (outer: TraceEvent, name: string) => on.filter((e) => e.name === name && within(outer, e));
  // the probe is an init script: its functions have no URL, the page's come from its bundle
  const isPage = (f: TraceEvent) => !!f.args?.data?.url;
  const cpu: number[] = [];
  for (const s of stamps) {
    const task = tasks.find((t) => t.ts <= s.ts && s.ts <= t.ts + t.dur!);
    if (!task) continue;
    const probe = inside(task, "FunctionCall").filter((f) => !isPage(f)).reduce((sum, f) => sum + f.tdur!, 0);
    let render = 0;
    for (const t of tasks) {
      if (t.ts < task.ts + task.dur! || t.ts > s.ts + 1_000_000) continue;
      const page = inside(t, "FireAnimationFrame").filter((f) => inside(f, "FunctionCall").some(isPage));
      if (page.length === 0) continue;
      render = page.reduce((sum, f) => sum + f.tdur!, 0);
      break;
    }
    cpu.push((task.tdur! - probe + render) / 1000);
  }
  return cpu;
}

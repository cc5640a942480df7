import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { ROOT, ServerChild } from "./child.js";
import type { MagboardReady } from "../servers/magboard-server.js";
import type { FixtureName } from "../../shared/schemas/sample.js";

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

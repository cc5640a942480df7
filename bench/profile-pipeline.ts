// `node --cpu-prof --cpu-prof-dir=DIR --import tsx bench/profile-pipeline.ts`: the pipeline section alone,
// long enough for a CPU profile of a move (summarise it with bench/lib/profile-summary.ts).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { addDays, localParts } from "../shared/rules/zoned-time.js";
import { measurePipeline } from "./pipeline-cost.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "magboard-prof-"));
try {
  const date = addDays(localParts(Date.now(), "Asia/Shanghai").date, 1);
  const r = await measurePipeline(dir, date, 3, 2_000);
  process.stdout.write(`move p50 ${r.move.p50.toFixed(2)} ms, bare commit p50 ${r.bareCommit.p50.toFixed(2)} ms\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ROOT } from "./lib/child.js";
import { median, sleep } from "./lib/stats.js";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}

/** `node --import tsx server/main.ts` on an empty DATA_DIR (a first start: migrations, settings, sample day) until /api/health answers 200. */
async function once(): Promise<number> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "magboard-cold-"));
  const port = await freePort();
  const start = performance.now();
  const proc = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", MAGBOARD_TIME_ZONE: "Asia/Shanghai" },
    stdio: "ignore",
  });
  try {
    const url = `http://127.0.0.1:${port}/api/health`;
    while (!(await healthy(url))) {
      if (proc.exitCode !== null) throw new Error(`server/main.ts exited with ${proc.exitCode}`);
      if (performance.now() - start > 30_000) throw new Error("server/main.ts did not answer /api/health within 30 s");
      await sleep(5);
    }
    return performance.now() - start;
  } finally {
    const exited = new Promise((r) => proc.once("exit", r));
    proc.kill("SIGTERM");
    await Promise.race([exited, sleep(3_000)]);
    if (proc.exitCode === null) proc.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export interface ColdStartResult {
  ms: number;
  runs: number[];
}

export async function measureColdStart(repeats: number): Promise<ColdStartResult> {
  const runs: number[] = [];
  for (let i = 0; i < repeats; i++) runs.push(await once());
  return { ms: median(runs), runs };
}

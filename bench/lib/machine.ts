import os from "node:os";
import { readFileSync } from "node:fs";

/** Read as a file rather than required: nothing is loaded, and every import stays one the architecture test can read. */
function version(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(new URL(`../../node_modules/${pkg}/package.json`, import.meta.url), "utf8")) as { version: string }).version;
  } catch {
    return "not installed";
  }
}

function diskOf(dir: string): string {
  try {
    const mounts = readFileSync("/proc/mounts", "utf8").trim().split("\n").map((l) => l.split(" "));
    // the longest mount point that contains the directory is the one it lives on
    const best = mounts.filter(([, point]) => point && dir.startsWith(point)).sort((a, b) => b[1]!.length - a[1]!.length)[0];
    return best ? `${best[2]} on ${best[0]}` : "unknown";
  } catch {
    return "unknown";
  }
}

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  loadAverage: number[];
  os: string;
  node: string;
  libraries: Record<string, string>;
  tempDisk: string;
  date: string;
}

/** What the figures were measured on; they mean little without it. */
export function describeMachine(tempDir: string): Machine {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    libraries: Object.fromEntries(
      ["socket.io", "socket.io-client", "engine.io", "ws", "better-sqlite3", "playwright-core", "vite", "lit"].map((p) => [p, version(p)]),
    ),
    tempDisk: diskOf(tempDir),
    date: new Date().toISOString(),
  };
}

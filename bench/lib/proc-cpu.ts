import { readdirSync, readFileSync } from "node:fs";

/** Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ): 100 on every architecture Node runs on here. */
const TICKS_PER_SECOND = 100;

/** The fields after the command name, which may itself hold spaces and parentheses. */
function statFields(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/**
 * CPU time of a process in ms: its user and system time and that of its children it has reaped
 * (PostgreSQL's backends that ended); 0 for a process that is gone.
 */
export function cpuMsOf(pid: number): number {
  const f = statFields(pid);
  // utime, stime, cutime, cstime are fields 14–17 of stat, i.e. 11–14 after the state field (3)
  if (!f) return 0;
  return ((Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 1000) / TICKS_PER_SECOND;
}

/** The processes whose parent is `pid` (PostgreSQL's backends and workers under its postmaster). */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const f = statFields(Number(name));
    if (f && Number(f[1]) === pid) out.push(Number(name));
  }
  return out;
}

/** Resident memory of a process in bytes; 0 for a process that is gone. */
export function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** A set of processes (and, for those asked, their children) whose CPU time is read together. */
export class CpuMeter {
  constructor(private readonly roots: () => { pid: number | undefined; withChildren?: boolean }[]) {}

  /** Their CPU time so far, ms. */
  read(): number {
    let ms = 0;
    for (const r of this.roots()) {
      if (r.pid === undefined) continue;
      ms += cpuMsOf(r.pid);
      if (r.withChildren) for (const c of childrenOf(r.pid)) ms += cpuMsOf(c);
    }
    return ms;
  }
}

/** The whole machine's busy CPU time so far (every core, every process: ours and anyone else's), ms. */
export function machineBusyMs(): number {
  const f = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: idle and iowait are not busy
  const busy = f.slice(0, 8).reduce((s, x, i) => (i === 3 || i === 4 ? s : s + x), 0);
  return (busy * 1000) / TICKS_PER_SECOND;
}

import { execFile, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A private PostgreSQL server in a folder of its own, on a loopback port: no system service is touched. */
export interface PostgresServer {
  port: number;
  /** `postgres://magboard@127.0.0.1:<port>/magboard`: trust authentication, loopback only. */
  url: string;
  /** The postmaster's process id, from its pid file (a benchmark reads its and its backends' CPU time); undefined while it is down. */
  pid(): number | undefined;
  /** Starts it again on the same folder and port (after `stop` or `crash`). */
  start(): Promise<void>;
  /** A clean shutdown: connections are ended, every committed transaction is on disk. */
  stop(): Promise<void>;
  /** `pg_ctl stop -m immediate`: the postmaster and every backend die at once, as at a power cut. */
  crash(): Promise<void>;
}

/** Debian's layout (`/usr/lib/postgresql/<major>/bin`), newest major first; `PG_BIN` overrides it. */
export function postgresBinDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PG_BIN) return env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const majors = existsSync(root) ? readdirSync(root).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const m of majors) if (existsSync(path.join(root, m, "bin", "initdb"))) return path.join(root, m, "bin");
  throw new Error("PostgreSQL is not installed: apt-get install postgresql (or set PG_BIN to the folder holding initdb)");
}

/**
 * PostgreSQL refuses to run as root, so as root every command runs as Debian's `postgres` user,
 * which must own the folder.
 */
function asServerUser(dir: string): { wrap: (cmd: string, args: string[]) => [string, string[]] } {
  if (process.getuid?.() !== 0) return { wrap: (cmd, args) => [cmd, args] };
  const id = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (id.status !== 0) throw new Error("running as root, and there is no postgres user to run PostgreSQL as");
  chownSync(dir, Number(id.stdout.trim()), Number(gid.stdout.trim()));
  // mkdtemp makes 0700 folders: postgres must be able to pass through them to reach its own
  const tmp = path.resolve(tmpdir());
  for (let up = path.dirname(path.resolve(dir)); up.startsWith(tmp + path.sep); up = path.dirname(up)) {
    const st = statSync(up);
    if (st.uid === 0 && !(st.mode & 0o001)) chmodSync(up, st.mode | 0o001);
  }
  return { wrap: (cmd, args) => ["runuser", ["-u", "postgres", "--", cmd, ...args]] };
}

export async function startPostgres(opts: { dir: string; port: number; binDir?: string }): Promise<PostgresServer> {
  const bin = opts.binDir ?? postgresBinDir();
  mkdirSync(opts.dir, { recursive: true });
  const { wrap } = asServerUser(opts.dir);
  const data = path.join(opts.dir, "data");
  const exec = async (tool: string, args: string[]) => {
    const [cmd, full] = wrap(path.join(bin, tool), args);
    return run(cmd, full, { cwd: opts.dir, encoding: "utf8" });
  };
  await exec("initdb", ["-D", data, "-A", "trust", "-U", "magboard", "-E", "UTF8", "--locale=C", "--no-instructions"]);
  // a group's node holds up to 4 connections per store it has open, plus a few of its own
  // (docs/GROUP.md, Deployment): 3 nodes of 10 stores need ~130, past PostgreSQL's default 100
  const serverOptions = `-p ${opts.port} -k ${opts.dir} -c listen_addresses=127.0.0.1 -c max_connections=400`;
  const start = async () => {
    await exec("pg_ctl", ["-D", data, "-o", serverOptions, "-l", path.join(opts.dir, "server.log"), "-w", "-t", "30", "start"]);
  };
  await start();
  await exec("createdb", ["-h", "127.0.0.1", "-p", String(opts.port), "-U", "magboard", "magboard"]);
  return {
    port: opts.port,
    url: `postgres://magboard@127.0.0.1:${opts.port}/magboard`,
    pid: () => {
      const file = path.join(data, "postmaster.pid");
      return existsSync(file) ? Number(readFileSync(file, "utf8").split("\n")[0]) : undefined;
    },
    start,
    stop: async () => void (await exec("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"])),
    crash: async () => void (await exec("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"])),
  };
}

import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { ROOT } from "./child.js";
import { freePort } from "../../scripts/cluster/free-port.js";

/** `server/main.ts` as `npm start` runs it (SQLite, synchronous=FULL), on a data folder of its own. */
export interface MainNode {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startMainNode(dataDir: string, env: NodeJS.ProcessEnv): Promise<MainNode> {
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const proc: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", MAGBOARD_BACKUP_KEEP: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  await new Promise<void>((resolve, reject) => {
    const take = (d: Buffer) => {
      out = (out + d.toString()).slice(-8000);
      // main.ts prints its API address once it listens
      if (/API\s+http:\/\/localhost:\d+\/api\/health/.test(out)) resolve();
    };
    proc.stdout!.on("data", take);
    proc.stderr!.on("data", take);
    proc.once("exit", (code) => reject(new Error(`server/main.ts exited (${code}) before it listened:\n${out}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: proc.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once("exit", () => resolve());
        proc.kill("SIGTERM");
      }),
  };
}

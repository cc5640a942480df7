import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { ROOT } from "./child.js";

/** `server/main.ts` as `npm start` runs it (SQLite, synchronous=FULL), on a data folder of its own. */
export interface MainNode {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startMainNode(dataDir: string, env: NodeJS.ProcessEnv): Promise<MainNode> {
  mkdirSync(dataDir, { recursive: true });
  const proc: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    // port 0: the kernel picks one as it listens, so no other program on a shared machine can take it first
    env: { ...process.env, ...env, DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", MAGBOARD_BACKUP_KEEP: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const port = await new Promise<number>((resolve, reject) => {
    const take = (d: Buffer) => {
      out = (out + d.toString()).slice(-8000);
      // main.ts prints its API address, with the port it got, once it listens
      const m = /API\s+http:\/\/localhost:(\d+)\/api\/health/.exec(out);
      if (m) resolve(Number(m[1]));
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

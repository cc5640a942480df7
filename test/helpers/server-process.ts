import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { TEST_ADMIN_PASSWORD } from "./test-server.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything the server printed so far, stdout and stderr. */
  output(): string;
  /** Resolves as soon as the server has printed `text` (stdout or stderr); fails after `ms`. */
  printed(text: string, ms?: number): Promise<void>;
  /** Resolves when the process has exited, with its code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface ServerProcessOptions {
  dataDir: string;
  /** 0 (the default) lets the OS pick; pass a fixed one to restart on the same address. */
  port?: number;
  env?: Record<string, string>;
  /** Node flags, e.g. --expose-gc. */
  nodeArgs?: string[];
  /** Defaults to the real composition root. */
  entry?: string;
}

export { freePort } from "../../scripts/cluster/free-port.js";

/** Starts `node --import tsx server/main.ts` as the service manager would, and waits until it listens. */
export async function startServerProcess(opts: ServerProcessOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), "--import", "tsx", opts.entry ?? "server/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: opts.dataDir,
      PORT: String(opts.port ?? 0),
      HOST: "127.0.0.1",
      MAGBOARD_SAMPLE: "0",
      MAGBOARD_TIME_ZONE: "Asia/Shanghai",
      MAGBOARD_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const onData = () => {
      const m = /API\s+http:\/\/localhost:(\d+)\//.exec(out);
      if (m) {
        child.stdout!.off("data", onData);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on("data", onData);
    void exited.then(({ code, signal }) => reject(new Error(`server exited (${code ?? signal}) before listening:\n${out}`)));
  });
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    printed: (text, ms = 10_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!out.includes(text)) return;
          done();
          resolve();
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`the server did not print "${text}" within ${ms} ms:\n${out}`));
        }, ms);
        const done = () => {
          clearTimeout(timer);
          child.stdout!.off("data", check);
          child.stderr!.off("data", check);
        };
        // after the output's own listeners, so `out` already holds the chunk
        child.stdout!.on("data", check);
        child.stderr!.on("data", check);
        check();
      }),
    exited,
    async kill(signal = "SIGKILL") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

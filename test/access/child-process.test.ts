import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { signInAt } from "../helpers/sign-in.js";
import { TEST_ADMIN_PASSWORD } from "../helpers/test-server.js";

const root = path.resolve(__dirname, "..", "..");

/** Starts `server/main.ts` as `npm start` would (without the page build) and waits for its address. */
function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; log: string[] }> {
  const log: string[] = [];
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], { cwd: root, env: { ...process.env, PORT: "0", HOST: "127.0.0.1", MAGBOARD_SAMPLE: "0", ...env } });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log.push(...chunk.toString().split("\n"));
      const m = /API\s+http:\/\/localhost:(\d+)\//.exec(log.join("\n"));
      if (m) resolve({ child, url: `http://127.0.0.1:${m[1]}`, log });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${log.join("\n")}`)));
  });
}

describe("a server started from the command line", () => {
  let child: ChildProcess | undefined;
  let dir = "";
  afterEach(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("takes the manager's password from MAGBOARD_ADMIN_PASSWORD, prints none, and serves data only after sign-in", { timeout: 60_000 }, async () => {
    dir = mkdtempSync(path.join(tmpdir(), "magboard-access-"));
    const started = await startServer({ DATA_DIR: dir, MAGBOARD_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD });
    child = started.child;
    expect(started.log.join("\n")).not.toContain("one-time password");
    expect((await fetch(`${started.url}/api/board`)).status).toBe(401);
    const cookie = await signInAt(started.url);
    expect((await fetch(`${started.url}/api/board`, { headers: { cookie } })).status).toBe(200);
  });

  it("prints a one-time password on first start when none is given", { timeout: 60_000 }, async () => {
    dir = mkdtempSync(path.join(tmpdir(), "magboard-access-"));
    const started = await startServer({ DATA_DIR: dir, MAGBOARD_ADMIN_PASSWORD: "" });
    child = started.child;
    const line = started.log.find((l) => l.includes("one-time password"));
    const password = /one-time password (\S+)/.exec(line ?? "")?.[1];
    expect(password).toMatch(/^[A-Z2-9]{16}$/);
    const cookie = await signInAt(started.url, "admin", password);
    const board = await fetch(`${started.url}/api/board`, { headers: { cookie } });
    expect(board.status).toBe(403);
  });
});

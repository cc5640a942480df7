import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { freePort } from "../../scripts/cluster/free-port.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// `npm run cluster`, as the README and docs/GROUP.md tell an operator to try the group's service.
describe("npm run cluster", () => {
  it("starts PostgreSQL, Redis, three nodes and HAProxy, answers through the balancer from each node in turn, and stops it all on Ctrl+C", async () => {
    const port = await freePort();
    const child = spawn("npm", ["run", "--silent", "cluster", "--", "--port", String(port)], { cwd: root, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const exited = new Promise<string>((resolve) => child.once("exit", (code, signal) => resolve(String(code ?? signal))));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("Ctrl+C stops the cluster")) resolve();
      });
      void exited.then((code) => reject(new Error(`npm run cluster exited (${code}) before it was up:\n${out}`)));
    });
    expect(out).toContain(`HAProxy    http://127.0.0.1:${port}`);
    const dir = /data in {4}(\S+)/.exec(out)?.[1];
    expect(dir && existsSync(dir)).toBe(true);

    // round robin: three requests through the balancer are answered by the three nodes
    const nodes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
      const body = (await health.json()) as { node: string; database: string; fanout: string };
      expect(body).toMatchObject({ database: "ok", fanout: "ok" });
      nodes.push(body.node);
    }
    expect(nodes.sort()).toEqual(["node-1", "node-2", "node-3"]);
    expect((await fetch(`http://127.0.0.1:${port}/s/main/display`)).status).toBe(200);

    // Ctrl+C reaches the whole process group, as from a terminal
    process.kill(-child.pid!, "SIGINT");
    // npm ends by the signal or with 0; the cluster script stops every service and removes its folder
    expect(["0", "SIGINT"]).toContain(await exited);
    await expect.poll(() => existsSync(dir!), { timeout: 30_000 }).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
  }, 120_000);
});

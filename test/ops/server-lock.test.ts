import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataFolderBusyError, holdLock, LOCK_FILE, PID_FILE } from "../../server/ops/server-lock.js";
import { startServerProcess, type ServerProcess } from "../helpers/server-process.js";

describe("the lock on the data folder", () => {
  let dataDir: string;
  const servers: ServerProcess[] = [];
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "magboard-lock-"));
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.kill("SIGKILL")));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("is held once: a second holder is refused, and after release it can be taken again", () => {
    const release = holdLock(dataDir);
    expect(readFileSync(path.join(dataDir, PID_FILE), "utf8").trim()).toBe(String(process.pid));
    expect(() => holdLock(dataDir)).toThrow(DataFolderBusyError);
    expect(() => holdLock(dataDir)).toThrow(`another magboard server (process ${process.pid}) is using ${dataDir}; stop it first`);
    release();
    expect(existsSync(path.join(dataDir, PID_FILE))).toBe(false);
    holdLock(dataDir)();
  });

  it("starts afresh on a lock file a power cut left damaged", () => {
    writeFileSync(path.join(dataDir, LOCK_FILE), "这不是数据库".repeat(200));
    const release = holdLock(dataDir);
    expect(() => holdLock(dataDir)).toThrow(DataFolderBusyError);
    release();
  });

  it("does not let a stale magboard.pid naming a live, unrelated process block a start (the number after a power cut)", { timeout: 30_000 }, async () => {
    // the test runner's parent is alive and is not a magboard server
    process.kill(process.ppid, 0);
    writeFileSync(path.join(dataDir, PID_FILE), `${process.ppid}\n`);
    const server = await startServerProcess({ dataDir });
    servers.push(server);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(readFileSync(path.join(dataDir, PID_FILE), "utf8").trim()).toBe(String(server.child.pid));
  });

  it("refuses a second real server with a clear message, and a killed server's folder starts again", { timeout: 40_000 }, async () => {
    const first = await startServerProcess({ dataDir });
    servers.push(first);
    const second = startServerProcess({ dataDir });
    await expect(second).rejects.toThrow(`another magboard server (process ${first.child.pid}) is using ${dataDir}; stop it first`);
    // the lock is the operating system's: this process sees it too
    expect(() => holdLock(dataDir)).toThrow(DataFolderBusyError);
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);

    // a hard kill (a crash, a power cut) leaves magboard.pid behind, naming a dead process; it blocks nothing
    await first.kill("SIGKILL");
    expect(existsSync(path.join(dataDir, PID_FILE))).toBe(true);
    const third = await startServerProcess({ dataDir });
    servers.push(third);
    expect((await fetch(`${third.url}/api/health`)).status).toBe(200);
  });
});

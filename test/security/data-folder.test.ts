import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/open-database.js";
import { backupDatabase, restoreDatabase } from "../../server/db/backup.js";
import { describeFixed } from "../../server/ops/data-folder.js";
import { startServerProcess, type ServerProcess } from "../helpers/server-process.js";
import { signInAt } from "../helpers/sign-in.js";
import { booking } from "../helpers/test-server.js";

/**
 * The database, its WAL and shared-memory files and the backups hold customers' names, phones
 * and plates and the staff's password hashes. Everything here runs with umask 000, the loosest a
 * service manager could start the server with: the files must come out 0600 and their folders 0700
 * all the same.
 */
const root = path.resolve(__dirname, "..", "..");
const modeOf = (p: string) => (statSync(p).mode & 0o777).toString(8);

let umask = 0;
beforeAll(() => {
  umask = process.umask(0o000);
});
afterAll(() => {
  process.umask(umask);
});

let dir = "";
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = "";
});
const freshDir = () => (dir = mkdtempSync(path.join(tmpdir(), "magboard-modes-")));

/** Runs one of the npm scripts' entry points as `npm run …` would, in the data folder `dataDir`. */
function runCli(script: string, args: string[], dataDir: string): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: root, env: { ...process.env, DATA_DIR: dataDir } });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, out })));
}

describe("the data folder under umask 000", () => {
  it("a new database and its WAL and shared-memory files are 0600", () => {
    const file = path.join(freshDir(), "magboard.sqlite");
    // the migrations have written through the WAL, so both files are there
    const db = openDatabase(file);
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(existsSync(`${file}-shm`)).toBe(true);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(f), f).toBe("600");
    db.close();
  });

  it("a backup is 0600 in a 0700 folder, and a restore keeps the database and the copy it replaced 0600", async () => {
    const data = freshDir();
    const file = path.join(data, "magboard.sqlite");
    const db = openDatabase(file);
    const backups = path.join(data, "nested", "backups");
    const backup = await backupDatabase(db, backups, new Date("2026-11-27T02:00:00Z"));
    db.close();
    expect(modeOf(backup)).toBe("600");
    expect(modeOf(backups)).toBe("700");
    expect(modeOf(path.dirname(backups))).toBe("700");
    // a backup an earlier version left readable by all restores private all the same
    chmodSync(backup, 0o644);
    const { saved } = await restoreDatabase(file, backup, new Date("2026-11-27T03:00:00Z"));
    expect(modeOf(file)).toBe("600");
    expect(modeOf(saved!)).toBe("600");
    const restored = openDatabase(file);
    for (const f of [`${file}-wal`, `${file}-shm`]) expect(modeOf(f), f).toBe("600");
    restored.close();
  });
});

describe("the start-up report", () => {
  it("names what it made owner-only and what the file system would not let it, inside the data folder by name", () => {
    const found = [
      { path: "/srv/magboard", mode: 0o755, fixed: true },
      { path: "/srv/magboard/magboard.sqlite", mode: 0o644, fixed: true },
      { path: "/media/usb/backups/magboard-20261127-020000Z-auto.sqlite", mode: 0o777, fixed: false },
    ];
    expect(describeFixed(found, "/srv/magboard")).toBe(
      "data folder: made owner-only what others could read: /srv/magboard (was 755), magboard.sqlite (was 644); " +
        "could not make owner-only (the file system keeps no permissions, or the file is another account's): /media/usb/backups/magboard-20261127-020000Z-auto.sqlite (was 777)",
    );
    expect(describeFixed([], "/srv/magboard")).toBeNull();
  });
});

describe("a server started on a data folder left readable by others", () => {
  let server: ServerProcess | undefined;
  afterEach(async () => {
    await server?.kill("SIGTERM");
    server = undefined;
  });

  it("makes it owner-only at start and says what it fixed; its backups, `npm run backup` and `npm run restore` stay private", { timeout: 120_000 }, async () => {
    const data = freshDir();
    server = await startServerProcess({ dataDir: data });
    const cookie = await signInAt(server.url);
    const advisor = await fetch(`${server.url}/api/advisors`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ name: "服务顾问 A" }) });
    const { record } = (await advisor.json()) as { record: { id: number } };
    await fetch(`${server.url}/api/appointments`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(booking(record.id)) });
    const backups = path.join(data, "backups");
    // the daily backup is made at the first start
    await expect.poll(() => (existsSync(backups) ? readdirSync(backups).filter((n) => n.endsWith(".sqlite")) : []).length).toBe(1);
    const [auto] = readdirSync(backups);
    expect(modeOf(path.join(backups, auto!))).toBe("600");
    expect(modeOf(backups)).toBe("700");
    expect(modeOf(data)).toBe("700");
    for (const f of ["magboard.sqlite", "magboard.sqlite-wal", "magboard.sqlite-shm"]) expect(modeOf(path.join(data, f)), f).toBe("600");
    expect(server.output()).not.toContain("data folder:");
    await server.kill("SIGTERM");

    // what an older magboard, or a copy with `cp -r` under umask 022, left behind
    const db = path.join(data, "magboard.sqlite");
    for (const [p, mode] of [[data, 0o755], [db, 0o644], [backups, 0o755], [path.join(backups, auto!), 0o644]] as const) chmodSync(p, mode);
    server = await startServerProcess({ dataDir: data });
    const line = server.output().split("\n").find((l) => l.includes("data folder:"));
    expect(line).toBe(`[magboard] data folder: made owner-only what others could read: ${data} (was 755), backups (was 755), magboard.sqlite (was 644), backups/${auto} (was 644)`);
    expect(modeOf(data)).toBe("700");
    expect(modeOf(db)).toBe("600");
    expect(modeOf(backups)).toBe("700");
    expect(modeOf(path.join(backups, auto!))).toBe("600");

    const made = await runCli("server/cli/backup.ts", [], data);
    expect(made.code, made.out).toBe(0);
    const manual = made.out.trim();
    expect(modeOf(manual)).toBe("600");
    await server.kill("SIGTERM");
    server = undefined;

    chmodSync(manual, 0o644);
    const restored = await runCli("server/cli/restore.ts", [manual], data);
    expect(restored.code, restored.out).toBe(0);
    expect(modeOf(db)).toBe("600");
    const kept = readdirSync(data).find((n) => n.startsWith("magboard.sqlite.before-restore-"));
    expect(modeOf(path.join(data, kept!))).toBe("600");
  });
});

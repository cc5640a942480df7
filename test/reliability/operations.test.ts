import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Appointment } from "../../shared/schemas/appointment.js";
import { cardsInDatabase, databaseViolations } from "../helpers/db-invariants.js";
import { Editor } from "../helpers/editor.js";
import { eventually } from "../helpers/random.js";
import { signInAt } from "../helpers/sign-in.js";
import { FAR_DATE, seedBoard } from "../helpers/seed.js";
import { freePort, startServerProcess, type ServerProcess } from "../helpers/server-process.js";
import { SyncedScreen, whenAll } from "../helpers/synced-screen.js";
import { booking } from "../helpers/test-server.js";
import { npmRun } from "../helpers/npm-run.js";

interface Health {
  status: string;
  database: string;
  revision: number;
  displays: number;
  editors: number;
}

describe("operating the server", () => {
  let dataDir: string;
  let file: string;
  let server: ServerProcess | null = null;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "magboard-ops-"));
    file = path.join(dataDir, "magboard.sqlite");
  });
  afterEach(async () => {
    await server?.kill("SIGKILL");
    server = null;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("on SIGTERM stops accepting, finishes the request under way, closes the database and exits 0", { timeout: 30_000 }, async () => {
    server = await startServerProcess({ dataDir, port: await freePort() });
    const cookie = await signInAt(server.url);
    const { advisors } = await seedBoard(server.url, cookie, 0);
    const editor = new Editor(server.url, cookie);
    await editor.connected();
    const editorGone = new Promise<void>((resolve) => editor.socket.once("disconnect", () => resolve()));

    // a booking whose body is still arriving when the signal comes: the server has read its headers
    // (it answers "100 Continue" as it takes the request up) and waits for the rest
    const body = Buffer.from(JSON.stringify(booking(advisors[0]!, { date: FAR_DATE, customerName: "王芳" })));
    const req = request(`${server.url}/api/appointments`, { method: "POST", headers: { "content-type": "application/json", "content-length": body.length, expect: "100-continue", cookie } });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.on("response", (res) => {
        let text = "";
        res.on("data", (d: Buffer) => (text += d.toString()));
        res.on("end", () => resolve({ status: res.statusCode!, text }));
      });
      req.on("error", reject);
    });
    const underWay = new Promise<void>((resolve) => req.once("continue", () => resolve()));
    req.flushHeaders();
    await underWay;
    req.write(body.subarray(0, 20));
    server.child.kill("SIGTERM");
    await editorGone;
    await server.printed("SIGTERM: stopping");
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
    // the rest of the body comes only once the server has stopped taking new connections
    req.end(body.subarray(20));

    const done = await answer;
    expect(done.status).toBe(201);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain("stopped; database closed");
    // a cleanly closed WAL database folds its log back in and removes it; the lock file goes too
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(path.join(dataDir, "magboard.pid"))).toBe(false);
    expect((await cardsInDatabase(file, FAR_DATE)).map((c) => c.customerName)).toEqual(["王芳"]);
    editor.close();
  });

  it("refuses to start a second server on the same data folder", { timeout: 20_000 }, async () => {
    server = await startServerProcess({ dataDir });
    await expect(startServerProcess({ dataDir })).rejects.toThrow(/another magboard server \(process \d+\) is using/);
    expect((await (await fetch(`${server.url}/api/health`)).json()) as Health).toMatchObject({ status: "ok" });
  });

  it("stops the same way on SIGINT (Ctrl+C)", { timeout: 20_000 }, async () => {
    server = await startServerProcess({ dataDir });
    server.child.kill("SIGINT");
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain("stopped; database closed");
  });

  it("reports database, revision, connected displays and editors on /api/health", { timeout: 20_000 }, async () => {
    server = await startServerProcess({ dataDir });
    const cookie = await signInAt(server.url);
    await seedBoard(server.url, cookie, 2);
    const displays = [new SyncedScreen(server.url, "display", FAR_DATE), new SyncedScreen(server.url, "display", FAR_DATE)];
    const editor = new SyncedScreen(server.url, "staff", FAR_DATE, { cookie });
    await whenAll([...displays, editor], (f) => f.revision() > 0, "everyone following");
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as Health;
    expect(health).toMatchObject({ status: "ok", database: "ok", revision: displays[0]!.revision(), displays: 2, editors: 1 });
    [...displays, editor].forEach((f) => f.close());
    await eventually(async () => ((await (await fetch(`${server!.url}/api/health`)).json()) as Health).displays === 0, "displays gone from the count");
  });

  it("backs up while the server runs and writes; restores only when it is stopped, and screens take the restored board", { timeout: 60_000 }, async () => {
    const port = await freePort();
    server = await startServerProcess({ dataDir, port });
    const cookie = await signInAt(server.url);
    const board = await seedBoard(server.url, cookie, 3);
    const editor = new Editor(server.url, cookie);
    await editor.connected();
    let writing = true;
    let n = 0;
    const writes = (async () => {
      let version = board.cards[0]!.version;
      while (writing) {
        const s = await editor.send({ type: "appointment.update", id: board.cards[0]!.id, version, changes: { notes: `第${n++}次` } }, `backup-write-${n}`);
        if (s.outcome.kind === "ok") version = (s.outcome.result.record as Appointment).version;
      }
    })();
    const backup = await npmRun("backup", dataDir);
    writing = false;
    await writes;
    editor.close();
    expect(backup.code, backup.stderr).toBe(0);
    const backupFile = backup.stdout.trim();
    expect(path.dirname(backupFile)).toBe(path.join(dataDir, "backups"));
    expect(await databaseViolations(backupFile)).toEqual([]);
    expect(await cardsInDatabase(backupFile, FAR_DATE)).toHaveLength(3);

    // after the backup the day goes on: one more booking, which the restore will take away
    await fetch(`${server.url}/api/appointments`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(booking(board.advisors[0]!, { date: FAR_DATE, customerName: "赵强" })) });
    const display = new SyncedScreen(server.url, "display", FAR_DATE);
    await whenAll([display], (d) => d.state?.appointments.length === 4, "the display to show four cards");

    const refused = await npmRun("restore", dataDir, [backupFile]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("is running");
    expect(await cardsInDatabase(file, FAR_DATE)).toHaveLength(4);

    const notADatabase = path.join(dataDir, "notes.txt");
    writeFileSync(notADatabase, "这不是数据库");
    await server.kill("SIGTERM");
    const bad = await npmRun("restore", dataDir, [notADatabase]);
    expect(bad.code).not.toBe(0);
    expect(await cardsInDatabase(file, FAR_DATE)).toHaveLength(4);

    const restored = await npmRun("restore", dataDir, [backupFile]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(readdirSync(dataDir).some((f) => f.startsWith("magboard.sqlite.before-restore-"))).toBe(true);
    server = await startServerProcess({ dataDir, port });
    // the display held a later revision than the backup's; it is told to reload, not left with 赵强
    await whenAll([display], (d) => d.state?.appointments.length === 3, "the display to show the restored board", 30_000);
    expect(display.problems).toEqual([]);
    expect(display.state!.appointments.map((a) => a.id).sort()).toEqual((await cardsInDatabase(file, FAR_DATE)).map((a) => a.id).sort());
    display.close();
  });

  it("makes an automatic backup when it starts with none a day old, in MAGBOARD_BACKUP_DIR", { timeout: 20_000 }, async () => {
    const dir = path.join(dataDir, "elsewhere");
    server = await startServerProcess({ dataDir, env: { MAGBOARD_BACKUP_KEEP: "3", MAGBOARD_BACKUP_DIR: dir } });
    await server.printed("daily backup");
    const [made] = readdirSync(dir);
    expect(made).toMatch(/^magboard-\d{8}-\d{6}Z-auto\.sqlite$/);
    expect(await databaseViolations(path.join(dir, made!))).toEqual([]);
  });

  it("makes no automatic backup when MAGBOARD_BACKUP_KEEP is 0", { timeout: 20_000 }, async () => {
    server = await startServerProcess({ dataDir, env: { MAGBOARD_BACKUP_KEEP: "0" } });
    await server.printed("automatic backups are off");
    expect(existsSync(path.join(dataDir, "backups"))).toBe(false);
  });
});

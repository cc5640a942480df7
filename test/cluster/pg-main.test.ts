import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startServerProcess, type ServerProcess } from "../helpers/server-process.js";
import { booking, sessionCookieOf, TEST_ADMIN_PASSWORD } from "../helpers/test-server.js";

// `npm start` with DATABASE_URL: the whole server on a site of the group's PostgreSQL, as an operator starts it.

describe("the server started with DATABASE_URL", () => {
  let dir: string;
  let url: string;
  const running: ServerProcess[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "magboard-pg-main-"));
    // a database of its own: empty, as a group's first start finds it
    const admin = new pg.Client({ connectionString: inject("postgresUrl") });
    await admin.connect();
    const name = `main_${process.pid}_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    url = inject("postgresUrl").replace(/\/magboard$/, `/${name}`);
  });
  afterAll(async () => {
    for (const p of running) await p.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  });
  const start = async (env: Record<string, string> = {}) => {
    const p = await startServerProcess({ dataDir: dir, env: { DATABASE_URL: url, ...env } });
    running.push(p);
    return p;
  };

  it("makes the first site on an empty database, keeps what it is given across a restart, and writes no SQLite file", async () => {
    const first = await start();
    expect(first.output()).toContain("PostgreSQL group of 1 store: main");
    const login = await fetch(`${first.url}/s/main/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: TEST_ADMIN_PASSWORD }),
    });
    const cookie = sessionCookieOf(login.headers)!;
    const headers = { "content-type": "application/json", cookie };
    const advisor = await (await fetch(`${first.url}/s/main/api/advisors`, { method: "POST", headers, body: JSON.stringify({ name: "服务顾问 A", displayOrder: 1 }) })).json();
    const made = await fetch(`${first.url}/s/main/api/appointments`, { method: "POST", headers, body: JSON.stringify(booking(advisor.record.id, { customerName: "李娜" })) });
    expect(made.status).toBe(201);
    expect((await first.kill("SIGTERM")).code).toBe(0);

    const again = await start();
    const board = await (await fetch(`${again.url}/s/main/api/board?date=2026-11-27`, { headers: { cookie } })).json();
    expect(board.appointments.map((c: { customerName: string }) => c.customerName)).toEqual(["李娜"]);
    expect(readdirSync(dir).filter((f) => f.endsWith(".sqlite"))).toEqual([]);
  });

  it("refuses a site the registry does not know rather than open an empty one", async () => {
    await expect(start({ MAGBOARD_SITE: "no-such-store" })).rejects.toThrow('there is no site "no-such-store" in this database (the first is "main")');
  });
});

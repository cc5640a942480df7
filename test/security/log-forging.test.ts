import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loggableUsername } from "../../server/access/access-control.js";
import { escapeControls, formatLogEntry } from "../../server/logger.js";
import { startServerProcess, type ServerProcess } from "../helpers/server-process.js";

/**
 * The server's log is where an operator reads who signed in and what failed. Nothing a request
 * sends may start a line of its own there (a forged "admin signed in"), redraw the terminal, or
 * leave a password typed into the username field behind.
 */
const FORGED = "[magboard] admin signed in from 10.0.0.1";

describe("log entries", () => {
  it("write every control character out, so an entry stays on its one line", () => {
    const hostile = ["a\nb", "a\r\nb", "a\u2028b", "a\u2029b", "a\u0085b", "a\u001b[2Jb", "a\u009b31mb", "a\u202eb", "a\u0000b", "a\u007fb", "a\tb"];
    for (const text of hostile) {
      const line = formatLogEntry(`sign-in refused for ${text}`, []);
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(line, JSON.stringify(text)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      expect(line.startsWith("[magboard] sign-in refused for a\\")).toBe(true);
    }
    expect(escapeControls("a\nb\u001b")).toBe("a\\nb\\u001b");
    expect(escapeControls("张伟 京A·12345 ok")).toBe("张伟 京A·12345 ok");
  });

  it("keep an error's stack frames on their lines but escape its message, which may quote a request", () => {
    const err = new Error(`bad value\n${FORGED}`);
    const entry = formatLogEntry("request failed", [err]);
    const lines = entry.split("\n");
    expect(lines[0]).toBe(`[magboard] request failed Error: bad value\\n${FORGED}`);
    expect(lines.length).toBeGreaterThan(1);
    for (const frame of lines.slice(1)) expect(frame).toMatch(/^\s+at /);
    expect(formatLogEntry("details", [{ note: "x\ny" }])).toBe("[magboard] details { note: 'x\\ny' }");
    const wrapped = formatLogEntry("command failed", [Object.assign(new Error("outer", { cause: new Error(`inner\n${FORGED}`) }), { code: "SQLITE_BUSY" })]);
    expect(wrapped).toContain("Error: outer [SQLITE_BUSY]");
    expect(wrapped).toContain(`caused by Error: inner\\n${FORGED}`);
    expect(wrapped.split("\n")).not.toContain(FORGED);
  });

  it("name a refused username only when it is a well-formed one; otherwise a marker and its length", () => {
    expect(loggableUsername("Admin ")).toBe('"admin"');
    expect(loggableUsername("wang.li")).toBe('"wang.li"');
    expect(loggableUsername("Tr0ub4dor&3")).toBe("(not a username, 11 characters)");
    expect(loggableUsername(`x\n${FORGED}`)).toBe(`(not a username, ${FORGED.length + 2} characters)`);
    expect(loggableUsername("张伟")).toBe("(not a username, 2 characters)");
    expect(loggableUsername("")).toBe("(not a username, 0 characters)");
  });
});

describe("a server's log under hostile sign-ins", () => {
  let dir = "";
  let server: ServerProcess | undefined;
  afterEach(async () => {
    await server?.kill("SIGTERM");
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("gets no forged line, no terminal control and no password from the username field", { timeout: 60_000 }, async () => {
    dir = mkdtempSync(path.join(tmpdir(), "magboard-log-"));
    server = await startServerProcess({ dataDir: dir, env: { MAGBOARD_TRUST_PROXY: "1" } });
    const attempts: [string, string][] = [
      [`nobody\n${FORGED}`, "10.0.0.7"],
      ["Correct-Horse!Battery", "10.0.0.8"],
      // a C1 control (CSI) in the client address a trusted proxy passes on
      ["nobody", "10.0.0.9\u009b2J"],
    ];
    for (const [username, address] of attempts) {
      const res = await fetch(`${server.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": address },
        body: JSON.stringify({ username, password: "wrong-password" }),
      });
      expect(res.status).toBe(401);
    }
    await expect.poll(() => server!.output().split("\n").filter((l) => l.includes("sign-in refused")).length).toBe(3);
    const lines = server.output().split("\n");
    expect(lines).not.toContain(FORGED);
    expect(lines.filter((l) => l.startsWith("[magboard] admin signed in"))).toEqual([]);
    expect(server.output()).not.toContain("Correct-Horse!Battery");
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(server.output()).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const refused = lines.filter((l) => l.includes("sign-in refused"));
    expect(refused[0]).toBe(`[magboard] sign-in refused for (not a username, ${FORGED.length + 7} characters) from 10.0.0.7`);
    expect(refused[1]).toBe("[magboard] sign-in refused for (not a username, 21 characters) from 10.0.0.8");
    expect(refused[2]).toBe('[magboard] sign-in refused for "nobody" from 10.0.0.9\\u009b2J');
  });
});

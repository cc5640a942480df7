import { request } from "node:http";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/test-server.js";

/**
 * The pages are served from one folder. No spelling of "..", encoded once or twice, with either
 * slash, after a page or an asset path, or with a NUL, reaches a file outside it; the API's ids
 * and dates are checked, not used as paths.
 */
let server: TestServer;
let pagesDir: string;

beforeAll(async () => {
  pagesDir = inject("pagesDir");
  server = await startTestServer({ staticDir: pagesDir });
});
afterAll(async () => {
  await server.close();
});

/** A GET with the path sent exactly as written (fetch would resolve the dots itself). */
function rawGet(rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: rawPath, method: "GET", headers: { cookie: server.manager.cookie } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const TARGETS = ["etc/passwd", "package.json", "server/app.ts", ".complete"];
const DOTS = ["..", "%2e%2e", "%2E%2E", ".%2e", "%252e%252e", "..%c0%af", "...."];
const SLASHES = ["/", "%2f", "%2F", "\\", "%5c", "%252f", "//"];

function variants(): string[] {
  const out = new Set<string>();
  for (const prefix of ["", "/assets", "/display", "/admin", "/api", "/socket.io"]) {
    for (const dots of DOTS) {
      for (const slash of SLASHES) {
        const up = Array.from({ length: 8 }, () => dots + slash).join("");
        for (const target of TARGETS) out.add(`${prefix}/${up}${target}`);
      }
    }
  }
  for (const target of TARGETS) {
    out.add(`/display%00/../../${target}`);
    out.add(`/assets/%00../../${target}`);
    out.add(`//${target}`);
    out.add(`/${encodeURIComponent(path.join(pagesDir, "..", "..", target))}`);
  }
  return [...out];
}

describe("path traversal", () => {
  it("serves no file from outside the pages' folder, however the path is spelt", async () => {
    const secrets = [readFileSync("/etc/passwd", "utf8").split("\n")[0]!, readFileSync(path.resolve(__dirname, "../../package.json"), "utf8").slice(0, 60), "export function createApp"];
    const tried = variants();
    expect(tried.length).toBeGreaterThan(1000);
    for (const raw of tried) {
      const res = await rawGet(raw);
      expect([400, 401, 403, 404], `${raw} → ${res.status}`).toContain(res.status);
      for (const secret of secrets) expect(res.body, raw).not.toContain(secret);
    }
    // and the pages themselves are still served
    expect((await rawGet("/display")).status).toBe(200);
  });

  it("treats ids and dates as values, never as paths", async () => {
    for (const raw of ["/api/appointments/..%2f..%2fpackage.json", "/api/appointments/1%2f..%2f..", "/api/advisors/..", "/api/appointments/%2e%2e/history"]) {
      const res = await rawGet(raw);
      expect([400, 404], raw).toContain(res.status);
      expect(res.body).not.toContain('"dependencies"');
    }
    for (const date of ["../../etc/passwd", "..%2f..%2fetc%2fpasswd", "2026-11-27%00", "2026-11-27/../.."]) {
      const res = await rawGet(`/api/export.csv?date=${date}`);
      expect(res.status, date).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: "invalid_payload", field: "date" } });
    }
  });
});

import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { readdirSync } from "node:fs";
import path from "node:path";
import { connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../helpers/manual-clock.js";
import { buildPages } from "../helpers/built-pages.js";
import { STAFF_NAMESPACE } from "../../shared/protocol-constants.js";
import { follow, startTestServer, type StaffClient, type TestServer } from "../helpers/test-server.js";

/** 10:40 in Shanghai on the big site's day. */
const MID_MORNING = Date.parse("2026-11-27T02:40:00Z");
const DAY = "2026-11-27";

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as they came over the wire. */
  body: Buffer;
}

/** A plain HTTP client that decompresses nothing and asks for gzip only when told, as a browser (or not) would. */
function get(url: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** What Chromium asks for over plain http:// (brotli it asks only over https). */
const GZIP = { "accept-encoding": "gzip, deflate" };

describe("HTTP compression: what the browser asks gzip for comes gzipped, the rest plain", () => {
  let server: TestServer;
  let staticDir: string;
  beforeAll(async () => {
    staticDir = await buildPages();
    server = await startTestServer({ sample: "big", clock: new ManualClock(MID_MORNING), staticDir });
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it("sends the editor's big day gzip-compressed to a browser that asks, the same board once unpacked, and plain to a client that does not", async () => {
    const url = `${server.url}/api/board?date=${DAY}`;
    const cookie = server.manager.cookie;
    const packed = await get(url, { cookie, ...GZIP });
    const plain = await get(url, { cookie });
    expect(packed.status).toBe(200);
    expect(packed.headers["content-encoding"]).toBe("gzip");
    expect(packed.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const unpacked = gunzipSync(packed.body);
    expect(unpacked.equals(plain.body)).toBe(true);
    const board = JSON.parse(plain.body.toString("utf8")) as { appointments: unknown[] };
    expect(board.appointments.length).toBe(900);
    // what the person at the desk waits for: the 900-card day in a small fraction of its bytes
    expect(packed.body.length).toBeLessThan(plain.body.length / 5);
    // over https a browser asks for brotli too: the same board again
    const br = await get(url, { cookie, "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
  });

  it("serves the page bundles gzipped to a browser that asks, byte for byte the files once unpacked", async () => {
    const assets = path.join(staticDir, "assets");
    const js = readdirSync(assets).find((f) => f.startsWith("admin") && f.endsWith(".js"));
    if (!js) throw new Error("no admin bundle in the build");
    const url = `${server.url}/assets/${js}`;
    const packed = await get(url, GZIP);
    const plain = await get(url, {});
    expect(packed.headers["content-encoding"]).toBe("gzip");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(gunzipSync(packed.body).equals(plain.body)).toBe(true);
    const page = await get(`${server.url}/admin`, GZIP);
    expect(page.status).toBe(200);
    expect(gunzipSync(page.body).toString("utf8")).toContain("<title>预约管理板 · 编辑</title>");
  });

  it("still downloads the day's CSV whole, as an attachment, with or without gzip", async () => {
    const url = `${server.url}/api/export.csv?date=${DAY}`;
    const cookie = server.manager.cookie;
    const packed = await get(url, { cookie, ...GZIP });
    const plain = await get(url, { cookie });
    expect(packed.status).toBe(200);
    expect(packed.headers["content-disposition"]).toMatch(/^attachment; filename="?magboard-2026-11-27\.csv/);
    expect(packed.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(packed.body).equals(plain.body)).toBe(true);
    // a header line and one line per card of the day
    expect(plain.body.toString("utf8").trim().split("\n").length).toBeGreaterThan(900);
  });

  it("leaves Socket.IO alone: an editor following over HTTP long-polling gets the day", async () => {
    const socket: StaffClient = connect(server.url + STAFF_NAMESPACE, { transports: ["polling"], forceNew: true, extraHeaders: { cookie: server.manager.cookie } });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
      });
      const day = await follow(socket, DAY);
      expect(day.kind === "snapshot" && day.snapshot.appointments.length).toBe(900);
    } finally {
      socket.disconnect();
    }
  });
});

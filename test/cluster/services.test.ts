import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server as HttpServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createClient } from "redis";
import { Server } from "socket.io";
import { io as connectClient, type Socket } from "socket.io-client";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { startPostgres, type PostgresServer } from "../../scripts/cluster/postgres.js";
import { startRedis, type RedisServer } from "../../scripts/cluster/redis.js";
import { startHaproxy, type Balancer } from "../../scripts/cluster/haproxy.js";
import { freePort } from "../helpers/server-process.js";

// The cluster's parts as Debian ships them, started the way `npm run cluster` and the cluster tests
// start them: private folders, loopback ports, nothing installed as a service.

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "magboard-services-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("PostgreSQL", () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres({ dir: path.join(dir, "pg"), port: await freePort() });
  }, 60_000);
  afterAll(async () => server?.stop().catch(() => {}));

  it("takes a committed row through a crash and refuses connections while it is down", async () => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query("CREATE TABLE cards (id int PRIMARY KEY, customer text)");
    await client.query("INSERT INTO cards VALUES (1, '王先生')");
    // the clock's leader election: one session holds a site's lock, a second one is refused
    expect((await client.query("SELECT pg_try_advisory_lock(42) AS got")).rows[0].got).toBe(true);
    const other = new pg.Client({ connectionString: server.url });
    await other.connect();
    expect((await other.query("SELECT pg_try_advisory_lock(42) AS got")).rows[0].got).toBe(false);
    other.on("error", () => {});
    client.on("error", () => {});

    await server.crash();
    const down = new pg.Client({ connectionString: server.url });
    await expect(down.connect()).rejects.toThrow(/ECONNREFUSED/);

    await server.start();
    const after = new pg.Client({ connectionString: server.url });
    await after.connect();
    expect((await after.query("SELECT customer FROM cards WHERE id = 1")).rows).toEqual([{ customer: "王先生" }]);
    // the crashed holder's session ended with it, so its lock is free for the next leader
    expect((await after.query("SELECT pg_try_advisory_lock(42) AS got")).rows[0].got).toBe(true);
    await after.end();
  }, 60_000);
});

describe("Redis and the Socket.IO streams adapter", () => {
  let redis: RedisServer;
  const servers: { io: Server; http: HttpServer; port: number }[] = [];
  const clients: Socket[] = [];
  beforeAll(async () => {
    redis = await startRedis({ dir: path.join(dir, "redis"), port: await freePort() });
  }, 30_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    for (const s of servers) await s.io.close();
    await redis?.kill();
  });

  async function node(): Promise<{ io: Server; http: HttpServer; port: number }> {
    const client = createClient({ url: redis.url });
    client.on("error", () => {});
    await client.connect();
    const http = createServer();
    const io = new Server(http, { adapter: createAdapter(client), transports: ["websocket"] });
    io.on("connection", (s) => void s.join("site:1"));
    const port = await new Promise<number>((resolve) => http.listen(0, "127.0.0.1", () => resolve((http.address() as { port: number }).port)));
    const n = { io, http, port };
    servers.push(n);
    return n;
  }

  function screen(port: number): Promise<Socket> {
    const s = connectClient(`http://127.0.0.1:${port}`, { transports: ["websocket"] });
    clients.push(s);
    return new Promise((resolve) => s.once("connect", () => resolve(s)));
  }

  it("carries a change made on one node to a screen on another, in order", async () => {
    const [a, b] = [await node(), await node()];
    const tv = await screen(b.port);
    const seen: number[] = [];
    const all = new Promise<void>((resolve) =>
      tv.on("change", (rev: number) => {
        seen.push(rev);
        if (seen.length === 20) resolve();
      }),
    );
    for (let rev = 1; rev <= 20; rev++) a.io.to("site:1").emit("change", rev);
    await all;
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  }, 30_000);
});

describe("HAProxy", () => {
  let balancer: Balancer;
  const nodes: { http: HttpServer; io: Server; port: number; name: string }[] = [];
  beforeAll(async () => {
    for (const name of ["n1", "n2", "n3"]) {
      const http = createServer((req, res) => {
        res.writeHead(req.url === "/api/health" ? 200 : 404).end();
      });
      const io = new Server(http, { transports: ["websocket"] });
      io.on("connection", (s) => s.emit("node", name));
      const port = await new Promise<number>((resolve) => http.listen(0, "127.0.0.1", () => resolve((http.address() as { port: number }).port)));
      nodes.push({ http, io, port, name });
    }
    balancer = await startHaproxy({ dir: path.join(dir, "haproxy"), port: await freePort(), backends: nodes.map((n) => ({ name: n.name, port: n.port })) });
  }, 30_000);
  afterAll(async () => {
    await balancer?.stop();
    // the node closed by the test is closed already
    for (const n of nodes) await n.io.close().catch(() => {});
  });

  function screenNode(): Promise<{ socket: Socket; node: string }> {
    const socket = connectClient(balancer.url, { transports: ["websocket"], reconnection: false });
    return new Promise((resolve, reject) => {
      socket.once("node", (node: string) => resolve({ socket, node }));
      socket.once("connect_error", reject);
    });
  }

  it("spreads websocket screens over every node, and sends new ones past a node that died", async () => {
    const first = await Promise.all(Array.from({ length: 9 }, () => screenNode()));
    const counts = new Map<string, number>();
    for (const s of first) counts.set(s.node, (counts.get(s.node) ?? 0) + 1);
    expect(counts).toEqual(new Map([["n1", 3], ["n2", 3], ["n3", 3]]));

    const dead = nodes[1]!;
    const cut = first.filter((s) => s.node === dead.name).map((s) => new Promise((resolve) => s.socket.once("disconnect", resolve)));
    await dead.io.close();
    await Promise.all(cut);
    // the balancer's health check marks it down (inter 1s, fall 2); until then a new screen may be refused
    const reached = new Set<string>();
    while (reached.size < 2) {
      const s = await screenNode().catch(() => null);
      if (!s) continue;
      expect(s.node, "a screen reached the node that was closed").not.toBe(dead.name);
      reached.add(s.node);
      s.socket.close();
    }
    expect([...reached].sort()).toEqual(["n1", "n3"]);
    for (const s of first) s.socket.close();
  }, 30_000);
});

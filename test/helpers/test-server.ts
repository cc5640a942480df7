import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { openDatabase, type Db } from "../../server/db/open-database.js";
import { createApp, type App } from "../../server/app.js";
import { silentLogger } from "../../server/logger.js";
import type { Clock } from "../../server/board/clock.js";
import { ManualClock } from "./manual-clock.js";
import {
  DISPLAY_NAMESPACE,
  PROTOCOL_VERSION,
  STAFF_NAMESPACE,
  type Ack,
  type FollowResult,
  type ServerToClientEvents,
  type StaffToServerEvents,
} from "../../shared/protocol.js";

export type StaffClient = Socket<ServerToClientEvents, StaffToServerEvents>;

export interface TestServer {
  app: App;
  db: Db;
  clock: Clock;
  url: string;
  api(path: string, init?: RequestInit & { json?: unknown }): Promise<{ status: number; body: any }>;
  client(ns?: "staff" | "display"): Promise<StaffClient>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Defaults to a fresh in-memory database. */
  file?: string;
  clock?: Clock;
  timeZone?: string;
  sample?: boolean;
  staticDir?: string;
  /** Listen on this port instead of an ephemeral one (a restart test brings a server back where it was). */
  port?: number;
}

/** A real server on an ephemeral port, as main.ts builds it, around a database and clock the test owns. */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const db = openDatabase(opts.file ?? ":memory:");
  const clock = opts.clock ?? new ManualClock(Date.parse("2026-11-27T01:00:00Z"));
  const app = createApp({
    db,
    clock,
    log: silentLogger,
    staticDir: opts.staticDir,
    defaults: { timeZone: opts.timeZone ?? "Asia/Shanghai", sample: opts.sample ?? false },
  });
  await new Promise<void>((resolve) => app.httpServer.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  const clients: StaffClient[] = [];
  return {
    app,
    db,
    clock,
    url,
    async api(path, init = {}) {
      const { json, ...rest } = init;
      const res = await fetch(url + path, {
        ...rest,
        headers: { ...(json !== undefined ? { "content-type": "application/json" } : {}), ...(rest.headers ?? {}) },
        body: json !== undefined ? JSON.stringify(json) : rest.body,
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON (CSV, HTML): the text itself
      }
      return { status: res.status, body };
    },
    async client(ns = "staff") {
      const socket: StaffClient = connect(url + (ns === "staff" ? STAFF_NAMESPACE : DISPLAY_NAMESPACE), {
        transports: ["websocket"],
        forceNew: true,
      });
      clients.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
      });
      return socket;
    },
    async close() {
      for (const c of clients) c.disconnect();
      await app.close();
      db.close();
    },
  };
}

export async function follow(socket: StaffClient, date: string, since?: number): Promise<FollowResult> {
  const res = (await socket.emitWithAck("board:follow", { date, protocol: PROTOCOL_VERSION, ...(since !== undefined ? { since } : {}) })) as Ack<FollowResult>;
  if (!res.ok) throw new Error(`follow failed: ${res.error.code} ${res.error.message}`);
  return res.data;
}

/** Resolves with the next event of that name, or fails after `ms`. */
export function nextEvent<T>(socket: StaffClient, event: keyof ServerToClientEvents, ms = 2_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    socket.once(event, ((payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    }) as never);
  });
}

/** Seeds a minimal board: two advisors and one bay, through the API like any client. */
export async function seedBasics(server: TestServer): Promise<{ advisors: number[]; bay: number }> {
  const a = await server.api("/api/advisors", { method: "POST", json: { name: "服务顾问 A", displayOrder: 1 } });
  const b = await server.api("/api/advisors", { method: "POST", json: { name: "服务顾问 B", displayOrder: 2 } });
  const bay = await server.api("/api/bays", { method: "POST", json: { name: "1号工位", kind: "quick_service" } });
  return { advisors: [a.body.record.id, b.body.record.id], bay: bay.body.record.id };
}

export function booking(advisorId: number, over: Record<string, unknown> = {}) {
  return {
    date: "2026-11-27",
    startTime: "10:00",
    advisorId,
    customerName: "张伟",
    customerTitle: "mr",
    phone: "138 1024 5567",
    plate: "京A·12345",
    workRequested: "1万公里保养",
    ...over,
  };
}

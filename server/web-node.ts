import { createServer, type IncomingMessage, type Server as HttpServer } from "node:http";
import type { TLSSocket } from "node:tls";
import { existsSync } from "node:fs";
import path from "node:path";
import express, { type Express } from "express";
import helmet from "helmet";
import { Server } from "socket.io";
import type { Logger } from "./logger.js";
import type { BoardServer } from "./realtime/namespaces.js";
import { forwardedHost, sameOrigin } from "./access/same-origin.js";
import { compressResponses } from "./http/compress.js";
import { ClusterLink } from "./realtime/cluster-link.js";

/** A site's pages (vite.config.ts builds each): at the root, or under `/s/<slug>/` in a group. */
export const SITE_PAGES = ["display", "admin", "advisor", "gate"] as const;

/** What one process serves everything through, whatever sites it carries: HTTP, Socket.IO, and Redis when there are several nodes. */
export interface WebNode {
  web: Express;
  httpServer: HttpServer;
  io: BoardServer;
  link: ClusterLink | null;
}

export interface WebNodeOptions {
  log: Logger;
  trustProxy?: boolean | number | string;
  redisUrl?: string;
}

const isEncrypted = (req: IncomingMessage) => (req.socket as Partial<TLSSocket>).encrypted === true;

export function createWebNode(o: WebNodeOptions): WebNode {
  const web = express();
  web.disable("x-powered-by");
  if (o.trustProxy !== undefined) web.set("trust proxy", o.trustProxy);
  web.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'"],
          // no inline style: Lit's static styles are constructable stylesheets and the board's positions
          // are set through the CSSOM (display/style-props.ts), neither of which CSP counts as inline
          "style-src": ["'self'"],
          // the pages use the system's fonts; helmet's default would let any https: host serve one
          "font-src": ["'self'"],
          "connect-src": ["'self'"],
          "img-src": ["'self'", "data:"],
          "media-src": ["'self'", "data:"],
          "upgrade-insecure-requests": null,
        },
      },
      strictTransportSecurity: false,
    }),
  );
  web.use(compressResponses());
  const httpServer = createServer(web);
  const link = o.redisUrl ? ClusterLink.open(o.redisUrl, o.log) : null;
  const io: BoardServer = new Server(httpServer, {
    ...(link ? { adapter: link.adapter } : {}),
    serveClient: false,
    // a command is a few KB; a larger frame is refused before it is parsed
    maxHttpBufferSize: 256 * 1024,
    pingInterval: 10_000,
    pingTimeout: 5_000,
    // no CORS: a page from another origin may not open a socket here (browsers always send Origin on these)
    allowRequest: (req, callback) =>
      callback(null, sameOrigin(req.headers.origin, [req.headers.host, o.trustProxy ? forwardedHost(req.headers["x-forwarded-host"]) : undefined])),
  });
  // engine.io keeps each connection's first HTTP request for its whole life (socket.io memory-usage docs);
  // keep only the headers that say who is connecting, which the namespaces read once per connection
  io.engine.on("connection", (raw: { request: IncomingMessage | null }) => {
    const req = raw.request;
    if (!req) return;
    const { cookie, authorization, origin, host } = req.headers;
    const kept = { headers: { cookie, authorization, origin, host }, connection: { encrypted: isEncrypted(req) }, url: req.url };
    raw.request = kept as unknown as IncomingMessage;
  });
  return { web, httpServer, io, link };
}

/** The built pages' assets, served once for every site (their URLs are absolute: /assets/…). */
export function serveAssets(web: Express, staticDir: string | undefined): string | null {
  if (!staticDir || !existsSync(staticDir)) return null;
  // no directory redirect: /display is the page itself, not a folder listing to redirect to
  web.use(express.static(staticDir, { index: false, maxAge: "1h", redirect: false }));
  return staticDir;
}

/** A page's built index.html, when the pages were built. */
export function pageFile(dir: string | null, page: string): string | null {
  if (!dir) return null;
  const file = path.join(dir, page, "index.html");
  return existsSync(file) ? file : null;
}

/** Stops accepting, closes every socket and then the listener; an idle kept-alive connection is closed at once. */
export async function closeWebNode(node: WebNode): Promise<void> {
  const idle = setInterval(() => node.httpServer.closeIdleConnections(), 50);
  try {
    await new Promise<void>((resolve) => void node.io.close(() => resolve()));
    if (node.httpServer.listening) await new Promise<void>((resolve) => node.httpServer.close(() => resolve()));
    await node.link?.close();
  } finally {
    clearInterval(idle);
  }
}

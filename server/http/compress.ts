import type { Request, Response } from "express";
import compression from "compression";

/** What never passes through gzip: a stream the browser must see as it is written, not when a buffer fills. */
function mustNotBuffer(res: Response): boolean {
  return String(res.getHeader("Content-Type") ?? "").startsWith("text/event-stream");
}

/**
 * Gzip for what the browser asks it for (Accept-Encoding): the JSON of the API (the editor's big
 * day is ~900 KB raw) and the static bundles, CSV downloads included; the compression package
 * decides by type and size (1 KB and up) and leaves a client that does not ask with the plain body.
 * Socket.IO's polling and WebSocket do not pass through express at all.
 */
export function compressResponses() {
  return compression({ filter: (req: Request, res: Response) => !mustNotBuffer(res) && compression.filter(req, res) });
}

import { performance } from "node:perf_hooks";

/** The engine underneath a socket, as far as its heartbeat goes. */
interface Heartbeat {
  on(event: "packetCreate" | "packet", listener: (packet: { type: string }) => void): unknown;
}

interface Link {
  /** The site's day the count belongs to; a new day starts from zero. */
  date: string;
  connects: number;
  rttMs: number | null;
}

export interface LinkReport {
  reconnectsToday: number;
  rttMs: number | null;
}

/**
 * How well each paired TV stays connected, from what the server already exchanges with it: how
 * often it connected today, and how long its last heartbeat (socket.io's ping and the TV's pong)
 * took to come back. Kept in memory, one entry per paired display, so it cannot grow with time.
 */
export class LinkQuality {
  private readonly links = new Map<number, Link>();

  /** `today` is the site's date now. */
  connected(displayId: number, engine: Heartbeat, today: string): void {
    const link = this.current(displayId, today);
    link.connects += 1;
    let pingAt: number | null = null;
    // a wall-clock interval, not the board's clock: the board's clock may be set by hand in tests and drills
    engine.on("packetCreate", (p) => {
      if (p.type === "ping") pingAt = performance.now();
    });
    engine.on("packet", (p) => {
      if (p.type !== "pong" || pingAt === null) return;
      link.rttMs = Math.round(performance.now() - pingAt);
      pingAt = null;
    });
  }

  report(displayId: number, today: string): LinkReport {
    const link = this.links.get(displayId);
    if (!link || link.date !== today) return { reconnectsToday: 0, rttMs: link?.rttMs ?? null };
    return { reconnectsToday: Math.max(0, link.connects - 1), rttMs: link.rttMs };
  }

  /** Drops what is kept for displays no longer paired. */
  keepOnly(ids: ReadonlySet<number>): void {
    for (const id of this.links.keys()) if (!ids.has(id)) this.links.delete(id);
  }

  private current(displayId: number, today: string): Link {
    const link = this.links.get(displayId);
    if (link && link.date === today) return link;
    const fresh: Link = { date: today, connects: 0, rttMs: link?.rttMs ?? null };
    this.links.set(displayId, fresh);
    return fresh;
  }
}

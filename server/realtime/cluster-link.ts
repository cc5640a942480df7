import { hostname } from "node:os";
import { createClient } from "redis";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import type { Board, PeerNews } from "../board/board.js";
import type { Logger } from "../logger.js";
import type { DisplayNamespace } from "./namespaces.js";

/** How this node hears the others: alone (`local`), or through Redis, which answers (`ok`) or not. */
export type FanoutState = "local" | "ok" | "unavailable";

type RedisClient = ReturnType<typeof createClient>;

/** How often a node reads the change log for commits no message brought (their node died first). */
export const CATCH_UP_MS = 2_000;

/** This node's name in /api/health: MAGBOARD_NODE, else host and process. */
export function nodeName(env: NodeJS.ProcessEnv = process.env): string {
  return env.MAGBOARD_NODE || `${hostname()}:${process.pid}`;
}

/**
 * The fan-out between several nodes of one site (issue 17, point 3). Socket.IO's Redis Streams
 * adapter carries one message per commit from the node that made it to every other node; each
 * node then publishes the change to its own screens through the same Publisher as a lone server
 * (masking per view, empty ticks for other dates). One message per commit rather than one per
 * view and room, and a node's list of followed rooms stays its own.
 *
 * Redis is a relay, not a store: a node that missed news (Redis restarted, a message lost while it
 * was down) reads it from the change log when Redis is back, and a gap between revisions that does
 * not close by itself is read from there too (Board.catchUp, RevisionOrder), so every screen still
 * hears every revision once and in order.
 */
export class ClusterLink {
  /** What each store opened on this node does when Redis is back: one listener on the client for them all. */
  private readonly onReady = new Set<() => void>();

  private constructor(
    private readonly redis: RedisClient,
    readonly adapter: ReturnType<typeof createAdapter>,
    private readonly log: Logger,
  ) {
    redis.on("ready", () => {
      for (const f of this.onReady) f();
    });
  }

  /**
   * A client for `url`, not waiting for Redis: a node starts and serves its own screens while Redis
   * is down, and catches up when it answers.
   */
  static open(url: string, log: Logger): ClusterLink {
    const redis = createClient({ url, socket: { reconnectStrategy: (tries) => Math.min(100 * 2 ** tries, 2_000) } });
    let down = false;
    redis.on("error", (err: unknown) => {
      if (!down) log.error(`Redis at ${url} is unavailable; screens of other nodes catch up when it is back`, err);
      down = true;
    });
    redis.on("ready", () => (down = false));
    redis.connect().catch(() => undefined);
    return new ClusterLink(redis, createAdapter(redis), log);
  }

  /**
   * Joins a site's `board` to the same site on the other nodes, through its display namespace: each
   * site's news goes only to the nodes that have opened that site. Returns how to leave.
   */
  async join(ns: DisplayNamespace, board: Board): Promise<() => void> {
    const hear = (news: PeerNews) => board.hear(news);
    ns.on("board:news", hear);
    board.joinPeers(await board.revision(), (news) => {
      try {
        ns.serverSideEmit("board:news", news);
      } catch (err) {
        // the other nodes read it from the change log when they hear of a later one, or Redis is back
        this.log.error("could not tell the other nodes of a change", err);
      }
    });
    const catchUp = (why: string) => void board.catchUp().catch((err: unknown) => this.log.error(`catching up ${why} failed`, err));
    const onReady = () => catchUp("after Redis came back");
    this.onReady.add(onReady);
    // a node killed between its commit and its message leaves a change no message will ever bring,
    // and no later change may come to show the gap: each node looks at the log now and then
    const sweep = setInterval(() => catchUp("with the change log"), CATCH_UP_MS);
    sweep.unref();
    return () => {
      clearInterval(sweep);
      this.onReady.delete(onReady);
      ns.off("board:news", hear);
      board.leavePeers();
    };
  }

  state(): FanoutState {
    return this.redis.isReady ? "ok" : "unavailable";
  }

  async close(): Promise<void> {
    if (this.redis.isOpen) await this.redis.close().catch(() => undefined);
  }
}

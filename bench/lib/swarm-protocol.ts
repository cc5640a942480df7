/** What the benchmark says to a display swarm process (bench/clients/display-swarm.ts) and what it answers. */
export type SwarmRequest =
  | {
      op: "open";
      id: number;
      /** The displays of one site (or one baseline room): a change is complete when all of them have it. */
      group: string;
      /** The namespace's full URL, e.g. http://127.0.0.1:8080/s/site-01/display. */
      url: string;
      /** magboard's display protocol (board:follow, board:patch), or the bare server's (follow, patch). */
      kind: "magboard" | "bare";
      date: string;
      count: number;
    }
  | { op: "close"; id: number; group: string }
  | { op: "usage"; id: number }
  | { op: "stop"; id: number };

export interface SwarmUsage {
  /** user + system CPU time since the process started, µs */
  cpuMicros: number;
  rss: number;
  /** displays the server dropped (not closed by the benchmark), per group; each came back at once */
  dropped: Record<string, number>;
}

export type SwarmReply =
  | { ready: true }
  | { id: number; result: unknown }
  | { id: number; error: string }
  /** Changes this process's share of a group has completely, times on the monotonic clock in ms. */
  | { done: { key: string; first: number; last: number }[] };

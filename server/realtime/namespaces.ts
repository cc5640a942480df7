import type { Namespace, Server, Socket } from "socket.io";
import type { Actor } from "../../shared/schemas/actor.js";
import type { PeerNews } from "../board/board.js";
import type { DisplayToServerEvents, ServerToClientEvents, StaffToServerEvents } from "../../shared/protocol.js";

/** What nodes tell each other through the adapter (cluster-link.ts): one message per commit. */
export interface NodeEvents {
  "board:news": (news: PeerNews) => void;
}

/** What every screen's socket carries: the date it follows, and who it is once the handshake said so. */
export interface ReaderData {
  date?: string;
  actor?: Actor;
  /** Ids that end this connection when revoked: the actor's, and its session's. */
  ends?: string[];
}

export interface DisplayData extends ReaderData {
  /** The paired display behind the socket; absent for an unpaired public screen. */
  displayId?: number;
  /** What the paired display says it shows, for the manager's list. */
  page?: string;
}

/**
 * The server as a whole: it hears every event some namespace hears and its sockets may carry any
 * namespace's data. Each namespace is narrowed to its own map where it is taken from it
 * (board-hub.ts), which the types allow because a namespace that hears fewer events is a safe view.
 */
export type BoardServer = Server<DisplayToServerEvents & StaffToServerEvents, ServerToClientEvents, NodeEvents, DisplayData>;

/** `/display`: reads only (DisplayToServerEvents has no command); masked unless paired staff-only. */
export type DisplayNamespace = Namespace<DisplayToServerEvents, ServerToClientEvents, NodeEvents, DisplayData>;
export type DisplaySocket = Socket<DisplayToServerEvents, ServerToClientEvents, NodeEvents, DisplayData>;

/** `/staff`: signed-in staff read in full and send commands. */
export type StaffNamespace = Namespace<StaffToServerEvents, ServerToClientEvents, NodeEvents, ReaderData>;
export type StaffSocket = Socket<StaffToServerEvents, ServerToClientEvents, NodeEvents, ReaderData>;

/** Disconnects every socket of `ns` that one of these revoked ids ends: its screen goes dark now, not at the next reconnect. */
export function endRevoked(ns: DisplayNamespace | StaffNamespace, ids: string[]): void {
  for (const socket of ns.sockets.values()) {
    if (socket.data.ends?.some((e) => ids.includes(e))) socket.disconnect(true);
  }
}

/** The handshake's auth payload is whatever the client sent: only a short string `name` is read. */
export function handshakeString(auth: Record<string, unknown> | null | undefined, name: string): string | undefined {
  if (typeof auth !== "object" || auth === null) return undefined;
  const v = auth[name];
  return typeof v === "string" && v.length <= 200 ? v : undefined;
}

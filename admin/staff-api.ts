import type { Socket } from "socket.io-client";
import type { Ack, CommandResult, ServerToClientEvents, StaffToServerEvents } from "../shared/protocol.js";
import type { Appointment } from "../shared/schemas/appointment.js";
import type { CommandInput } from "../shared/schemas/commands.js";
import type { ErrorBody } from "../shared/errors.js";

/** One entry of a card's history, as `GET /api/appointments/:id/history` answers it. */
export interface HistoryEntry {
  id: number;
  at: string;
  actorId: string;
  actor: string;
  action: string;
  before: Appointment | null;
  after: Appointment | null;
  revision: number;
}

export type StaffSocket = Socket<ServerToClientEvents, StaffToServerEvents>;

const COMMAND_TIMEOUT_MS = 8_000;

/** Answered when the server did not: the change may or may not have happened, so the board is what to trust. */
const NO_ANSWER: ErrorBody = { code: "internal", message: "no answer from the server" };

function newRequestId(): string {
  return crypto.randomUUID().replace(/-/g, "");
}

/**
 * Sends one command over the staff socket. A request id makes a resend after a timeout apply once.
 */
export async function sendCommand(socket: StaffSocket, command: CommandInput): Promise<Ack<CommandResult>> {
  try {
    return await socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck("board:command", { command, requestId: newRequestId() });
  } catch {
    return { ok: false, error: NO_ANSWER };
  }
}

async function getJson<T>(path: string): Promise<T | null> {
  try {
    const res = await fetch(path, { headers: { accept: "application/json" } });
    // the server's JSON is trusted at this boundary: it is the same code's own output
    return res.ok ? ((await res.json()) as T) : null;
  } catch {
    return null;
  }
}

export const fetchHistory = (id: number) => getJson<HistoryEntry[]>(`/api/appointments/${id}/history`);

export const searchCards = (date: string, q: string) => getJson<Appointment[]>(`/api/search?date=${encodeURIComponent(date)}&q=${encodeURIComponent(q)}`);

import type { Socket } from "socket.io-client";
import type { Ack, CommandResult, ServerToClientEvents, StaffToServerEvents } from "../shared/protocol.js";
import type { Appointment } from "../shared/schemas/appointment.js";
import type { CommandInput } from "../shared/schemas/commands.js";
import type { ErrorBody } from "../shared/errors.js";
import { localParts } from "../shared/rules/zoned-time.js";
import type { MessageKey } from "../shared/i18n/messages.js";
import { apiUrl } from "../display/site-path.js";

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

/** How the editor's forms send a command: the app sends it and tells the outcome, `label` naming the change. */
export type SendCommand = (command: CommandInput, label: MessageKey) => Promise<Ack<CommandResult>>;

const COMMAND_TIMEOUT_MS = 8_000;

/** Answered when the server did not, even to a resend: the change may or may not have happened, so the board is what to trust. */
export const NO_ANSWER: ErrorBody = { code: "internal", message: "no answer from the server" };

function newRequestId(): string {
  return crypto.randomUUID().replace(/-/g, "");
}

/**
 * Sends one command over the staff socket. A lost answer is asked for once more with the same
 * request id, which the server applies at most once, so a slow link never books a card twice.
 */
export async function sendCommand(socket: StaffSocket, command: CommandInput): Promise<Ack<CommandResult>> {
  const request = { command, requestId: newRequestId() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return (await socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck("board:command", request)) as Ack<CommandResult>;
    } catch {
      // no answer in time: the resend below is safe because of the request id
    }
  }
  return { ok: false, error: NO_ANSWER };
}

/** A GET of the server's JSON; null when it fails or refuses (the pages show what they have). */
export async function getJson<T>(path: string): Promise<T | null> {
  try {
    const res = await fetch(path, { headers: { accept: "application/json" } });
    // the server's JSON is trusted at this boundary: it is the same code's own output
    return res.ok ? ((await res.json()) as T) : null;
  } catch {
    return null;
  }
}

export const fetchHistory = (id: number) => getJson<HistoryEntry[]>(apiUrl(`/appointments/${id}/history`));

export const searchCards = (date: string, q: string) => getJson<Appointment[]>(apiUrl(`/search?date=${encodeURIComponent(date)}&q=${encodeURIComponent(q)}`));

/** Today's date in the site's zone by the server's clock (settings give the zone, health the clock). */
export async function fetchToday(): Promise<string | null> {
  const [settings, health] = await Promise.all([getJson<{ timeZone: string }>(apiUrl("/settings")), getJson<{ serverTime: number }>(apiUrl("/health"))]);
  return settings && health ? localParts(health.serverTime, settings.timeZone).date : null;
}

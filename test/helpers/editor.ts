import { io as connect } from "socket.io-client";
import type { Ack, CommandResult } from "../../shared/protocol.js";
import { STAFF_NAMESPACE } from "../../shared/protocol.js";
import type { CommandInput } from "../../shared/schemas/commands.js";
import type { StaffClient } from "./test-server.js";

export type Outcome = { kind: "ok"; result: CommandResult } | { kind: "refused"; code: string; current?: unknown } | { kind: "unknown" };

/** Anything that sends commands and records their outcomes: the socket editor, the REST one. */
export interface CommandSender {
  readonly sent: Sent[];
  alive(): boolean;
  send(command: CommandInput, requestId: string): Promise<Sent>;
}

export interface Sent {
  requestId: string;
  command: CommandInput;
  outcome: Outcome;
}

/**
 * A staff editor that tags every command with a request id and records what became of it: acked,
 * refused, or unknown (its connection died before the answer came).
 */
export class Editor implements CommandSender {
  readonly socket: StaffClient;
  readonly sent: Sent[] = [];

  /** `cookie`: the session of the account it edits as. */
  constructor(url: string, cookie: string) {
    this.socket = connect(url + STAFF_NAMESPACE, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { cookie } });
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once("connect", () => resolve());
      this.socket.once("connect_error", reject);
    });
  }

  alive(): boolean {
    return this.socket.connected;
  }

  /** Resolves with the answer, or with `unknown` when the connection goes first. */
  send(command: CommandInput, requestId: string): Promise<Sent> {
    const entry: Sent = { requestId, command, outcome: { kind: "unknown" } };
    this.sent.push(entry);
    return new Promise((resolve) => {
      if (!this.socket.connected) return resolve(entry);
      const onGone = () => resolve(entry);
      this.socket.once("disconnect", onGone);
      this.socket.emit("board:command", { command, requestId }, (ack: Ack<CommandResult>) => {
        this.socket.off("disconnect", onGone);
        entry.outcome = ack.ok ? { kind: "ok", result: ack.data } : { kind: "refused", code: ack.error.code, current: ack.error.current };
        resolve(entry);
      });
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}

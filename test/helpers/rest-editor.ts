import type { CommandResult } from "../../shared/protocol.js";
import type { ErrorBody } from "../../shared/errors.js";
import type { CommandInput } from "../../shared/schemas/commands.js";
import type { CommandSender, Sent } from "./editor.js";

/** The REST call a desk PC makes for a card command: path, method and body. */
function route(cmd: CommandInput): { path: string; method: string; body: unknown } {
  switch (cmd.type) {
    case "appointment.move": {
      const { type: _t, id, ...body } = cmd;
      return { path: `/api/appointments/${id}/move`, method: "POST", body };
    }
    case "appointment.update":
      return { path: `/api/appointments/${cmd.id}`, method: "PATCH", body: { version: cmd.version, ...cmd.changes } };
    default:
      throw new Error(`the REST editor does not send ${cmd.type}`);
  }
}

/**
 * An editor over REST with an Idempotency-Key on every request. An answer that never came (the
 * server died, the connection broke) leaves the outcome `unknown`, as for the socket editor.
 */
export class RestEditor implements CommandSender {
  readonly sent: Sent[] = [];
  private gone = false;

  /** `cookie`: the session of the account it edits as. */
  constructor(
    private readonly url: string,
    private readonly cookie: string,
  ) {}

  alive(): boolean {
    return !this.gone;
  }

  async send(command: CommandInput, requestId: string): Promise<Sent> {
    const entry: Sent = { requestId, command, outcome: { kind: "unknown" } };
    this.sent.push(entry);
    const { path, method, body } = route(command);
    try {
      const res = await fetch(this.url + path, {
        method,
        headers: { "content-type": "application/json", "idempotency-key": requestId, cookie: this.cookie },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as CommandResult | { error: ErrorBody };
      entry.outcome = "error" in json ? { kind: "refused", code: json.error.code, current: json.error.current } : { kind: "ok", result: json };
    } catch {
      this.gone = true;
    }
    return entry;
  }
}

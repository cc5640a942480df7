import type { DisplayStatus, PairedDisplay } from "../shared/schemas/access.js";
import type { CommandResult } from "../shared/protocol.js";
import { call, type ApiResult } from "../login/staff-api.js";
import { apiUrl, pageUrl } from "../display/site-path.js";

/** What creating a display answers: the key is in this answer and nowhere else, ever. */
export interface CreatedDisplay extends CommandResult {
  secret: string;
}

export const listDisplays = () => call<DisplayStatus[]>(apiUrl("/displays"));

export const createDisplay = (input: unknown) => call<CreatedDisplay>(apiUrl("/displays"), { method: "POST", body: JSON.stringify(input) });

export const updateDisplay = (d: PairedDisplay, changes: Partial<Pick<PairedDisplay, "name" | "visibility" | "language" | "advisorIds" | "layout" | "windowBefore" | "windowAfter">>): Promise<ApiResult<CommandResult>> =>
  call<CommandResult>(apiUrl(`/displays/${d.id}`), { method: "PATCH", body: JSON.stringify({ version: d.version, ...changes }) });

export const revokeDisplay = (d: PairedDisplay) => call<CommandResult>(apiUrl(`/displays/${d.id}`), { method: "DELETE" });

/** The TV's address; the key goes in the fragment, which a browser never sends to a server. */
export const pairingUrl = (origin: string, secret: string) => `${origin}${pageUrl("display")}#key=${encodeURIComponent(secret)}`;

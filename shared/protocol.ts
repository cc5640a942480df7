import * as z from "zod";
import { TODAY, type Ack } from "./protocol-constants.js";
import type { BoardPatch, BoardSnapshot } from "./schemas/board.js";
import { CommandSchema, RequestIdSchema } from "./schemas/commands.js";
import type { Appointment } from "./schemas/appointment.js";
import type { CompactDay } from "./display-wire.js";
import type { Advisor } from "./schemas/advisor.js";
import type { Bay } from "./schemas/bay.js";
import type { Settings } from "./schemas/settings.js";
import type { Overlap } from "./rules/overlaps.js";
import type { Account, ApiToken, DisplayConfig, PairedDisplay } from "./schemas/access.js";
import type { Retention } from "./schemas/retention.js";
import { LocalDateSchema } from "./schemas/common.js";

export { PROTOCOL_VERSION, DISPLAY_NAMESPACE, STAFF_NAMESPACE, TODAY, type Ack } from "./protocol-constants.js";

export const FollowRequestSchema = z.strictObject({
  /** A day, or `today` (protocol-constants.ts TODAY): the server's today in the site's zone. */
  date: z.union([LocalDateSchema, z.literal(TODAY)]),
  protocol: z.number().int(),
  /** The revision the client already holds; the server then replays what it missed when it can. */
  since: z.number().int().min(0).optional(),
});
export type FollowRequest = z.infer<typeof FollowRequestSchema>;

export type FollowResult =
  | { kind: "snapshot"; snapshot: BoardSnapshot }
  /** What `/display` answers: the day in the display's compact form (shared/display-wire.ts decodeCompactDay). */
  | { kind: "compact"; day: CompactDay }
  | { kind: "patches"; date: string; patches: BoardPatch[]; serverTime: number };

export const CommandRequestSchema = z.strictObject({
  command: CommandSchema,
  requestId: RequestIdSchema.optional(),
});
export type CommandRequest = z.input<typeof CommandRequestSchema>;

/** What an import answers: the cards it created, in the order of the rows. */
export interface ImportRecord {
  imported: Appointment[];
}

/** The calling-in commands' records (issue 14): register rows, list entries, an import's report, a generation, the rules. */
export type CallInRecord =
  | import("./schemas/register.js").Customer
  | import("./schemas/register.js").Vehicle
  | import("./schemas/register.js").RegisterImportReport
  | import("./schemas/call-lists.js").CallEntry
  | import("./schemas/call-lists.js").DueRules
  | import("./rules/confirmation.js").ConfirmationCall
  | { list: string; period: string; entries: import("./schemas/call-lists.js").CallEntry[] }
  | { entry: import("./schemas/call-lists.js").CallEntry; appointment: Appointment }
  // letters and texts (issue 14, point 4): the settings, a batch sent, a text queued again
  | (import("./schemas/letters.js").LetterSettings & { version: number })
  | (Omit<import("./schemas/letters.js").ContactBatch, "sends"> & { count: number })
  | import("./schemas/letters.js").ContactSend;

export type CommandRecord = Appointment | Advisor | Bay | Settings | ImportRecord | Account | PairedDisplay | ApiToken | Retention | CallInRecord;
export interface CommandResult<R = CommandRecord> {
  revision: number;
  record: R;
  /** A card's overlaps after an appointment command (a bay booked twice, a full slot…): saved all the same, as on paper. */
  overlaps?: Overlap[];
  /** Only when creating a display or an API token: its key, shown this once and never again. */
  secret?: string;
}

/** GET /api/board/overlaps: a day's overlaps as every screen marks them (shared/rules/overlaps.ts). */
export interface DayOverlapsReport {
  date: string;
  revision: number;
  /** Per card id, the cards that have any; closed cards have none. */
  cards: Record<string, Overlap[]>;
  /** The advisor slots holding more cards than the advisor's capacity (the dashed cells), slot as HH:mm. */
  overCapacity: { advisorId: number; slot: string }[];
}

export interface ServerToClientEvents {
  /** One committed change; `revision` is the previous one + 1. */
  "board:patch": (patch: BoardPatch) => void;
}

export interface DisplayToServerEvents {
  "board:follow": (req: FollowRequest, ack: (res: Ack<FollowResult>) => void) => void;
  /** For the clock offset: answers the server's clock in ms since epoch. */
  "time:sync": (ack: (serverTime: number) => void) => void;
  /** A paired display's name, language, visibility and advisors shown; null on an unpaired (public) screen. */
  "display:config": (ack: (config: DisplayConfig | null) => void) => void;
  /** A paired display tells which page it shows, for the manager's status list (DisplayReportSchema). */
  "display:report": (report: { page: string }) => void;
}

export interface StaffToServerEvents extends DisplayToServerEvents {
  "board:command": (req: CommandRequest, ack: (res: Ack<CommandResult>) => void) => void;
}

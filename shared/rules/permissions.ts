import type { Actor, Role } from "../schemas/actor.js";
import type { Command } from "../schemas/commands.js";
import type { Appointment } from "../schemas/appointment.js";
import { alertCalls } from "./alerts.js";
import { ADVISOR_LISTS, type CallList } from "../schemas/call-lists.js";

/** The list entry a command acts on, as far as permission goes: whose customer it is, on which list. */
export interface EntryOwner {
  advisorId: number | null;
  list: CallList;
}

const isAdvisorList = (list: CallList) => (ADVISOR_LISTS as readonly string[]).includes(list);

/**
 * Calling-in work the desk and the service desk (客服) do: the register, the lists, booking from
 * them, sending letters and texts; never the rules or the letter templates.
 */
const DESK_WORK = /^(appointment|customer|vehicle|register)\.|^call\.(generate|add|claim|release|outcome|book)$|^letters\.(send|retry_text)$/;

/**
 * An advisor books, edits, moves within their own row and confirms their own customers' cards, and
 * works the lists whose entries name them (parts arrived, unresolved faults, campaigns); never
 * another advisor's cards or entries.
 */
function advisorMay(own: number | undefined, cmd: Command, advisorOfCard: number | undefined, entry: EntryOwner | undefined): boolean {
  if (own === undefined) return false;
  const ownCard = advisorOfCard === own;
  const ownEntry = entry !== undefined && entry.advisorId === own && isAdvisorList(entry.list);
  switch (cmd.type) {
    case "appointment.create":
      return cmd.input.advisorId === own;
    case "appointment.update":
      return ownCard && (cmd.changes.advisorId === undefined || cmd.changes.advisorId === own);
    case "appointment.move":
      return ownCard && (cmd.advisorId === undefined || cmd.advisorId === own);
    case "appointment.status":
      return ownCard && (cmd.action === "arrive" || cmd.action === "greet" || cmd.action === "start" || cmd.action === "complete" || cmd.action === "confirm");
    case "appointment.confirmation_call":
      return ownCard;
    case "call.claim":
      return isAdvisorList(cmd.list);
    case "call.release":
    case "call.outcome":
      return ownEntry;
    case "call.book":
      return ownEntry && cmd.input.advisorId === own;
    default:
      return false;
  }
}

/** Whether an actor may run a command; the pipeline asks this once, for REST and socket alike. */
export function mayRun(
  actor: Actor,
  cmd: Command,
  card?: Pick<Appointment, "advisorId" | "status" | "preparation" | "alertAcknowledgedAt">,
  entry?: EntryOwner,
): boolean {
  // an arrival alert is acknowledged by someone it calls: a manager, or a repeat repair's own advisor
  if (cmd.type === "appointment.acknowledge_alert") return card !== undefined && (actor.role === "manager" || alertCalls(actor, card));
  // anyone signed in as themselves may change their own password (the pipeline checks the current one)
  if (cmd.type === "account.set_password" && actor.accountId !== undefined && actor.accountId === cmd.id) return true;
  switch (actor.role) {
    case "manager":
      return true;
    case "desk":
    case "service_desk":
      return DESK_WORK.test(cmd.type);
    case "advisor":
      return advisorMay(actor.advisorId, cmd, card?.advisorId, entry);
    case "display":
    case "group":
    case "system":
      return false;
  }
}

/** What can be read besides the (masked) public display: the day in full, or the records behind it. */
export type ReadScope =
  /** the day's board unmasked: GET /api/board, the /staff namespace */
  | "board"
  /** audit log, CSV export, search, one card's detail and history; the register, the lists and their figures */
  | "records"
  /** accounts, paired displays, API tokens */
  | "access"
  /** the manager's reception figures (issue 13) */
  | "figures";

export function mayRead(role: Role, scope: ReadScope): boolean {
  switch (scope) {
    case "board":
      return role === "manager" || role === "desk" || role === "service_desk" || role === "advisor" || role === "display" || role === "group";
    case "records":
      return role === "manager" || role === "desk" || role === "service_desk" || role === "advisor" || role === "group";
    case "figures":
      return role === "manager" || role === "group";
    case "access":
      return role === "manager";
  }
}

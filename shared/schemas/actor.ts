import * as z from "zod";

/**
 * `group` is the dealer group's after-sales director (集团售后总监, issue 17): an account of the group,
 * not of a site, that reads every site and runs no command on any; never a site account's role.
 */
export const ROLES = ["manager", "desk", "service_desk", "advisor", "display", "group", "system"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Who is behind a command; every audit entry names one. */
export interface Actor {
  id: string;
  name: string;
  role: Role;
  /** For the advisor role: the advisor whose customers this account serves. */
  advisorId?: number;
  /** The signed-in account behind this actor (absent for tokens, paired displays and the server). */
  accountId?: number;
}

export const SYSTEM_CLOCK: Actor = { id: "system:clock", name: "clock", role: "system" };

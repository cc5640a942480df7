import * as z from "zod";

export const ROLES = ["manager", "desk", "service_desk", "advisor", "display", "system"] as const;
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

import type { Account, AccountRole, ApiToken, PairedDisplay } from "../../../shared/schemas/access.js";
import type { Command } from "../../../shared/schemas/commands.js";
import { publicAccount, type StoredAccount } from "../../db/account-repo.js";
import { digest, hashPassword, newSecret, verifyPasswordSync } from "../../access/secrets.js";
import { accountActorId, displayActorId, tokenActorId } from "../../access/actor-ids.js";
import { removesLastManager } from "../../../shared/rules/accounts.js";
import { DomainError, notFound } from "../domain-error.js";
import { expectVersion, type AuditDraft, type CommandContext, type HandlerOutput } from "../command-context.js";

type Cmd<T extends Command["type"]> = Extract<Command, { type: T }>;

/**
 * Access records are not on the board: a change to one bumps the revision (every screen sees an
 * empty tick) but carries no ops, so no account, key or token ever travels to a screen.
 */
function accessOutput(record: Account | PairedDisplay | ApiToken, audit: AuditDraft, extra: Pick<HandlerOutput, "secret" | "ended"> = {}): HandlerOutput {
  return { record, ops: [], dates: null, audit: [audit], ...extra };
}

/** An advisor account or token serves one advisor; other roles serve none. */
async function advisorLink(ctx: CommandContext, role: AccountRole, advisorId: number | null | undefined, field: string): Promise<number | null> {
  if (role !== "advisor") return null;
  if (advisorId === undefined || advisorId === null) throw new DomainError("invalid_payload", `${field} is required for the advisor role`, field);
  if (!await ctx.repos.advisors.get(advisorId)) throw new DomainError("invalid_payload", `${field} ${advisorId} does not exist`, field);
  return advisorId;
}

export async function createAccount(ctx: CommandContext, cmd: Cmd<"account.create">): Promise<HandlerOutput> {
  const { input } = cmd;
  if (await ctx.repos.accounts.byUsername(input.username)) throw new DomainError("invalid_payload", `username ${input.username} is taken`, "input.username");
  const account = await ctx.repos.accounts.insert({
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    advisorId: await advisorLink(ctx, input.role, input.advisorId, "input.advisorId"),
    // the manager chose this password, so its owner must replace it with one only they know
    mustChangePassword: true,
    active: true,
    version: 1,
    createdAt: ctx.nowIso,
    updatedAt: ctx.nowIso,
    passwordHash: hashPassword(input.password),
  });
  const after = publicAccount(account);
  return accessOutput(after, { action: "account.create", entity: "account", entityId: after.id, date: null, before: null, after });
}

export async function updateAccount(ctx: CommandContext, cmd: Cmd<"account.update">): Promise<HandlerOutput> {
  const before = await ctx.repos.accounts.get(cmd.id);
  if (!before) throw notFound("account", cmd.id);
  expectVersion(before, cmd.version, "account");
  const { changes } = cmd;
  const role = changes.role ?? before.role;
  const after: StoredAccount = {
    ...before,
    displayName: changes.displayName ?? before.displayName,
    role,
    active: changes.active ?? before.active,
    advisorId: await advisorLink(ctx, role, changes.advisorId === undefined ? before.advisorId : changes.advisorId, "changes.advisorId"),
    version: before.version + 1,
    updatedAt: ctx.nowIso,
  };
  if (removesLastManager(await ctx.repos.accounts.all(), before, after)) {
    throw new DomainError("invalid_payload", "this is the last active manager; make another manager first", changes.role ? "changes.role" : "changes.active");
  }
  await ctx.repos.accounts.update(after);
  // losing access or a role ends the account's sessions; a rename does not
  const cut = !after.active || after.role !== before.role || after.advisorId !== before.advisorId;
  if (cut) await ctx.repos.sessions.removeForAccount(after.id);
  return accessOutput(
    publicAccount(after),
    { action: "account.update", entity: "account", entityId: after.id, date: null, before: publicAccount(before), after: publicAccount(after) },
    cut ? { ended: [accountActorId(after.id)] } : {},
  );
}

/**
 * Changing one's own password needs the current one; a manager resetting someone else's gives
 * them a password they must replace. Either way every session of the account ends.
 */
export async function setPassword(ctx: CommandContext, cmd: Cmd<"account.set_password">): Promise<HandlerOutput> {
  const before = await ctx.repos.accounts.get(cmd.id);
  if (!before) throw notFound("account", cmd.id);
  const own = ctx.actor.accountId === cmd.id;
  if (own && !verifyPasswordSync(cmd.currentPassword ?? "", before.passwordHash)) {
    throw new DomainError("invalid_payload", "currentPassword is not your current password", "currentPassword");
  }
  if (own && verifyPasswordSync(cmd.password, before.passwordHash)) {
    throw new DomainError("invalid_payload", "password must differ from the current one", "password");
  }
  const after: StoredAccount = {
    ...before,
    passwordHash: hashPassword(cmd.password),
    mustChangePassword: !own,
    version: before.version + 1,
    updatedAt: ctx.nowIso,
  };
  await ctx.repos.accounts.update(after);
  await ctx.repos.sessions.removeForAccount(after.id);
  const view = publicAccount(after);
  return accessOutput(
    view,
    { action: "account.set_password", entity: "account", entityId: after.id, date: null, before: publicAccount(before), after: view },
    { ended: [accountActorId(after.id)] },
  );
}

/** First start: the manager account `admin`. */
export async function initAccounts(ctx: CommandContext, passwordHash: string, mustChangePassword: boolean): Promise<HandlerOutput | null> {
  if (await ctx.repos.accounts.count() > 0) return null;
  const account = await ctx.repos.accounts.insert({
    username: "admin",
    displayName: "管理员",
    role: "manager",
    advisorId: null,
    mustChangePassword,
    active: true,
    version: 1,
    createdAt: ctx.nowIso,
    updatedAt: ctx.nowIso,
    passwordHash,
  });
  const after = publicAccount(account);
  return accessOutput(after, { action: "account.init", entity: "account", entityId: after.id, date: null, before: null, after });
}

export async function createDisplay(ctx: CommandContext, cmd: Cmd<"display.create">): Promise<HandlerOutput> {
  await checkAdvisors(ctx, cmd.input.advisorIds, "input.advisorIds");
  const key = newSecret("dk");
  const display = await ctx.repos.displays.insert({ ...cmd.input, createdAt: ctx.nowIso }, digest(key));
  return accessOutput(display, { action: "display.create", entity: "display", entityId: display.id, date: null, before: null, after: display }, { secret: key });
}

async function checkAdvisors(ctx: CommandContext, ids: number[] | undefined, field: string): Promise<void> {
  let missing: number | undefined;
  for (const id of ids ?? []) {
    if ((await ctx.repos.advisors.get(id)) === undefined) {
      missing = id;
      break;
    }
  }
  if (missing !== undefined) throw new DomainError("invalid_payload", `${field} names advisor ${missing}, which does not exist`, field);
}

export async function updateDisplay(ctx: CommandContext, cmd: Cmd<"display.update">): Promise<HandlerOutput> {
  const before = await ctx.repos.displays.get(cmd.id);
  if (!before) throw notFound("display", cmd.id);
  if (before.revoked) throw new DomainError("invalid_transition", `display ${cmd.id} is revoked; pair a new one`);
  expectVersion(before, cmd.version, "display");
  await checkAdvisors(ctx, cmd.changes.advisorIds, "changes.advisorIds");
  const c = cmd.changes;
  const after: PairedDisplay = {
    ...before,
    name: c.name ?? before.name,
    visibility: c.visibility ?? before.visibility,
    language: c.language ?? before.language,
    advisorIds: c.advisorIds ?? before.advisorIds,
    layout: c.layout ?? before.layout,
    windowBefore: c.windowBefore ?? before.windowBefore,
    windowAfter: c.windowAfter ?? before.windowAfter,
    version: before.version + 1,
  };
  await ctx.repos.displays.update(after);
  // the screen reconnects at once and receives its new view (masked or not) from the start
  return accessOutput(after, { action: "display.update", entity: "display", entityId: after.id, date: null, before, after }, { ended: [displayActorId(after.id)] });
}

export async function revokeDisplay(ctx: CommandContext, cmd: Cmd<"display.revoke">): Promise<HandlerOutput> {
  const before = await ctx.repos.displays.get(cmd.id);
  if (!before) throw notFound("display", cmd.id);
  if (before.revoked) throw new DomainError("invalid_transition", `display ${cmd.id} is already revoked`);
  const after: PairedDisplay = { ...before, revoked: true, version: before.version + 1 };
  await ctx.repos.displays.update(after);
  return accessOutput(after, { action: "display.revoke", entity: "display", entityId: after.id, date: null, before, after }, { ended: [displayActorId(after.id)] });
}

export async function createToken(ctx: CommandContext, cmd: Cmd<"token.create">): Promise<HandlerOutput> {
  const secret = newSecret("mbt");
  const token = await ctx.repos.tokens.insert(
    { name: cmd.input.name, role: cmd.input.role, advisorId: await advisorLink(ctx, cmd.input.role, cmd.input.advisorId, "input.advisorId"), createdAt: ctx.nowIso, createdBy: ctx.actor.name },
    digest(secret),
  );
  return accessOutput(token, { action: "token.create", entity: "token", entityId: token.id, date: null, before: null, after: token }, { secret });
}

export async function revokeToken(ctx: CommandContext, cmd: Cmd<"token.revoke">): Promise<HandlerOutput> {
  const before = await ctx.repos.tokens.get(cmd.id);
  if (!before) throw notFound("token", cmd.id);
  if (before.revoked) throw new DomainError("invalid_transition", `token ${cmd.id} is already revoked`);
  await ctx.repos.tokens.revoke(cmd.id);
  const after = (await ctx.repos.tokens.get(cmd.id))!;
  return accessOutput(after, { action: "token.revoke", entity: "token", entityId: after.id, date: null, before, after }, { ended: [tokenActorId(after.id)] });
}

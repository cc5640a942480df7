import { UsernameSchema } from "../../shared/schemas/access.js";
import type { Actor } from "../../shared/schemas/actor.js";
import type { Clock } from "../board/clock.js";
import type { Logger } from "../logger.js";
import { loggableUsername, sessionKey, type Principal } from "../access/access-control.js";
import { groupActorId } from "../access/actor-ids.js";
import { sessionFromCookieHeader } from "../access/cookies.js";
import { RateLimiter } from "../access/rate-limiter.js";
import { digest, dummyHash, hashPassword, newSecret, verifyPassword } from "../access/secrets.js";
import { saveGroupAccountAt, type GroupAccount, type GroupRecords } from "../db/pg/group-records.js";

/** The group's own session cookie: sent to every site, read by a site only when it has no session of its own. */
export const GROUP_COOKIE = "magboard_group";

const HOUR = 60 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

export interface GroupMember {
  username: string;
  displayName: string;
}

const member = (a: GroupAccount): GroupMember => ({ username: a.username, displayName: a.displayName });

function groupActor(a: GroupAccount): Actor {
  return { id: groupActorId(a.id), name: `${a.displayName} (${a.username})`, role: "group" };
}

/** Makes (or resets) a group director's account on the group's database at `url`, from the command line or a test. */
export async function createGroupAccount(url: string, a: { username: string; displayName: string; password: string }): Promise<GroupMember> {
  const username = UsernameSchema.parse(a.username);
  return member(await saveGroupAccountAt(url, { username, displayName: a.displayName.trim() || username, passwordHash: hashPassword(a.password) }));
}

/**
 * Sign-in of the group's people (集团售后总监) and their sessions, as a site's AccessControl does for
 * its staff: same limits on guessing, same idle and absolute session limits.
 */
export class GroupAccess {
  readonly idleMs = 12 * HOUR;
  readonly maxMs = 7 * 24 * HOUR;
  private readonly perAccount: RateLimiter;
  private readonly perAddress: RateLimiter;

  constructor(
    private readonly records: GroupRecords,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {
    this.perAccount = new RateLimiter(clock, 5, 15 * 60 * 1000);
    this.perAddress = new RateLimiter(clock, 20, 15 * 60 * 1000);
  }

  async login(rawUsername: string, password: string, address: string): Promise<{ ok: true; sessionId: string; member: GroupMember } | { ok: false; retryAfterMs?: number }> {
    const username = rawUsername.trim().toLowerCase();
    const wait = Math.max(this.perAccount.retryAfter(username), this.perAddress.retryAfter(address));
    if (wait > 0) return { ok: false, retryAfterMs: wait };
    this.perAccount.take(username);
    this.perAddress.take(address);
    const account = await this.records.byUsername(username);
    const matches = await verifyPassword(password, account?.passwordHash ?? dummyHash());
    if (!account || !account.active || !matches) {
      this.log.info(`group sign-in refused for ${loggableUsername(rawUsername)} from ${address}`);
      return { ok: false };
    }
    this.perAccount.undo(username);
    this.perAddress.undo(address);
    const now = this.clock.now();
    await this.records.removeEndedSessions(now, now - this.idleMs);
    const sessionId = newSecret("s");
    await this.records.startSession({ idHash: digest(sessionId), accountId: account.id, createdAt: now, lastSeenAt: now, expiresAt: now + this.maxMs });
    this.log.info(`${account.username} (group) signed in from ${address}`);
    return { ok: true, sessionId, member: member(account) };
  }

  /** The group's session in a Cookie header: its person and their actor, or null. */
  async fromCookie(cookie: string | undefined): Promise<(Principal & { member: GroupMember }) | null> {
    const sessionId = sessionFromCookieHeader(cookie, GROUP_COOKIE);
    if (!sessionId) return null;
    const hash = digest(sessionId);
    const session = await this.records.session(hash);
    if (!session) return null;
    const now = this.clock.now();
    if (session.expiresAt <= now || session.lastSeenAt + this.idleMs <= now) {
      await this.records.endSession(hash);
      return null;
    }
    const account = await this.records.get(session.accountId);
    if (!account || !account.active) return null;
    if (now - session.lastSeenAt >= TOUCH_EVERY_MS) await this.records.touchSession(hash, now);
    return { actor: groupActor(account), sessionHash: hash, mustChangePassword: false, member: member(account) };
  }

  /** Ends the session in the cookie; returns its key for ending its live connections on every site. */
  async logout(cookie: string | undefined): Promise<string | null> {
    const sessionId = sessionFromCookieHeader(cookie, GROUP_COOKIE);
    if (!sessionId) return null;
    const hash = digest(sessionId);
    await this.records.endSession(hash);
    return sessionKey(hash);
  }
}

import type { Actor } from "../../shared/schemas/actor.js";
import { UsernameSchema, type Account, type PairedDisplay } from "../../shared/schemas/access.js";
import { publicAccount, type StoredAccount } from "../db/account-repo.js";
import type { Repositories } from "../db/repositories.js";
import type { Bookkeeping } from "../board/bookkeeping.js";
import type { Clock } from "../board/clock.js";
import type { Logger } from "../logger.js";
import { accountActorId, displayActorId, tokenActorId } from "./actor-ids.js";
import { SESSION_COOKIE, sessionFromCookieHeader } from "./cookies.js";
import { digest, dummyHash, newSecret, verifyPassword } from "./secrets.js";
import { RateLimiter } from "./rate-limiter.js";

export interface AccessOptions {
  /** A session unused this long ends (default 12 hours: a working day and then some). */
  sessionIdleMs?: number;
  /** A session ends this long after login whatever its use (default 7 days). */
  sessionMaxMs?: number;
  /** The session cookie's name: the embedded default's, or the group's site's own (siteCookieName). */
  cookieName?: string;
  /**
   * In a group: who the request is when it is nobody of this site, from the group's own cookie (the
   * group director, who reads every site). Asked only when the site has no session in the headers.
   */
  outsider?: (cookie: string | undefined) => Promise<Principal | null>;
}

const HOUR = 60 * 60 * 1000;
/** Writing last-seen on every request would make each read a write; a minute's precision is enough. */
const TOUCH_EVERY_MS = 60 * 1000;

/** Who is behind a request or socket, as far as permissions go. */
export interface Principal {
  actor: Actor;
  /** The signed-in account, when it is a person's session. */
  account?: Account;
  /** SHA-256 of the session id, to end exactly this session's connections on logout. */
  sessionHash?: string;
  /** Until a printed or reset password is replaced, the account may do nothing else. */
  mustChangePassword: boolean;
}

export type LoginResult =
  | { ok: true; sessionId: string; account: Account; expiresAt: number }
  | { ok: false; code: "unauthorized" | "rate_limited"; retryAfterMs?: number };

export const sessionKey = (hash: string) => `session:${hash}`;

/**
 * What the log may say of a refused username: the name itself only when it could be one, since
 * people type their password into the username field, and anything else may be crafted to read as
 * log lines of its own.
 */
export function loggableUsername(raw: string): string {
  const parsed = UsernameSchema.safeParse(raw);
  return parsed.success ? `"${parsed.data}"` : `(not a username, ${Array.from(raw).length} characters)`;
}

function accountActor(a: StoredAccount): Actor {
  return { id: accountActorId(a.id), name: `${a.displayName} (${a.username})`, role: a.role, accountId: a.id, ...(a.advisorId !== null ? { advisorId: a.advisorId } : {}) };
}

/** What access control reads; everything it writes goes through Bookkeeping. */
export interface AccessRecords {
  accounts: Pick<Repositories["accounts"], "byUsername" | "get">;
  sessions: Pick<Repositories["sessions"], "get">;
  tokens: Pick<Repositories["tokens"], "byTokenHash">;
  displays: Pick<Repositories["displays"], "byKeyHash">;
}

/**
 * Sign-in, sessions, API tokens and display keys. Session rows and last-used times are bookkeeping
 * of who is signed in, not board data, so they are written through Bookkeeping; every change to
 * accounts, displays and tokens themselves goes through the pipeline with its audit entry.
 */
export class AccessControl {
  readonly idleMs: number;
  readonly maxMs: number;
  readonly cookieName: string;
  private readonly outsider: (cookie: string | undefined) => Promise<Principal | null>;
  // failures: an attempt counts from its start, and a right password gives it back, so its owner is never slowed down
  private readonly perAccount: RateLimiter;
  private readonly perAddress: RateLimiter;

  constructor(
    private readonly repos: AccessRecords,
    private readonly bookkeeping: Bookkeeping,
    private readonly clock: Clock,
    private readonly log: Logger,
    opts: AccessOptions = {},
  ) {
    this.idleMs = opts.sessionIdleMs ?? 12 * HOUR;
    this.maxMs = opts.sessionMaxMs ?? 7 * 24 * HOUR;
    this.cookieName = opts.cookieName ?? SESSION_COOKIE;
    this.outsider = opts.outsider ?? (() => Promise.resolve(null));
    this.perAccount = new RateLimiter(clock, 5, 15 * 60 * 1000);
    this.perAddress = new RateLimiter(clock, 20, 15 * 60 * 1000);
  }

  async login(rawUsername: string, password: string, address: string): Promise<LoginResult> {
    const username = rawUsername.trim().toLowerCase();
    const wait = Math.max(this.perAccount.retryAfter(username), this.perAddress.retryAfter(address));
    if (wait > 0) return { ok: false, code: "rate_limited", retryAfterMs: wait };
    // counted before the hash, so attempts sent at once cannot all pass the check above
    this.perAccount.take(username);
    this.perAddress.take(address);
    const account = await this.repos.accounts.byUsername(username);
    // the same work whether or not the account exists, so timing does not tell which usernames are real
    const matches = await verifyPassword(password, account?.passwordHash ?? dummyHash());
    if (!account || !account.active || !matches) {
      this.log.info(`sign-in refused for ${loggableUsername(rawUsername)} from ${address}`);
      return { ok: false, code: "unauthorized" };
    }
    this.perAccount.undo(username);
    this.perAddress.undo(address);
    const { sessionId, expiresAt } = await this.newSession(account.id);
    await this.bookkeeping.recordSignIn(account.id, new Date(this.clock.now()).toISOString());
    this.log.info(`${account.username} signed in from ${address}`);
    return { ok: true, sessionId, account: publicAccount(account), expiresAt };
  }

  /** A new session for an account that just proved who it is (signed in, or changed its password). */
  async newSession(accountId: number): Promise<{ sessionId: string; expiresAt: number }> {
    const now = this.clock.now();
    await this.bookkeeping.removeEndedSessions(now, now - this.idleMs);
    const sessionId = newSecret("s");
    const expiresAt = now + this.maxMs;
    await this.bookkeeping.startSession({ idHash: digest(sessionId), accountId, createdAt: now, lastSeenAt: now, expiresAt });
    return { sessionId, expiresAt };
  }

  /** Ends one session; returns its key for ending its live connections. */
  async logout(sessionId: string): Promise<string> {
    const hash = digest(sessionId);
    await this.bookkeeping.endSession(hash);
    return sessionKey(hash);
  }

  /** A session cookie's principal, or null when absent, unknown, expired, or its account is disabled. */
  async fromSession(sessionId: string | undefined): Promise<Principal | null> {
    if (!sessionId) return null;
    const hash = digest(sessionId);
    const session = await this.repos.sessions.get(hash);
    if (!session) return null;
    const now = this.clock.now();
    if (session.expiresAt <= now || session.lastSeenAt + this.idleMs <= now) {
      await this.bookkeeping.endSession(hash);
      return null;
    }
    const account = await this.repos.accounts.get(session.accountId);
    if (!account || !account.active) return null;
    if (now - session.lastSeenAt >= TOUCH_EVERY_MS) await this.bookkeeping.touchSession(hash, now);
    return { actor: accountActor(account), account: publicAccount(account), sessionHash: hash, mustChangePassword: account.mustChangePassword };
  }

  async fromToken(token: string): Promise<Principal | null> {
    if (!/^mbt_[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const t = await this.repos.tokens.byTokenHash(digest(token));
    if (!t) return null;
    const nowIso = new Date(this.clock.now()).toISOString();
    if (!t.lastUsedAt || Date.parse(nowIso) - Date.parse(t.lastUsedAt) >= TOUCH_EVERY_MS) await this.bookkeeping.touchToken(t.id, nowIso);
    const actor: Actor = { id: tokenActorId(t.id), name: `token ${t.name}`, role: t.role, ...(t.advisorId !== null ? { advisorId: t.advisorId } : {}) };
    return { actor, mustChangePassword: false };
  }

  /**
   * From request headers: a Bearer token when one is sent (and then only it: a bad token is not
   * rescued by a cookie), otherwise the session cookie.
   */
  async fromHeaders(cookie: string | undefined, authorization: string | undefined): Promise<Principal | null> {
    if (authorization !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(authorization);
      return m ? await this.fromToken(m[1]!) : null;
    }
    const sessionId = sessionFromCookieHeader(cookie, this.cookieName);
    // a cookie of this site that has lapsed is not rescued by the group's either: sign in again here
    return sessionId !== undefined ? this.fromSession(sessionId) : this.outsider(cookie);
  }

  /** This site's session id in a Cookie header. */
  sessionIn(cookie: string | undefined): string | undefined {
    return sessionFromCookieHeader(cookie, this.cookieName);
  }

  /** The live paired display holding this key. */
  async displayByKey(key: unknown): Promise<PairedDisplay | null> {
    if (typeof key !== "string" || !/^dk_[A-Za-z0-9_-]{43}$/.test(key)) return null;
    return await this.repos.displays.byKeyHash(digest(key)) ?? null;
  }

  displayActor(d: PairedDisplay): Actor {
    return { id: displayActorId(d.id), name: `display ${d.name}`, role: "display" };
  }
}

import type { Account } from "../shared/schemas/access.js";
import type { Actor } from "../shared/schemas/actor.js";
import type { ErrorBody } from "../shared/errors.js";
import { apiUrl } from "../display/site-path.js";

/** Who the browser is signed in as (GET /api/auth/session); the cookie itself is httpOnly and never seen here. */
export interface StaffSession {
  actor: Actor;
  account: Account | null;
  mustChangePassword: boolean;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; error: ErrorBody | null; retryAfter: number | null };

export async function call<T>(path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  try {
    const res = await fetch(path, { ...init, credentials: "same-origin", headers: { "content-type": "application/json", ...(init.headers ?? {}) } });
    const body = res.status === 204 ? null : ((await res.json().catch(() => null)) as unknown);
    if (res.ok) return { ok: true, data: body as T };
    const error = (body as { error?: ErrorBody } | null)?.error ?? null;
    return { ok: false, status: res.status, error, retryAfter: Number(res.headers.get("retry-after")) || null };
  } catch {
    return { ok: false, status: 0, error: null, retryAfter: null };
  }
}

/**
 * Answers to a screen's requests can come back in another order than they were asked (a slow
 * answer for the date the screen showed before, an older search after a newer one). A screen asks
 * through this and shows an answer only while its request is still the latest.
 */
export class LatestAnswer {
  private last = 0;

  /** Starts a request: the function says whether it is still the latest when its answer arrives. */
  ask(): () => boolean {
    const mine = ++this.last;
    return () => mine === this.last;
  }
}

export const currentSession = () => call<StaffSession>(apiUrl("/auth/session"));

export const signIn = (username: string, password: string) =>
  call<{ account: Account; mustChangePassword: boolean }>(apiUrl("/auth/login"), { method: "POST", body: JSON.stringify({ username, password }) });

export const signOut = () => call<null>(apiUrl("/auth/logout"), { method: "POST" });

export const changePassword = (currentPassword: string, newPassword: string) =>
  call<{ account: Account }>(apiUrl("/auth/password"), { method: "POST", body: JSON.stringify({ currentPassword, newPassword }) });

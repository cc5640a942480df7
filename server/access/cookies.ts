/** The embedded default's session cookie; a site of a group has its own (siteCookieName). */
export const SESSION_COOKIE = "magboard_session";

/**
 * A group's site's session cookie. Every site's cookie is sent to every site's URLs (Path=/, so the
 * socket handshake at /socket.io carries it too); each site reads only its own name, and a
 * session id is looked up only in that site's own sessions, so one site's cookie opens nothing at another.
 */
export const siteCookieName = (slug: string): string => `${SESSION_COOKIE}_${slug}`;

/** Every value of the cookie `name` in a raw Cookie header (none when the header is oversized). */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (!header || header.length > 8192) return [];
  const values: string[] = [];
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq >= 0 && part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

/**
 * The one session cookie `name` from a raw Cookie header; anything malformed is simply not a session.
 * Two of them mean someone planted one (a sibling subdomain or another path can set a cookie of
 * the same name): neither is trusted, rather than whichever the browser happened to send first.
 */
export function sessionFromCookieHeader(header: string | undefined, name: string): string | undefined {
  const values = cookieValues(header, name);
  return values.length === 1 && /^s_[A-Za-z0-9_-]{43}$/.test(values[0]!) ? values[0] : undefined;
}

export interface CookieOptions {
  secure: boolean;
  maxAgeSeconds: number;
}

/** httpOnly so page script cannot read it; SameSite=Strict so no other site's page sends it. */
export function sessionCookie(name: string, value: string, o: CookieOptions): string {
  return [`${name}=${value}`, "Path=/", "HttpOnly", "SameSite=Strict", `Max-Age=${o.maxAgeSeconds}`, ...(o.secure ? ["Secure"] : [])].join("; ");
}

export function clearedSessionCookie(name: string, secure: boolean): string {
  return sessionCookie(name, "", { secure, maxAgeSeconds: 0 });
}

export const SESSION_COOKIE = "magboard_session";

/** Every value of the session cookie in a raw Cookie header (none when the header is oversized). */
export function sessionCookieValues(header: string | undefined): string[] {
  if (!header || header.length > 8192) return [];
  const values: string[] = [];
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq >= 0 && part.slice(0, eq).trim() === SESSION_COOKIE) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

/**
 * The one cookie we read, from a raw Cookie header; anything malformed is simply not a session.
 * Two of them mean someone planted one (a sibling subdomain or another path can set a cookie of
 * the same name): neither is trusted, rather than whichever the browser happened to send first.
 */
export function sessionFromCookieHeader(header: string | undefined): string | undefined {
  const values = sessionCookieValues(header);
  return values.length === 1 && /^s_[A-Za-z0-9_-]{43}$/.test(values[0]!) ? values[0] : undefined;
}

export interface CookieOptions {
  secure: boolean;
  maxAgeSeconds: number;
}

/** httpOnly so page script cannot read it; SameSite=Strict so no other site's page sends it. */
export function sessionCookie(value: string, o: CookieOptions): string {
  return [`${SESSION_COOKIE}=${value}`, "Path=/", "HttpOnly", "SameSite=Strict", `Max-Age=${o.maxAgeSeconds}`, ...(o.secure ? ["Secure"] : [])].join("; ");
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie("", { secure, maxAgeSeconds: 0 });
}

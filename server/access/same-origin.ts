/**
 * Whether a request's Origin (when it has one) names this server. Browsers send Origin on
 * cross-site requests and on WebSocket handshakes; tools like curl send none and are allowed,
 * since they hold no victim's cookie. `hosts` are the names this server answers to: the Host
 * header, and behind a trusted proxy also X-Forwarded-Host.
 */
export function sameOrigin(origin: string | undefined, hosts: Array<string | undefined>): boolean {
  if (origin === undefined) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  return hosts.some((h) => h !== undefined && h.toLowerCase() === host.toLowerCase());
}

/** The first of a comma-separated X-Forwarded-Host (the one the browser used). */
export function forwardedHost(header: string | string[] | undefined): string | undefined {
  const v = Array.isArray(header) ? header[0] : header;
  return v?.split(",")[0]?.trim() || undefined;
}

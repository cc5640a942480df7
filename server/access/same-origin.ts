/**
 * Whether a request's Origin (when it has one) names this server. Browsers send Origin on
 * cross-site requests and on WebSocket handshakes; tools like curl send none and are allowed,
 * since they hold no victim's cookie.
 */
export function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

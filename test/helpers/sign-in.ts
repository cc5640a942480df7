import { sessionCookieOf, TEST_ADMIN_PASSWORD } from "./test-server.js";

/**
 * Signs in at a server the test did not build itself (a child process started with
 * `MAGBOARD_ADMIN_PASSWORD=<TEST_ADMIN_PASSWORD> node --import tsx server/main.ts`), through the
 * documented endpoint, and returns the Cookie header value to send with REST calls and in a
 * socket's `extraHeaders: { cookie }`.
 */
export async function signInAt(baseUrl: string, username = "admin", password = TEST_ADMIN_PASSWORD): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  const cookie = sessionCookieOf(res.headers);
  if (!res.ok || !cookie) throw new Error(`sign-in as ${username} at ${baseUrl} failed: ${res.status} ${await res.text()}`);
  return cookie;
}

import { afterEach, describe, expect, it } from "vitest";
import { RateLimiter } from "../../server/access/rate-limiter.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from "../helpers/test-server.js";

/**
 * docs/API.md promises 5 failed sign-ins per account and 20 per client address in 15 minutes, then
 * 429 even for the right password. A password hash takes tens of milliseconds, so guesses sent at
 * once are all in flight together: the limit must hold for them exactly as for guesses in a row.
 */
const ACCOUNT_LIMIT = 5;
const ADDRESS_LIMIT = 20;
const BURST = 30;

describe("the sign-in rate limiter", () => {
  it("counts an attempt when it starts, makes the key wait once `limit` are counted, until the window ends", () => {
    const clock = new ManualClock(0);
    const limiter = new RateLimiter(clock, 3, 60_000);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter("admin")).toBe(0);
      limiter.take("admin");
    }
    expect(limiter.retryAfter("admin")).toBe(60_000);
    expect(limiter.retryAfter("someone-else")).toBe(0);
    clock.advance(59_000);
    expect(limiter.retryAfter("admin")).toBe(1_000);
    clock.advance(1_000);
    expect(limiter.retryAfter("admin")).toBe(0);
  });

  it("gives back an attempt that did not count, and never below nothing", () => {
    const limiter = new RateLimiter(new ManualClock(0), 2, 60_000);
    limiter.take("admin");
    limiter.take("admin");
    expect(limiter.retryAfter("admin")).toBeGreaterThan(0);
    limiter.undo("admin");
    expect(limiter.retryAfter("admin")).toBe(0);
    limiter.undo("admin");
    limiter.undo("admin");
    limiter.take("admin");
    expect(limiter.retryAfter("admin")).toBe(0);
  });

  it("stays bounded: past its capacity it forgets the oldest keys rather than grow", () => {
    const limiter = new RateLimiter(new ManualClock(0), 1, 60_000, 100);
    limiter.take("first");
    expect(limiter.retryAfter("first")).toBeGreaterThan(0);
    for (let i = 0; i < 100; i++) limiter.take(`flood-${i}`);
    expect(limiter.retryAfter("first")).toBe(0);
    expect(limiter.retryAfter("flood-99")).toBeGreaterThan(0);
  });
});

describe("password guessing", () => {
  let server: TestServer;
  afterEach(async () => {
    await server?.close();
  });

  const login = (username: string, password: string, address?: string) =>
    server.api("/api/auth/login", { method: "POST", json: { username, password }, as: "anonymous", ...(address ? { headers: { "x-forwarded-for": address } } : {}) });

  /** Every answer of a burst, by status. */
  const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

  it("in a row: 5 failures per account, then 429 rate_limited even for the right password, until the window passes", async () => {
    const clock = new ManualClock(Date.parse("2026-11-27T01:00:00Z"));
    server = await startTestServer({ clock });
    for (let i = 0; i < ACCOUNT_LIMIT; i++) expect((await login("admin", "wrong-password")).status).toBe(401);
    const limited = await login("admin", TEST_ADMIN_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    clock.advance(16 * 60_000);
    expect((await login("admin", TEST_ADMIN_PASSWORD)).status).toBe(200);
  });

  it("in a row: 20 failures per address across usernames, then 429", async () => {
    server = await startTestServer();
    for (let i = 0; i < ADDRESS_LIMIT; i++) expect((await login(`guess${i}`, "wrong-password")).status).toBe(401);
    expect((await login("admin", TEST_ADMIN_PASSWORD)).status).toBe(429);
  });

  it("a right password does not count as a failure, nor wipe the failures before it", async () => {
    server = await startTestServer();
    for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) expect((await login("admin", "wrong-password")).status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await login("admin", TEST_ADMIN_PASSWORD)).status).toBe(200);
    expect((await login("admin", "wrong-password")).status).toBe(401);
    expect((await login("admin", TEST_ADMIN_PASSWORD)).status).toBe(429);
  });

  it("at once, per account: 29 wrong passwords and the right one from 30 addresses get at most 5 failures; the rest 429", async () => {
    server = await startTestServer({ signIn: false, trustProxy: 1 });
    const passwords = [...Array.from({ length: BURST - 1 }, (_, i) => `wrong-password-${i}`), TEST_ADMIN_PASSWORD];
    const answers = await Promise.all(passwords.map((p, i) => login("admin", p, `10.0.${i}.1`)));
    const counts = tally(answers.map((a) => a.status));
    expect(counts[401] ?? 0, JSON.stringify(counts)).toBeLessThanOrEqual(ACCOUNT_LIMIT);
    expect(counts[200] ?? 0).toBeLessThanOrEqual(1);
    expect((counts[401] ?? 0) + (counts[200] ?? 0) + (counts[429] ?? 0)).toBe(BURST);
    for (const a of answers.filter((x) => x.status === 429)) {
      expect(a.body.error.code).toBe("rate_limited");
      expect(Number(a.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });

  it("at once, per address: 30 guesses at 30 usernames get at most 20 failures; the rest 429", async () => {
    server = await startTestServer({ signIn: false, trustProxy: 1 });
    const answers = await Promise.all(Array.from({ length: BURST }, (_, i) => login(`guess${i}`, "wrong-password", "10.1.1.1")));
    const counts = tally(answers.map((a) => a.status));
    expect(counts[401] ?? 0, JSON.stringify(counts)).toBeLessThanOrEqual(ADDRESS_LIMIT);
    expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(BURST);
    expect((await login("admin", TEST_ADMIN_PASSWORD, "10.1.1.1")).status).toBe(429);
    // another address is not held back by this one's guesses
    expect((await login("admin", TEST_ADMIN_PASSWORD, "10.2.2.2")).status).toBe(200);
  });
});

import { describe, expect, it } from "vitest";
import { digest, hashPassword, newOneTimePassword, newSecret, verifyPassword, verifyPasswordSync } from "../../server/access/secrets.js";
import { nextStep } from "../../advisor/next-step.js";

describe("password hashes", () => {
  it("are scrypt with their parameters and a salt of their own, and verify only the right password", async () => {
    const a = hashPassword("correct horse battery");
    const b = hashPassword("correct horse battery");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse battery", a)).toBe(true);
    expect(verifyPasswordSync("correct horse battery", b)).toBe(true);
    expect(await verifyPassword("correct horse batterY", a)).toBe(false);
    expect(await verifyPassword("correct horse battery", "not a hash")).toBe(false);
  });

  it("make one-time passwords and secrets that do not repeat, and store secrets only as digests", () => {
    const passwords = new Set(Array.from({ length: 200 }, newOneTimePassword));
    expect(passwords.size).toBe(200);
    for (const p of passwords) expect(p).toMatch(/^[A-HJ-NP-Z2-9]{16}$/);
    const key = newSecret("dk");
    expect(key).toMatch(/^dk_[A-Za-z0-9_-]{43}$/);
    expect(digest(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(digest(key)).not.toContain(key.slice(3, 13));
  });
});

describe("the advisor's next step", () => {
  it("is arrive, then greet, then start, then complete, and nothing on a closed card", () => {
    const step = (status: Parameters<typeof nextStep>[0]["status"], greetedAt: string | null = null) => nextStep({ status, greetedAt });
    expect(step("booked")).toBe("arrive");
    expect(step("confirmed")).toBe("arrive");
    expect(step("no_show")).toBe("arrive");
    expect(step("arrived")).toBe("greet");
    expect(step("arrived", "2026-11-27T02:02:00.000Z")).toBe("start");
    expect(step("in_service")).toBe("complete");
    expect(step("completed")).toBeNull();
    expect(step("cancelled")).toBeNull();
  });
});

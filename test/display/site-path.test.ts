import { describe, expect, it } from "vitest";
import { apiUrl, namespaceUrl, pageUrl, prefixOfSite, sitePrefixOf } from "../../display/site-path.js";

describe("a page's site, read from its address", () => {
  it("is the root for the embedded server's pages", () => {
    for (const p of ["/admin", "/display", "/advisor/", "/gate", "/", "/group", "/s", "/s/"]) expect(sitePrefixOf(p), p).toBe("");
  });

  it("is /s/<slug> for a group's store, whatever page or depth", () => {
    expect(sitePrefixOf("/s/pudong/admin")).toBe("/s/pudong");
    expect(sitePrefixOf("/s/store-10/display")).toBe("/s/store-10");
    expect(sitePrefixOf("/s/a")).toBe("/s/a");
    // as long a name as the group's registry takes (40)
    expect(sitePrefixOf(`/s/${"a".repeat(40)}/gate`)).toBe(`/s/${"a".repeat(40)}`);
  });

  it("ignores what the server would not take as a site's name", () => {
    for (const p of ["/s/Pudong/admin", "/s/-a/admin", "/s/a_b/admin", "/s/%2e%2e/admin", "/s/a.b/admin", "/x/s/a/admin"]) expect(sitePrefixOf(p), p).toBe("");
  });

  it("builds the site's API, namespaces and pages on the prefix, and nothing else around it", () => {
    const a = prefixOfSite("a");
    expect(apiUrl("/board?date=2026-12-02", a)).toBe("/s/a/api/board?date=2026-12-02");
    expect(namespaceUrl("staff", a)).toBe("/s/a/staff");
    expect(pageUrl("display", a)).toBe("/s/a/display");
    expect(apiUrl("/auth/session", "")).toBe("/api/auth/session");
    expect(namespaceUrl("display", "")).toBe("/display");
    expect(() => prefixOfSite("../admin")).toThrow();
  });

  it("is the root in Node, where there is no address (the benchmark runs the TV's sync core there)", () => {
    expect(apiUrl("/health")).toBe("/api/health");
  });
});

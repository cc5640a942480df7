import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { npmRun } from "../helpers/npm-run.js";
import { newGroupDatabase, startTestGroup, type TestGroup } from "../helpers/test-group.js";
import { TEST_ADMIN_PASSWORD } from "../helpers/test-server.js";

// The group's set-up as its operator does it (docs/GROUP.md): `npm run add-site` for a new store,
// `npm run group-account` for the after-sales director; a running node serves what they made.

describe("npm run add-site and npm run group-account", () => {
  let dir: string;
  let url: string;
  let g: TestGroup | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "magboard-group-cli-"));
    url = await newGroupDatabase();
  });
  afterAll(async () => {
    await g?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("adds stores and the director, refuses what is malformed naming it, and a node serves them", async () => {
    const added = await npmRun("add-site", dir, ["--slug", "xuhui", "--name", "徐汇店"], { DATABASE_URL: url });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain("/s/xuhui/display");
    const again = await npmRun("add-site", dir, ["--slug", "xuhui", "--name", "徐汇二店"], { DATABASE_URL: url });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--slug: a store named "xuhui" exists already');
    const badSlug = await npmRun("add-site", dir, ["--slug", "Xu Hui", "--name", "徐汇店"], { DATABASE_URL: url });
    expect(badSlug.code).toBe(2);
    expect(badSlug.stderr).toMatch(/^--slug/);

    const weak = await npmRun("group-account", dir, ["--username", "wang", "--name", "王总"], { DATABASE_URL: url, MAGBOARD_GROUP_PASSWORD: "short" });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/^MAGBOARD_GROUP_PASSWORD: must be at least 10 characters/);
    const made = await npmRun("group-account", dir, ["--username", "wang", "--name", "王总"], { DATABASE_URL: url, MAGBOARD_GROUP_PASSWORD: "director-password-1" });
    expect(made.code, made.stderr).toBe(0);

    g = await startTestGroup({ databaseUrl: url, sites: [] });
    const manager = await g.signIn("xuhui", "admin", TEST_ADMIN_PASSWORD);
    const board = await g.api("/s/xuhui/api/board", { cookie: manager.cookie });
    expect(board.status).toBe(200);
    expect(board.body.settings.siteName).toBe("徐汇店");
    const director = await g.groupSignIn("wang", "director-password-1");
    expect((await g.api("/group/api/sites", { cookie: director.cookie })).body.sites.map((s: { slug: string }) => s.slug)).toEqual(["xuhui"]);
    // run again, it resets the password (and ends the sessions the old one opened)
    const reset = await npmRun("group-account", dir, ["--username", "wang", "--name", "王总"], { DATABASE_URL: url, MAGBOARD_GROUP_PASSWORD: "director-password-2" });
    expect(reset.code, reset.stderr).toBe(0);
    expect((await g.api("/group/api/me", { cookie: director.cookie })).status).toBe(401);
    await g.groupSignIn("wang", "director-password-2");
  }, 120_000);
});

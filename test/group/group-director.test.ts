import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGroup, type TestGroup } from "../helpers/test-group.js";
import { booking, follow, TEST_ADMIN_PASSWORD } from "../helpers/test-server.js";

// The group's after-sales director (集团售后总监, issue 17 point 1): signs in once for the group,
// sees every store's day at a glance, reads any store, and is signed out of all of them at once.

const DATE = "2026-11-27";
let g: TestGroup;
const managers: Record<string, string> = {};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON answers of many shapes
const ok = (res: { status: number; body: any }): any => {
  if (res.status >= 300) throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** `n` cards at `slug`, then each taken through `steps[i]` (arrive, no_show, complete…) by the store's manager. */
async function day(slug: string, steps: string[][]): Promise<void> {
  const cookie = managers[slug]!;
  const advisor = ok(await g.api("/s/" + slug + "/api/advisors", { method: "POST", cookie, json: { name: "服务顾问 甲", displayOrder: 1 } })).record.id as number;
  for (const [i, path] of steps.entries()) {
    let card = ok(await g.api(`/s/${slug}/api/appointments`, { method: "POST", cookie, json: booking(advisor, { startTime: `${String(9 + i).padStart(2, "0")}:00`, plate: `沪C·${slug}${i}000` }) })).record;
    for (const action of path) card = ok(await g.api(`/s/${slug}/api/appointments/${card.id}/${action}`, { method: "POST", cookie, json: { version: card.version } })).record;
  }
}

beforeAll(async () => {
  g = await startTestGroup({ sites: [{ slug: "jingan", name: "静安店" }, { slug: "pudong", name: "浦东店" }], director: { username: "wang", password: "group-director-pw", displayName: "王总" } });
  for (const slug of ["jingan", "pudong"]) managers[slug] = (await g.signIn(slug, "admin", TEST_ADMIN_PASSWORD)).cookie;
  // 静安: four cards, one arrived, one arrived and finished, one a no-show; 浦东: two cards, one cancelled
  await day("jingan", [[], ["arrive"], ["arrive", "greet", "start", "complete"], ["no_show"]]);
  await day("pudong", [[], ["cancel"]]);
});
afterAll(() => g?.close());

describe("the group director", () => {
  it("is refused with the field named when the sign-in is malformed, and with 401 when wrong", async () => {
    const missing = await g.api("/group/api/auth/login", { method: "POST", json: { username: "wang" } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe("password");
    const wrong = await g.api("/group/api/auth/login", { method: "POST", json: { username: "wang", password: "not-the-password" } });
    expect(wrong.status).toBe(401);
    expect((await g.api("/group/api/sites")).status).toBe(401);
    // a store's manager is nobody at the group
    expect((await g.api("/group/api/sites", { cookie: managers.jingan })).status).toBe(401);
  });

  it("sees every store's day at a glance, in each store's own figures", async () => {
    const { cookie } = await g.groupSignIn("wang", "group-director-pw");
    expect(ok(await g.api("/group/api/me", { cookie }))).toEqual({ username: "wang", displayName: "王总" });
    const { sites } = ok(await g.api("/group/api/sites", { cookie }));
    expect(sites).toEqual([
      { slug: "jingan", name: "静安店", timeZone: "Asia/Shanghai", date: DATE, total: 4, arrived: 2, late: 0, noShow: 1, completed: 1 },
      { slug: "pudong", name: "浦东店", timeZone: "Asia/Shanghai", date: DATE, total: 1, arrived: 0, late: 0, noShow: 0, completed: 0 },
    ]);
  });

  it("is told who it is at a store, reads it, and is signed out of every store at once", async () => {
    const { cookie } = await g.groupSignIn("wang", "group-director-pw");
    const session = ok(await g.api("/s/pudong/api/auth/session", { cookie }));
    expect(session.actor).toMatchObject({ role: "group", name: "王总 (wang)" });
    expect(session.account).toBeNull();
    const screens = [await g.client("jingan", "staff", cookie), await g.client("pudong", "staff", cookie)];
    for (const s of screens) await follow(s, DATE);
    const closed = screens.map((s) => new Promise<void>((resolve) => s.once("disconnect", () => resolve())));
    expect((await g.api("/group/api/auth/logout", { method: "POST", cookie })).status).toBe(204);
    await Promise.all(closed);
    expect((await g.api("/s/jingan/api/board", { cookie })).status).toBe(401);
    expect((await g.api("/group/api/me", { cookie })).status).toBe(401);
  });

  it("sees a store's own time zone and name once its manager changes them", async () => {
    const cookie = managers.pudong!;
    const settings = ok(await g.api("/s/pudong/api/settings", { cookie }));
    ok(await g.api("/s/pudong/api/settings", { method: "PATCH", cookie, json: { version: settings.version, timeZone: "Asia/Tokyo", siteName: "浦东旗舰店" } }));
    const director = await g.groupSignIn("wang", "group-director-pw");
    const { sites } = ok(await g.api("/group/api/sites", { cookie: director.cookie }));
    expect(sites[1]).toMatchObject({ slug: "pudong", name: "浦东旗舰店", timeZone: "Asia/Tokyo" });
    expect(sites[0]).toMatchObject({ slug: "jingan", name: "静安店", timeZone: "Asia/Shanghai" });
  });
});

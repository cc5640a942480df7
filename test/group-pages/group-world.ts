import type { Browser, BrowserContext, Page } from "playwright-core";
import { inject } from "vitest";
import { FULL_HD, launchBrowser, openPage, type Viewport } from "../helpers/browser.js";
import { booking, TEST_ADMIN_PASSWORD } from "../helpers/test-server.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { startTestGroup, type TestGroup } from "../helpers/test-group.js";

/** 09:00 in Asia/Shanghai on 2026-11-27, the group's clock for every store. */
export const NINE = Date.parse("2026-11-27T01:00:00Z");
export const DIRECTOR = { username: "zongjian", password: "director-password-1", displayName: "张总" };

export type Slug = "a" | "b";

/** A store as the tests seeded it: its manager's cookie, its advisor, its cards and the figures they make today. */
export interface SeededStore {
  slug: Slug;
  name: string;
  cookie: string;
  advisor: { id: number; name: string };
  /** The card each store has at 10:00 for a customer of its own surname; ids are the store's own, so both stores have a card 1. */
  ten: number;
  /** What the group page must show for it. */
  figures: { total: number; arrived: number; late: number; noShow: number; completed: number };
}

export interface GroupWorld {
  group: TestGroup;
  clock: ManualClock;
  stores: Record<Slug, SeededStore>;
  browser: Browser;
  /** A fresh browser context and page on `path` of the group's node (about:blank when null). */
  open(path: string | null, opts?: { viewport?: Viewport; cookie?: string }): Promise<{ page: Page; context: BrowserContext }>;
  /** The director's group cookie (`magboard_group=…`), signed in through the API. */
  directorCookie(): Promise<string>;
  /** Runs a store's REST call as its manager. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many shapes, asserted by the tests
  api(slug: Slug, path: string, init?: RequestInit & { json?: unknown }): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/**
 * A group node on its own PostgreSQL database with two stores, `a` (浦东店) and `b` (徐汇店), a group
 * director, and Chromium. Each store gets an advisor and cards whose today differs:
 * a: 10:00 booked (王), 08:40 late (王), 08:20 arrived (王) → 3 cards, 1 arrived, 1 late;
 * b: 10:00 booked (李), 08:20 completed (李), 08:10 no-show (李) → 3 cards, 1 arrived, 1 no-show, 1 completed.
 */
export async function startGroupWorld(): Promise<GroupWorld> {
  const clock = new ManualClock(NINE);
  const group = await startTestGroup({
    sites: [
      { slug: "a", name: "浦东店" },
      { slug: "b", name: "徐汇店" },
    ],
    director: DIRECTOR,
    clock,
    staticDir: inject("pagesDir"),
  });
  const contexts: BrowserContext[] = [];
  const cookies: Partial<Record<Slug, string>> = {};
  const api: GroupWorld["api"] = async (slug, path, init = {}) => {
    cookies[slug] ??= (await group.signIn(slug, "admin", TEST_ADMIN_PASSWORD)).cookie;
    const res = await group.api(`/s/${slug}/api${path}`, { ...init, cookie: cookies[slug] });
    return { status: res.status, body: res.body };
  };
  const step = async (slug: Slug, id: number, action: string) => {
    // the store's clock may mark the card late between the read and the step: read it again then
    for (let attempt = 0; ; attempt++) {
      const card = await api(slug, `/appointments/${id}`);
      const res = await api(slug, `/appointments/${id}/${action}`, { method: "POST", json: { version: card.body.version } });
      if (res.status === 200) return;
      if (res.body?.error?.code !== "version_conflict" || attempt === 2) throw new Error(`${action} at ${slug}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  };
  const seed = async (slug: Slug, name: string, advisorName: string, surname: string) => {
    const advisor = (await api(slug, "/advisors", { method: "POST", json: { name: advisorName, displayOrder: 1 } })).body.record.id as number;
    const card = async (startTime: string, plate: string) => {
      const res = await api(slug, "/appointments", { method: "POST", json: booking(advisor, { startTime, customerName: `${surname}先生`, plate }) });
      if (res.status !== 201) throw new Error(`booking at ${slug}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.record.id as number;
    };
    const ten = await card("10:00", slug === "a" ? "京A·10001" : "沪B·20001");
    return { slug, name, cookie: cookies[slug]!, advisor: { id: advisor, name: advisorName }, ten, card };
  };
  const a = await seed("a", "浦东店", "王一", "王");
  await card(a, "08:40", "京A·10002");
  await step("a", await card(a, "08:20", "京A·10003"), "arrive");
  const b = await seed("b", "徐汇店", "李二", "李");
  const done = await card(b, "08:20", "沪B·20002");
  for (const action of ["arrive", "greet", "start", "complete"]) await step("b", done, action);
  await step("b", await card(b, "08:10", "沪B·20003"), "no_show");
  // 08:40 is past its grace at 09:00: the store's clock marks it late (at once, or on one of its next minutes)
  for (let minute = 0; ; minute++) {
    const board = await api("a", "/board?date=2026-11-27");
    const late = (board.body.appointments as { startTime: string; lateAt: string | null }[]).filter((c) => c.lateAt !== null).map((c) => c.startTime);
    if (late.includes("08:40")) break;
    if (minute === 5) throw new Error(`store a's clock never marked 08:40 late: ${JSON.stringify(late)}`);
    clock.advance(60_000);
  }

  const browser = await launchBrowser();
  const stores: Record<Slug, SeededStore> = {
    a: { ...strip(a), figures: { total: 3, arrived: 1, late: 1, noShow: 0, completed: 0 } },
    b: { ...strip(b), figures: { total: 3, arrived: 1, late: 0, noShow: 1, completed: 1 } },
  };
  return {
    group,
    clock,
    stores,
    browser,
    api,
    async open(path, opts = {}) {
      const opened = await openPage(browser, "about:blank", opts.viewport ?? FULL_HD);
      contexts.push(opened.context);
      if (opts.cookie) {
        const eq = opts.cookie.indexOf("=");
        await opened.context.addCookies([{ name: opts.cookie.slice(0, eq), value: opts.cookie.slice(eq + 1), url: group.url, httpOnly: true, sameSite: "Strict" }]);
      }
      if (path !== null) await opened.page.goto(group.url + path);
      return opened;
    },
    async directorCookie() {
      return (await group.groupSignIn(DIRECTOR.username, DIRECTOR.password)).cookie;
    },
    async close() {
      for (const c of contexts) await c.close();
      await browser.close();
      await group.close();
    },
  };
}

function card(store: { card: (t: string, p: string) => Promise<number> }, startTime: string, plate: string): Promise<number> {
  return store.card(startTime, plate);
}

function strip<T extends { card: unknown }>(s: T): Omit<T, "card"> {
  const { card: _card, ...rest } = s;
  return rest;
}

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BoardPatch } from "../../shared/schemas/board.js";
import { decodeCompactDay } from "../../shared/display-wire.js";
import { booking, follow, followAsSent, nextEvent, seedBasics, startTestServer, type StaffClient, type TestServer } from "../helpers/test-server.js";
import { dbFingerprint } from "../helpers/db-fingerprint.js";

const DATE = "2026-11-27";
const FULL_NAME = "欧阳明华";
const PLATE = "京A·12345";

describe("paired displays", () => {
  let server: TestServer;
  let advisors: number[];
  beforeEach(async () => {
    server = await startTestServer();
    ({ advisors } = await seedBasics(server));
    await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!, { customerName: FULL_NAME, plate: PLATE }) });
  });
  afterEach(async () => {
    await server.close();
  });

  const pair = async (visibility: "public" | "staff") => {
    const res = await server.api("/api/displays", { method: "POST", json: { name: "前台大屏", visibility, language: "zh-CN", advisorIds: [advisors[0]] } });
    expect(res.status).toBe(201);
    return { id: res.body.record.id as number, key: res.body.secret as string };
  };

  /** Every frame a socket receives, as text, to check what travelled to it. */
  const recordFrames = (socket: StaffClient) => {
    const seen: string[] = [];
    socket.onAny((_event, ...args) => seen.push(JSON.stringify(args)));
    return seen;
  };

  it("gives the key once, keeps only its hash, and tells the screen its configuration", async () => {
    const { id, key } = await pair("staff");
    expect(key).toMatch(/^dk_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(server.db.prepare("SELECT * FROM displays").all())).not.toContain(key);
    expect(JSON.stringify((await server.api("/api/displays")).body)).not.toContain(key);
    const screen = await server.client("display", { auth: { key } });
    const config = await screen.emitWithAck("display:config");
    expect(config).toMatchObject({ id, name: "前台大屏", visibility: "staff", language: "zh-CN", advisorIds: [advisors[0]] });
  });

  it("keeps a paired TV's layout and now-window, tells the screen, and refuses a bad one naming the field", async () => {
    const { id, key } = await pair("public");
    // the defaults: whichever layout suits the day, an hour back and three ahead
    expect(await (await server.client("display", { auth: { key } })).emitWithAck("display:config")).toMatchObject({ layout: "auto", windowBefore: 1, windowAfter: 3 });
    const made = await server.api("/api/displays", {
      method: "POST",
      json: { name: "休息区大屏", visibility: "public", language: "zh-CN", layout: "list", windowBefore: 0.5, windowAfter: 2 },
    });
    expect(made.status).toBe(201);
    const lounge = await server.client("display", { auth: { key: made.body.secret as string } });
    expect(await lounge.emitWithAck("display:config")).toMatchObject({ layout: "list", windowBefore: 0.5, windowAfter: 2 });

    const before = (await server.api("/api/displays")).body.find((d: { id: number }) => d.id === id);
    const changed = await server.api(`/api/displays/${id}`, { method: "PATCH", json: { version: before.version, layout: "grid", windowAfter: 4 } });
    expect(changed.status).toBe(200);
    expect(changed.body.record).toMatchObject({ layout: "grid", windowBefore: 1, windowAfter: 4 });

    const untouched = dbFingerprint(server.db);
    for (const [field, value] of [["layout", "table"], ["windowBefore", -1], ["windowAfter", 1.25], ["windowAfter", 13]] as const) {
      const bad = await server.api(`/api/displays/${id}`, { method: "PATCH", json: { version: changed.body.record.version, [field]: value } });
      expect(bad.status, `${field} ${value}`).toBe(400);
      expect(bad.body.error.field).toBe(field);
    }
    expect(dbFingerprint(server.db)).toBe(untouched);
  });

  it("a staff-only paired display receives full names; a public one and an unpaired one only masked ones", async () => {
    const staffOnly = await pair("staff");
    const publicOne = await pair("public");
    const screens = {
      staff: await server.client("display", { auth: { key: staffOnly.key } }),
      public: await server.client("display", { auth: { key: publicOne.key } }),
      unpaired: await server.client("display"),
    };
    const frames = { public: recordFrames(screens.public), unpaired: recordFrames(screens.unpaired) };
    for (const [kind, screen] of Object.entries(screens)) {
      const start = await followAsSent(screen, DATE);
      if (start.kind !== "compact") throw new Error("expected the display's compact day");
      const name = decodeCompactDay(start.day).appointments[0]!.customerName;
      expect(name, kind).toBe(kind === "staff" ? FULL_NAME : "欧**");
      if (kind === "public") frames.public.push(JSON.stringify(start));
      if (kind === "unpaired") frames.unpaired.push(JSON.stringify(start));
    }
    const patches = Object.values(screens).map((s) => nextEvent<BoardPatch>(s, "board:patch"));
    await server.api("/api/appointments", { method: "POST", json: booking(advisors[1]!, { customerName: "司马相如", plate: "沪B·77889", startTime: "11:00" }) });
    const [staffPatch] = await Promise.all(patches);
    expect(JSON.stringify(staffPatch)).toContain("司马相如");
    for (const seen of [frames.public, frames.unpaired]) {
      const all = seen.join("\n");
      for (const secret of [FULL_NAME, "司马相如", PLATE, "沪B·77889", "138 1024 5567"]) expect(all).not.toContain(secret);
    }
  });

  it("lists every display's status: online, last seen, date and page", async () => {
    const live = await pair("public");
    const off = await pair("public");
    const screen = await server.client("display", { auth: { key: live.key } });
    await follow(screen, DATE);
    screen.emit("display:report", { page: "2/3" });
    await follow(screen, DATE); // a round trip, so the report has been handled
    const list = (await server.api("/api/displays")).body as { id: number; online: boolean; date: string | null; page: string | null; lastSeenAt: string | null }[];
    expect(list.find((d) => d.id === live.id)).toMatchObject({ online: true, date: DATE, page: "2/3" });
    expect(list.find((d) => d.id === live.id)!.lastSeenAt).not.toBeNull();
    expect(list.find((d) => d.id === off.id)).toMatchObject({ online: false, date: null, page: null, lastSeenAt: null });
  });

  it("an unpaired screen learns it has no configuration", async () => {
    expect(await (await server.client("display")).emitWithAck("display:config")).toBeNull();
  });

  it("a display socket can never run a command, paired or not", async () => {
    const paired = await pair("staff");
    const before = dbFingerprint(server.db);
    for (const screen of [await server.client("display", { auth: { key: paired.key } }), await server.client("display")]) {
      await follow(screen, DATE);
      // the card's current version, as the staff read it (a display's wire carries no version), so only the namespace can refuse
      const target = (await server.api(`/api/board?date=${DATE}`)).body.appointments[0] as { id: number; version: number };
      let answered = false;
      (screen).emit("board:command", { command: { type: "appointment.status", id: target.id, version: target.version, action: "cancel" } }, () => {
        answered = true;
      });
      // the server handles a socket's packets in order, so a handler would have answered before this round trip ends
      await follow(screen, DATE);
      expect(answered).toBe(false);
      expect(screen.connected).toBe(true);
    }
    expect(dbFingerprint(server.db)).toBe(before);
  });

  it("with pairing required, an unpaired screen is refused and a paired one still connects", async () => {
    await server.close();
    server = await startTestServer({ requireDisplayPairing: true });
    ({ advisors } = await seedBasics(server));
    await expect(server.client("display")).rejects.toThrow("pairing_required");
    const { key } = await pair("public");
    expect((await server.client("display", { auth: { key } })).connected).toBe(true);
  });

  it("a paired display's key does not open the staff namespace", async () => {
    const paired = await pair("staff");
    await expect(server.client("staff", { as: "anonymous", auth: { key: paired.key } })).rejects.toThrow("unauthorized");
    await expect(server.client("staff", { as: "anonymous", auth: { token: paired.key } })).rejects.toThrow("unauthorized");
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../helpers/manual-clock.js";
import { booking, seedBasics, startTestServer, type TestServer } from "../helpers/test-server.js";
import { median, percentile } from "../../shared/rules/reception-figures.js";

/** hh:mm in Shanghai on 2026-11-27 as an instant. */
const at = (hhmm: string) => Date.parse(`2026-11-27T${hhmm}:00+08:00`);

describe("the manager's reception figures, against a day built by hand", () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function step(clock: ManualClock, hhmm: string, id: number, action: string) {
    clock.set(at(hhmm));
    const v = (await server!.api(`/api/appointments/${id}`)).body.version;
    const res = await server!.api(`/api/appointments/${id}/${action}`, { method: "POST", json: { version: v } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  it("counts arrivals and walk-ins apart, times the greeting from the stamps, and leaves walk-ins out of the show rate", async () => {
    const clock = new ManualClock(at("08:00"));
    server = await startTestServer({ clock });
    const { advisors } = await seedBasics(server);
    const [A, B] = advisors as [number, number];
    const book = async (advisor: number, startTime: string, plate: string) =>
      (await server!.api("/api/appointments", { method: "POST", json: booking(advisor, { startTime, plate }) })).body.record.id as number;
    const a1 = await book(A, "09:00", "京A11111");
    const a2 = await book(A, "10:00", "京A22222");
    await book(A, "11:00", "京A33333"); // never comes: no-show at 12:00
    const b1 = await book(B, "09:00", "京B11111");
    const b2 = await book(B, "10:00", "京B22222");
    await book(B, "13:00", "京B33333"); // still to come: in no rate

    await step(clock, "08:58", a1, "arrive");
    await step(clock, "09:00", a1, "greet"); // 2 min
    await step(clock, "09:16", b1, "arrive"); // 16 min late
    await step(clock, "09:20", b1, "greet"); // 4 min: past the limit
    await step(clock, "09:30", b2, "cancel");
    await step(clock, "10:20", a2, "arrive"); // 20 min late
    await step(clock, "10:25", a2, "greet"); // 5 min
    clock.set(at("11:30"));
    const walkIn = (await server.api("/api/appointments/walk-in", { method: "POST", json: { plate: "京C12345", jobCategory: "wash", workRequested: "洗车", advisorId: A } })).body.record.id as number;
    await step(clock, "11:31", walkIn, "greet"); // 1 min
    clock.set(at("12:00"));

    const res = await server.api("/api/reception/figures?date=2026-11-27");
    expect(res.status).toBe(200);
    const f = res.body;
    expect(f).toMatchObject({ from: "2026-11-27", to: "2026-11-27", greetingLimitMinutes: 3 });
    expect(f.advisors).toEqual([
      {
        advisorId: A, advisorName: "服务顾问 A", arrivals: 2, walkIns: 1, greetingMedianMinutes: 2, greetingP90Minutes: 5, greetedWithinLimitShare: 2 / 3,
        lateArrivals: 1, lateMedianMinutes: 20, noShows: 1, showRate: 2 / 3,
      },
      {
        advisorId: B, advisorName: "服务顾问 B", arrivals: 1, walkIns: 0, greetingMedianMinutes: 4, greetingP90Minutes: 4, greetedWithinLimitShare: 0,
        lateArrivals: 1, lateMedianMinutes: 16, noShows: 0, showRate: 1,
      },
    ]);
    expect(f.total).toEqual({
      advisorId: null, advisorName: "", arrivals: 3, walkIns: 1, greetingMedianMinutes: 3, greetingP90Minutes: 5, greetedWithinLimitShare: 0.5,
      lateArrivals: 2, lateMedianMinutes: 18, noShows: 1, showRate: 0.75,
    });

    const csv = await fetch(`${server.url}/api/reception/figures.csv?date=2026-11-27`, { headers: { cookie: server.manager.cookie } });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("服务顾问,预约到店,散客,出迎用时中位数（分钟）,出迎用时90%分位（分钟）,时限内出迎比例,延时到店,迟到中位数（分钟）,爽约,到店率（不含散客）");
    expect(lines[3]).toBe('"合计",3,1,3,5,50%,2,18,1,75%');
  });

  it("is the manager's: a desk or advisor account is refused; a bad range names the field and a range sums its days", async () => {
    server = await startTestServer();
    await seedBasics(server);
    const desk = await server.sessionAs("desk");
    expect((await server.api("/api/reception/figures", { as: desk })).status).toBe(403);
    expect((await server.api("/api/reception/figures", { as: "anonymous" })).status).toBe(401);
    const backwards = await server.api("/api/reception/figures?from=2026-11-27&to=2026-11-01");
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.field).toBe("to");
    const bad = await server.api("/api/reception/figures?from=2026-02-30");
    expect(bad.body.error.field).toBe("from");
    const month = await server.api("/api/reception/figures?from=2026-11-01&to=2026-11-30");
    expect(month.body).toMatchObject({ from: "2026-11-01", to: "2026-11-30", advisors: [], total: { arrivals: 0, showRate: null, greetingMedianMinutes: null } });
  });

  it("uses the median and the nearest-rank 90th percentile", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
  });
});
